package io.tracewell.epcis.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Direct construction of the value types and key records: they check themselves. */
class Gs1KeyRecordsTest {

    @Test
    void valueTypes() {
        assertThat(Gtin.parse("9506000134352")).isEqualTo(new Gtin("09506000134352"));
        assertThat(Gtin.parse("97803119").value()).isEqualTo("00000097803119");
        assertThat(new Gtin("80614141123458").indicator()).isEqualTo('8');
        assertThatThrownBy(() -> Gtin.parse("12345678901")).hasMessage("GTIN must be 8, 12, 13 or 14 digits, found 11");
        assertThatThrownBy(() -> new Gtin("09506000134353"))
                .hasMessage("GTIN check digit: expected 2, found 3 in 09506000134353");
        assertThatThrownBy(() -> new Gln("401234500005")).hasMessage("GLN must be 13 digits, found 12");
        assertThatThrownBy(() -> new Gln("401234500005X"))
                .hasMessage("character 'X' not allowed in GLN (numeric)");
        assertThat(new CompanyPrefix("4012345").length()).isEqualTo(7);
        assertThatThrownBy(() -> new CompanyPrefix("40123"))
                .hasMessage("GS1 company prefix must be 6 to 12 digits, found 5");
    }

    @Test
    void equalityIgnoresTheCompanyPrefixLength() {
        Sgtin fromUrn = (Sgtin) Epc.parse("urn:epc:id:sgtin:4012345.011111.987");
        Sgtin fromDl = (Sgtin) Epc.parse("https://id.gs1.org/01/04012345111118/21/987");
        assertThat(fromUrn).isEqualTo(fromDl).hasSameHashCodeAs(fromDl);
        assertThat(fromUrn.gcpLength()).hasValue(7);
        assertThat(fromDl.gcpLength()).isEmpty();
        assertThat(fromUrn.companyPrefix()).contains(new CompanyPrefix("4012345"));
        assertThat(fromDl.withGcpLength(9).toUrn()).isEqualTo("urn:epc:id:sgtin:401234511.0111.987");
    }

    @Test
    void companyPrefixLengthMustFitTheKey() {
        Giai giai = Giai.of("4012345ABC");
        assertThatThrownBy(() -> giai.withGcpLength(8)).hasMessage(
                "GS1 company prefix length 8 does not fit GIAI 4012345ABC: character 'A' at index 7 is not a digit");
        assertThatThrownBy(() -> Pgln.of(new Gln("4000001000005")).withGcpLength(13))
                .hasMessage("GS1 company prefix length must be 6 to 12, found 13");
        CompanyPrefixLengths table = CompanyPrefixLengths.fixedTable().put("40", 8);
        assertThat(giai.translateToUrn(table)).isEqualTo(new UrnTranslation.NotTranslated(
                "https://id.gs1.org/8004/4012345ABC", UrnTranslation.Reason.COMPANY_PREFIX_LENGTH_MISMATCH,
                "GS1 company prefix length 8 does not fit GIAI 4012345ABC: character 'A' at index 7 is not a digit"));
        assertThat(((Gs1Key) Epc.parse("https://id.gs1.org/8004/4012345ABC", table)).gcpLength()).isEmpty();
    }

    @Test
    void recordsCheckTheirParts() {
        assertThatThrownBy(() -> Sgtin.of(new Gtin("04012345111118"), "123456789012345678901"))
                .hasMessage("serial (AI 21) longer than 20 characters");
        assertThatThrownBy(() -> Sscc.of("340123451111111112"))
                .hasMessage("SSCC check digit: expected 1, found 2 in 340123451111111112");
        assertThatThrownBy(() -> Grai.of("4012345000221", "12345678901234567"))
                .hasMessage("GRAI serial (AI 8003) longer than 16 characters");
        assertThatThrownBy(() -> Cpi.of("0614141AB", "012"))
                .hasMessage("CPID serial (AI 8011) must not start with 0");
        assertThatThrownBy(() -> new Itip("040123451111180102", Optional.of("1"), Optional.of("L"),
                OptionalInt.empty())).hasMessage(
                        "ITIP with both serial and batch/lot: the serial alone identifies the piece");
        assertThat(Sgln.of(new Gln("4012345000054"), "0")).isEqualTo(Sgln.of(new Gln("4012345000054")));
    }

    @Test
    void elementStringsOfKeys() {
        assertThat(Epc.parse("urn:epc:id:grai:4012345.00022.334455")).isInstanceOfSatisfying(Gs1Key.class,
                k -> assertThat(k.toElementString().toBracketed()).isEqualTo("(8003)04012345000221334455"));
        assertThat(Epc.parse("urn:epc:id:sgln:4012345.00005.122")).isInstanceOfSatisfying(Gs1Key.class,
                k -> assertThat(k.toElementString().toBracketed()).isEqualTo("(414)4012345000054(254)122"));
        assertThat(ElementString.parse("(8006)040123451111180102(21)987").toKey())
                .isEqualTo(Epc.parse("urn:epc:id:itip:4012345.011111.01.02.987"));
    }

    @Test
    void otherUris() {
        assertThat(Epc.parse("urn:epcglobal:cbv:bt:0614141073467:1152").canonical())
                .isEqualTo("urn:epcglobal:cbv:bt:0614141073467:1152");
        assertThat(Epc.parse(" geo:47.5,8.5 ")).isEqualTo(OtherUri.of("geo:47.5,8.5"));
        assertThat(Epc.parse("http://transaction.acme.com/po/12345678").translateToUrn())
                .isEqualTo(new UrnTranslation.NotTranslated("http://transaction.acme.com/po/12345678",
                        UrnTranslation.Reason.NOT_A_GS1_KEY, "not a GS1 key: http://transaction.acme.com/po/12345678"));
        assertThatThrownBy(() -> Epc.parse("Hello World!")).isInstanceOfSatisfying(IdentifierException.class,
                e -> assertThat(e.getMessage()).isEqualTo("not a well-formed URI: Illegal character in path at"
                        + " position 5"));
        assertThatThrownBy(() -> Epc.parse("  ")).hasMessage("empty identifier at position 0");
    }
}
