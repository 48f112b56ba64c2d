package io.tracewell.epcis.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every EPC scheme in both directions: EPC URI to Digital Link and back (examples of TDS 2.x / TRANSLATION.md). */
class EpcSchemesTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("urn:epc:id:sgtin:4012345.011111.987", "/01/04012345111118/21/987", Sgtin.class),
                Arguments.of("urn:epc:id:sgtin:415056789012.0.987654", "/01/04150567890128/21/987654", Sgtin.class),
                Arguments.of("urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()",
                        "/01/80614141123458/21/6789%2F%26%25%22!%3F()", Sgtin.class),
                Arguments.of("urn:epc:id:sscc:4012345.3111111111", "/00/340123451111111111", Sscc.class),
                Arguments.of("urn:epc:id:sscc:4012345.0000000011", "/00/040123450000000115", Sscc.class),
                Arguments.of("urn:epc:id:sgln:4012345.00005.0", "/414/4012345000054", Sgln.class),
                Arguments.of("urn:epc:id:sgln:4012345.00005.122", "/414/4012345000054/254/122", Sgln.class),
                Arguments.of("urn:epc:id:grai:4012345.00022.334455", "/8003/04012345000221334455", Grai.class),
                Arguments.of("urn:epc:id:giai:4012345.ABC345", "/8004/4012345ABC345", Giai.class),
                Arguments.of("urn:epc:id:gsrn:4012345.0000006765", "/8018/401234500000067657", Gsrn.class),
                Arguments.of("urn:epc:id:gsrnp:4012345.0000000007", "/8017/401234500000000074", Gsrnp.class),
                Arguments.of("urn:epc:id:gdti:4012345.00009.PO-4711", "/253/4012345000092PO-4711", Gdti.class),
                Arguments.of("urn:epc:id:gdti:987659999999..9", "/253/98765999999929", Gdti.class),
                Arguments.of("urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234",
                        "/8010/061414111111111111111-A%23%2F/8011/1234", Cpi.class),
                Arguments.of("urn:epc:id:sgcn:1234567890.12.1234", "/255/12345678901281234", Sgcn.class),
                Arguments.of("urn:epc:id:ginc:0614141.xyz47%2F11", "/401/0614141xyz47%2F11", Ginc.class),
                Arguments.of("urn:epc:id:gsin:4012345.222333444", "/402/40123452223334442", Gsin.class),
                Arguments.of("urn:epc:id:itip:4012345.011111.01.02.987", "/8006/040123451111180102/21/987",
                        Itip.class),
                Arguments.of("urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7SDB",
                        "/01/01234567987651/235/51qIgY)%3C%26Jp3*j7SDB", Upui.class),
                Arguments.of("urn:epc:id:pgln:4000001.00000", "/417/4000001000005", Pgln.class),
                Arguments.of("urn:epc:id:pgln:999999999999.", "/417/9999999999994", Pgln.class),
                Arguments.of("urn:epc:class:lgtin:4012345.012345.998877", "/01/04012345123456/10/998877",
                        Lgtin.class),
                Arguments.of("urn:epc:idpat:sgtin:4012345.012345.*", "/01/04012345123456", ProductClass.class),
                Arguments.of("urn:epc:idpat:grai:4012345.99999.*", "/8003/04012345999990", Grai.class),
                Arguments.of("urn:epc:idpat:gdti:4012345.11111.*", "/253/4012345111118", Gdti.class),
                Arguments.of("urn:epc:idpat:sgcn:4012345.22222.*", "/255/4012345222227", Sgcn.class),
                Arguments.of("urn:epc:idpat:cpi:4012345.AB12.*", "/8010/4012345AB12", Cpi.class),
                Arguments.of("urn:epc:idpat:itip:4012345.012345.01.02.*", "/8006/040123451234560102", Itip.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void urnToDigitalLinkAndBack(String urn, String path, Class<? extends Gs1Key> type) {
        Epc epc = Epc.parse(urn);
        assertThat(epc).isInstanceOf(type);
        Gs1Key key = (Gs1Key) epc;
        assertThat(key.toDigitalLink()).isEqualTo("https://id.gs1.org" + path);
        assertThat(key.canonical()).isEqualTo("https://id.gs1.org" + path);
        assertThat(key.toUrn()).isEqualTo(urn);
        assertThat(key.translateToUrn()).isEqualTo(new UrnTranslation.Translated(urn));
        assertThat(key.gcpLength()).hasValue(Vectors.gcpLengthOf(urn));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("pairs")
    void digitalLinkToUrnNeedsTheCompanyPrefixLength(String urn, String path, Class<? extends Gs1Key> type) {
        String dl = "https://example.com/resolver" + path + "?17=251231";
        Gs1Key unknown = (Gs1Key) Epc.parse(dl);
        assertThat(unknown).isInstanceOf(type).isEqualTo(Epc.parse(urn));
        assertThat(unknown.gcpLength()).isEmpty();
        assertThat(unknown.canonical()).isEqualTo("https://id.gs1.org" + path);
        assertThat(unknown.translateToUrn()).isEqualTo(new UrnTranslation.NotTranslated(
                "https://id.gs1.org" + path, UrnTranslation.Reason.COMPANY_PREFIX_LENGTH_UNKNOWN,
                "GS1 company prefix length unknown for " + unknown.prefixedDigits()));
        assertThatThrownBy(unknown::toUrn).isInstanceOf(IdentifierException.class)
                .hasMessage("GS1 company prefix length unknown for https://id.gs1.org" + path
                        + ": no EPC URI can be formed (configure CompanyPrefixLengths, or keep the Digital Link)");

        int length = Vectors.gcpLengthOf(urn);
        CompanyPrefixLengths table = CompanyPrefixLengths.fixedTable()
                .put(unknown.prefixedDigits().substring(0, length), length);
        assertThat(unknown.translateToUrn(table)).isEqualTo(new UrnTranslation.Translated(urn));
        Gs1Key known = (Gs1Key) Epc.parse(dl, table);
        assertThat(known.gcpLength()).hasValue(length);
        assertThat(known.toUrn()).isEqualTo(urn);
    }
}
