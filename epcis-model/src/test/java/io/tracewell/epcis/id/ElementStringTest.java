package io.tracewell.epcis.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ElementStringTest {

    private static final char GS = '\u001d';

    @Test
    void bracketedForm() {
        ElementString es = ElementString.parse("(01)09506000134352(17)251231(10)ABC123(21)123456");
        assertThat(es.values()).containsExactly(new AiValue("01", "09506000134352"), new AiValue("17", "251231"),
                new AiValue("10", "ABC123"), new AiValue("21", "123456"));
        assertThat(es.gtin()).contains(new Gtin("09506000134352"));
        assertThat(es.serial()).contains("123456");
        assertThat(es.lot()).contains("ABC123");
        assertThat(es.expiry()).contains(LocalDate.of(2025, 12, 31));
        assertThat(es.get("99")).isEmpty();
        // 01 and 17 have a predefined length, 10 does not: GS only after the lot.
        assertThat(es.toRaw()).isEqualTo("010950600013435217251231" + "10ABC123" + GS + "21123456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"]d2", "]Q3", "]C1", "]e0", "]J1", "", "\u001d"})
    void rawFormWithOptionalSymbologyIdentifier(String prefix) {
        ElementString es = ElementString.parse(prefix + "0109506000134352" + "17251231" + "10ABC123" + GS + "21123456");
        assertThat(es.toBracketed()).isEqualTo("(01)09506000134352(17)251231(10)ABC123(21)123456");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(00)340123451111111111(02)09506000134352(37)24(3103)001250(3300)000120",
        "(414)4012345000054(254)122",
        "(253)4012345000092PO-4711",
        "(255)12345678901281234",
        "(8003)04012345000221334455",
        "(8004)4012345ABC345",
        "(8010)061414111111111111111-A#/(8011)1234",
        "(8017)401234500000000074(8019)12",
        "(8018)401234500000067657",
        "(01)09506000134352(710)PZN12345(711)CIP1(712)CN1(713)DRN1(714)AIM1(715)NDC-0002-1234",
        "(01)09506000134352(11)250101(13)250102(15)250100(16)250104(7003)2512312359(22)V1(240)ABC(241)XYZ",
        "(01)09506000134352(235)TPX-1(30)12(7240)PROT-1(20)01(243)PCN1",
        "(8006)040123451111180102(21)987(8008)25123123",
        "(402)40123452223334442(401)0614141xyz47/11(417)4000001000005(410)4012345000054",
        "(01)09506000134352(8030)AbC-_123==(91)INTERNAL(99)x",
    })
    void knownAisRoundTripThroughRawAndBracketedForms(String bracketed) {
        ElementString es = ElementString.parse(bracketed);
        assertThat(es.toBracketed()).isEqualTo(bracketed);
        assertThat(ElementString.parse(es.toRaw())).isEqualTo(es);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            (01)09506000134353            | GTIN check digit: expected 2, found 3 in 09506000134353 | 17
            (01)0950600013435             | GTIN (AI 01) must be 14 digits, found 13 | 4
            (21)123456789012345678901     | serial (AI 21) longer than 20 characters | 24
            (21)12#45                     | character '#' not allowed in AI 21 (GS1 character set 82) | 6
            (01)0950600013435A            | character 'A' not allowed in AI 01 (numeric) | 17
            (4711)1                       | unknown AI 4711 | 1
            (1)1                          | AI must be 2 to 4 digits, found '1' | 1
            (17)251331                    | AI 17: month 13 invalid | 6
            (17)251232                    | AI 17: day 32 invalid | 8
            (17)250230                    | AI 17: day 30 invalid for 2025-02 | 8
            (7003)2501000930              | AI 7003: day 00 not allowed | 10
            (7003)2501012460              | AI 7003: hour 24 invalid | 12
            (8003)14012345000221          | GRAI filler (AI 8003) must be 0, found 1 | 6
            (8011)0123                    | CPID serial (AI 8011) must not start with 0 | 6
            (253)401234500009             | GDTI (AI 253) must be 13 digits, found 12 | 5
            (10)                          | batch/lot (AI 10) is empty | 4
            (10)A(10)B                    | AI 10 occurs twice with different values (A, B) | -1
            01095060001343528912          | unknown AI (no AI matches '8912') | 16
            8006040123451234560102211     | FNC1 separator required after AI 8006 (not a predefined-length AI) | 22
            10ABC1232112345678901234567890 | batch/lot (AI 10) longer than 20 characters (FNC1 separator missing?) | 22
            ]d101095060001343528912       | symbology identifier ]d1 does not announce GS1 data (expected ]d2, ]Q3, ]C1, ]e0 or ]J1) | 0
            ]d2                           | empty element string | 3
            01095060001343521725123       | expiration date (AI 17) must be 6 digits, found 5 | 18
            """)
    void rejected(String input, String message, int position) {
        assertThatThrownBy(() -> ElementString.parse(input)).isInstanceOfSatisfying(IdentifierException.class, e -> {
            assertThat(e.detail()).isEqualTo(message);
            if (position >= 0) {
                assertThat(e.position()).hasValue(position);
                assertThat(e.input()).isEqualTo(input);
            }
        });
    }

    @Test
    void dayZeroMeansLastDayOfMonth() {
        assertThat(ElementString.parse("(17)240200").expiry()).contains(LocalDate.of(2024, 2, 29));
        assertThat(ElementString.parse("(15)250400").bestBefore()).contains(LocalDate.of(2025, 4, 30));
        assertThat(ElementString.parse("(11)250401").productionDate()).contains(LocalDate.of(2025, 4, 1));
    }

    @Test
    void centuryRuleOfTheGeneralSpecifications() {
        assertThat(Gs1Dates.fullYear(77, 2026)).isEqualTo(1977);
        assertThat(Gs1Dates.fullYear(76, 2026)).isEqualTo(2076);
        assertThat(Gs1Dates.fullYear(0, 2026)).isEqualTo(2000);
        assertThat(Gs1Dates.fullYear(26, 2026)).isEqualTo(2026);
        assertThat(Gs1Dates.fullYear(9, 2060)).isEqualTo(2109);
        assertThat(Gs1Dates.fullYear(10, 2060)).isEqualTo(2110);
        assertThat(Gs1Dates.fullYear(11, 2060)).isEqualTo(2011);
    }

    @Test
    void bracketsInsideDataAreEscapedInTheBracketedForm() {
        ElementString es = ElementString.of(new AiValue("21", "A(10)B"), new AiValue("10", "L(1"));
        assertThat(es.toBracketed()).isEqualTo("(21)A\\(10)B(10)L\\(1");
        assertThat(ElementString.parse(es.toBracketed())).isEqualTo(es);
        assertThat(ElementString.parse("(21)A(B)(10)L").values())
                .isEqualTo(List.of(new AiValue("21", "A(B)"), new AiValue("10", "L")));
        // (89) is no AI, so it is data.
        assertThat(ElementString.parse("(99)x(89)1").get("99")).contains("x(89)1");
    }

    @Test
    void aiValueChecksOnItsOwnWithoutPosition() {
        assertThatThrownBy(() -> new AiValue("99x", "1")).hasMessage("unknown AI 99x");
        assertThatThrownBy(() -> new AiValue("00", "340123451111111112"))
                .isInstanceOfSatisfying(IdentifierException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(
                            "SSCC check digit: expected 1, found 2 in 340123451111111112");
                    assertThat(e.position()).isEmpty();
                });
    }

    @Test
    void applicationIdentifierTable() {
        ApplicationIdentifier ai = ApplicationIdentifier.lookup("8006").orElseThrow();
        assertThat(ai.fixedLength()).isTrue();
        assertThat(ai.maxLength()).isEqualTo(18);
        assertThat(ai.needsSeparator()).isTrue();
        assertThat(ApplicationIdentifier.lookup("01").orElseThrow().needsSeparator()).isFalse();
        assertThat(ApplicationIdentifier.lookup("414").orElseThrow().needsSeparator()).isFalse();
        assertThat(ApplicationIdentifier.lookup("3103").orElseThrow().needsSeparator()).isFalse();
        assertThat(ApplicationIdentifier.lookup("253").orElseThrow().fixedLength()).isFalse();
        assertThat(ApplicationIdentifier.lookup("89")).isEmpty();
    }
}
