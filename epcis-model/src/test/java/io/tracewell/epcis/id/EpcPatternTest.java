package io.tracewell.epcis.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EpcPatternTest {

    @Test
    void patternsWithoutDigitalLinkFormStayPatterns() {
        Epc epc = Epc.parse("urn:epc:idpat:sgtin:4012345.*.*");
        assertThat(epc).isEqualTo(new EpcPattern(EpcScheme.SGTIN, List.of("4012345", "*", "*")));
        assertThat(epc.canonical()).isEqualTo("urn:epc:idpat:sgtin:4012345.*.*");
        assertThat(epc.digitalLink()).isEmpty();
        assertThat(epc.translateToUrn().uri()).isEqualTo("urn:epc:idpat:sgtin:4012345.*.*");
        assertThat(Epc.parse("urn:epc:idpat:sgln:4012345.00005.*")).isInstanceOf(EpcPattern.class);
        assertThat(Epc.parse("urn:epc:idpat:sscc:*.*")).isInstanceOf(EpcPattern.class);
    }

    @Test
    void classLevelPatternsAreKeysForEpcParseAndPatternsForEpcPatternParse() {
        assertThat(Epc.parse("urn:epc:idpat:sgtin:4012345.012345.*")).isInstanceOf(ProductClass.class);
        EpcPattern p = EpcPattern.parse("urn:epc:idpat:sgtin:4012345.012345.*");
        assertThat(p.fixedComponents()).isEqualTo(2);
        assertThat(p.digitalLink()).contains("https://id.gs1.org/01/04012345123456");
        assertThat(Epc.parse("urn:epc:idpat:upui:4012345.012345.*")).isEqualTo(
                ProductClass.of(new Gtin("04012345123456")));
        assertThatThrownBy(() -> EpcPattern.parse("urn:epc:id:sgtin:4012345.012345.1"))
                .hasMessage("an EPC pattern URI starts with urn:epc:idpat: at position 0");
    }

    @Test
    void matchesOnTheEpcStructureWhateverTheSpelling() {
        EpcPattern company = EpcPattern.parse("urn:epc:idpat:sgtin:4012345.*.*");
        EpcPattern item = EpcPattern.parse("urn:epc:idpat:sgtin:4012345.012345.*");
        EpcPattern exact = EpcPattern.parse("urn:epc:idpat:sgtin:4012345.012345.A%2F1");
        Epc urn = Epc.parse("urn:epc:id:sgtin:4012345.012345.A%2F1");
        Epc dl = Epc.parse("https://id.gs1.org/01/04012345123456/21/A%2F1");
        Epc otherCompany = Epc.parse("urn:epc:id:sgtin:4012346.012345.1");
        Epc lgtin = Epc.parse("https://id.gs1.org/01/04012345123456/10/L1");
        Epc productClass = Epc.parse("https://id.gs1.org/01/04012345123456");
        Epc sscc = Epc.parse("urn:epc:id:sscc:4012345.3111111111");

        assertThat(List.of(urn, dl, lgtin, productClass)).allMatch(company::matches).allMatch(item::matches);
        assertThat(exact.matches(urn)).isTrue();
        assertThat(exact.matches(dl)).isTrue();
        assertThat(exact.matches(lgtin)).isFalse();
        assertThat(exact.matches(Epc.parse("urn:epc:id:sgtin:4012345.012345.2"))).isFalse();
        assertThat(company.matches(otherCompany)).isFalse();
        assertThat(company.matches(sscc)).isFalse();
        assertThat(EpcPattern.parse("urn:epc:idpat:sgtin:*.*.*").matches(otherCompany)).isTrue();
        assertThat(EpcPattern.parse("urn:epc:idpat:sscc:4012345.*").matches(sscc)).isTrue();
        assertThat(company.matches(new OtherUri("urn:example:1"))).isFalse();
        // A prefix length that does not fit the candidate cannot match.
        assertThat(EpcPattern.parse("urn:epc:idpat:giai:40123456.*")
                .matches(Epc.parse("https://id.gs1.org/8004/4012345ABC"))).isFalse();
    }

    @Test
    void constructorChecksAndCanonicalisesComponents() {
        assertThat(new EpcPattern(EpcScheme.GIAI, List.of("4012345", "A%2fb")).toUrn())
                .isEqualTo("urn:epc:idpat:giai:4012345.A%2Fb");
        assertThatThrownBy(() -> new EpcPattern(EpcScheme.SGTIN, List.of("*", "012345", "*")))
                .isInstanceOf(IdentifierException.class)
                .hasMessage("in an EPC pattern only trailing components may be '*' in urn:epc:idpat:sgtin:*.012345.*");
        assertThatThrownBy(() -> new EpcPattern(EpcScheme.LGTIN, List.of("*", "*", "*")))
                .hasMessage("LGTIN has no EPC pattern form");
        assertThatThrownBy(() -> new EpcPattern(EpcScheme.SGTIN, List.of("4012345", "*")))
                .hasMessage("sgtin EPC URI needs 3 components separated by '.', found 2"
                        + " in urn:epc:idpat:sgtin:4012345.*");
    }
}
