package io.tracewell.epcis.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitalLinkTest {

    @Test
    void qualifiersInPathOrderAndQueryAttributesMakeOneElementString() {
        ElementString es = ElementString.fromDigitalLink("https://example.com/shop/01/09506000134352/10/ABC123"
                + "/21/123456?17=251231&linkType=gs1:pip&3103=000195");
        assertThat(es.toBracketed()).isEqualTo("(01)09506000134352(10)ABC123(21)123456(17)251231(3103)000195");
        assertThat(es.gtin()).contains(new Gtin("09506000134352"));
        assertThat(es.lot()).contains("ABC123");
        assertThat(es.serial()).contains("123456");
        assertThat(es.expiry()).contains(LocalDate.of(2025, 12, 31));
    }

    @Test
    void shortNamesAndShortGtinsAreAccepted() {
        DigitalLink dl = DigitalLink.parse("http://example.de/gtin/4012345123456/ser/ABC524?exp=260100");
        assertThat(dl.toUri()).isEqualTo("https://id.gs1.org/01/04012345123456/21/ABC524?17=260100");
        assertThat(dl.toElementString().expiry()).contains(LocalDate.of(2026, 1, 31));
        assertThat(DigitalLink.parse("http://example.com/01/001122334455").primaryKey())
                .isEqualTo(new AiValue("01", "00001122334455"));
    }

    @Test
    void keyLevelKeepsTheFinestIdentification() {
        assertThat(Epc.parse("https://id.gs1.org/01/9780345418913/22/344/10/1223/21/765tz").canonical())
                .isEqualTo("https://id.gs1.org/01/09780345418913/21/765tz");
        assertThat(Epc.parse("https://id.gs1.org/8006/040123451234560102/22/ABCD/10/XYZ")).isInstanceOfSatisfying(
                Itip.class, itip -> {
                    assertThat(itip.lot()).contains("XYZ");
                    assertThat(itip.translateToUrn()).isInstanceOfSatisfying(UrnTranslation.NotTranslated.class,
                            n -> assertThat(n.reason()).isEqualTo(UrnTranslation.Reason.NO_EPC_URI_FORM));
                    assertThatThrownBy(itip.withGcpLength(7)::toUrn).hasMessage("no EPC URI for an ITIP with"
                            + " batch/lot (https://id.gs1.org/8006/040123451234560102/10/XYZ)");
                });
    }

    @Test
    void valuesArePercentEncodedMinimallyAndDecodedFully() {
        Sgtin s = Sgtin.of(new Gtin("09506000134352"), "a/b?c&d\"e%f<g>h!'()");
        assertThat(s.toDigitalLink()).isEqualTo(
                "https://id.gs1.org/01/09506000134352/21/a%2Fb%3Fc%26d%22e%25f%3Cg%3Eh!'()");
        assertThat(Epc.parse("https://id.gs1.org/01/09506000134352/21/a%2fb%3Fc%26d%22e%25f%3Cg%3Eh%21'%28)"))
                .isEqualTo(s);
        Sgtin t = Sgtin.of(new Gtin("09506000134352"), "*+,:;=-._");
        assertThat(t.toDigitalLink()).isEqualTo("https://id.gs1.org/01/09506000134352/21/*+,:;=-._");
        assertThat(t.toDigitalLink("https://example.com/dl/"))
                .isEqualTo("https://example.com/dl/01/09506000134352/21/*+,:;=-._");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            https://id.gs1.org/01/09506000134353/21/1            | GTIN check digit: expected 2, found 3 in 09506000134353 | 35
            https://id.gs1.org/01/09506000134352/99/1            | qualifiers 99 not allowed after AI 01 (allowed in order: 22, 10, 21 or 235) | 37
            https://id.gs1.org/01/09506000134352/21/1/10/2       | qualifiers 21, 10 not allowed after AI 01 (allowed in order: 22, 10, 21 or 235) | 42
            https://id.gs1.org/01/09506000134352/abc/1           | 'abc' is not an AI (key qualifier of AI 01 expected: 22, 10, 21 or 235) | 37
            https://id.gs1.org/01/09506000134352/21/a"b          | character '"' must be written %22 in a URI | 41
            https://id.gs1.org/01/09506000134352/21/a%FFb        | character U+FFFD not allowed in AI 21 (GS1 character set 82) | 41
            https://id.gs1.org/01/09506000134352/21/a/b          | primary key AI 01 is not followed by value/AI pairs (a '/' inside a value must be written %2F) | 19
            https://id.gs1.org/01/09506000134352/21/123456789012345678901 | serial (AI 21) longer than 20 characters | 60
            https://id.gs1.org/01/09506000134352?17=251331       | AI 17: month 13 invalid | 42
            https://id.gs1.org/01/09506000134352?21=1            | AI 21 is a key or key qualifier and belongs in the path | 37
            https://id.gs1.org/01/09506000134352?4711=1          | unknown AI 4711 in the query | 37
            https://id.gs1.org/99/9780345418913                  | no GS1 primary key AI in the Digital Link path | 18
            https://id.gs1.org/01/97803                          | GTIN (AI 01) must be 14 digits, found 5 | 22
            ftp://id.gs1.org/01/09506000134352                   | a GS1 Digital Link must be an http or https URI | 0
            """)
    void rejected(String uri, String message, int position) {
        assertThatThrownBy(() -> DigitalLink.parse(uri)).isInstanceOfSatisfying(IdentifierException.class, e -> {
            assertThat(e.detail()).isEqualTo(message);
            assertThat(e.position()).hasValue(position);
            assertThat(e.input()).isEqualTo(uri);
        });
    }

    @Test
    void invalidDigitalLinksOnIdGs1OrgAreErrorsElsewhereTheyAreJustUris() {
        assertThatThrownBy(() -> Epc.parse("https://id.gs1.org/01/09506000134353"))
                .hasMessage("GTIN check digit: expected 2, found 3 in 09506000134353 at position 35");
        assertThat(Epc.parse("https://example.com/01/09506000134353"))
                .isEqualTo(new OtherUri("https://example.com/01/09506000134353"));
        assertThat(Epc.parse("http://example.org/123/4012345ABC987/456/4711")).isInstanceOf(OtherUri.class);
    }

    @Test
    void elementStringToDigitalLink() {
        ElementString es = ElementString.parse("(01)09506000134352(17)251231(10)ABC123(21)123456");
        assertThat(es.toDigitalLink())
                .isEqualTo("https://id.gs1.org/01/09506000134352/10/ABC123/21/123456?17=251231");
        assertThat(es.toKey()).isEqualTo(Sgtin.of(new Gtin("09506000134352"), "123456"));
        assertThat(ElementString.parse("(00)340123451111111111(02)09506000134352(37)12").toDigitalLink())
                .isEqualTo("https://id.gs1.org/00/340123451111111111?02=09506000134352&37=12");
        assertThatThrownBy(() -> ElementString.parse("(10)ABC(17)251231").toDigitalLink())
                .hasMessage("no GS1 Digital Link primary key in (10)ABC(17)251231");
    }
}
