package io.tracewell.regulatory.fmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules every message is checked against before it is sent. */
class PackRulesTest {

    private static HubMessage.BatchUpload batch(String gtin, String lot, String expiry, String... serials) {
        return new HubMessage.BatchUpload(gtin, "GTIN", lot, expiry, List.of(serials));
    }

    private static List<String> problems(HubMessage m) {
        try {
            PackRules.check(m);
            return List.of();
        } catch (PackRules.Violation v) {
            return v.problems();
        }
    }

    @Test
    void aValidBatchPasses() {
        assertThatCode(() -> PackRules.check(batch("04098765000010", "B2026-07", "280630", "SN1001",
                "ABCDEFGHIJ0123456789", "!\"%&'()*+,-./:;<=>?_"))).doesNotThrowAnyException();
        assertThatCode(() -> PackRules.check(batch("04098765000010", "B", "280600", "1")))
                .as("day 00: end of month as printed").doesNotThrowAnyException();
    }

    @Test
    void serialsAtMostTwentyCharactersOfSet82() {
        assertThat(problems(batch("04098765000010", "B1", "280630", "ABCDEFGHIJ0123456789X")))
                .containsExactly("serial number \"ABCDEFGHIJ0123456789X\" has 21 characters, at most 20 are allowed");
        assertThat(problems(batch("04098765000010", "B1", "280630", "SN 1")))
                .containsExactly("serial number \"SN 1\" has the character \" \" at 3, which is not in GS1 character"
                        + " set 82");
        assertThat(problems(batch("04098765000010", "B1", "280630", "SN#1"))).hasSize(1);
        assertThat(problems(batch("04098765000010", "B1", "280630", "Ser\u00e9"))).hasSize(1);
    }

    @Test
    void theGtinCheckDigitIsChecked() {
        assertThat(problems(batch("04098765000011", "B1", "280630", "1"))).singleElement().asString()
                .startsWith("product code \"04098765000011\":").contains("check digit");
        assertThat(problems(batch("4098765000010", "B1", "280630", "1")))
                .containsExactly("product code \"4098765000010\" is not a GTIN of 14 digits");
    }

    @Test
    void batchAtMostTwentyCharacters() {
        assertThat(problems(batch("04098765000010", "B2026-07-EXTRA-LONG-LOT", "280630", "1")))
                .containsExactly("batch number \"B2026-07-EXTRA-LONG-LOT\" has 23 characters, at most 20 are"
                        + " allowed");
        assertThat(problems(batch("04098765000010", "", "280630", "1"))).containsExactly("batch number is missing");
    }

    @Test
    void expiryIsYymmddOfARealMonthAndDay() {
        assertThat(problems(batch("04098765000010", "B1", "2028-06-30", "1")))
                .containsExactly("expiry date \"2028-06-30\" is not YYMMDD");
        assertThat(problems(batch("04098765000010", "B1", "281330", "1")))
                .containsExactly("expiry date \"281330\" has no month 13");
        assertThat(problems(batch("04098765000010", "B1", "270229", "1")))
                .containsExactly("expiry date \"270229\" has day 29, which 2027-02 does not have");
        assertThat(problems(batch("04098765000010", "B1", "280229", "1"))).as("2028 is a leap year").isEmpty();
    }

    @Test
    void everyProblemIsListed() {
        assertThatThrownBy(() -> PackRules.check(batch("04098765000011", "B2026-07-EXTRA-LONG-LOT", "281301",
                "ABCDEFGHIJ0123456789X")))
                .isInstanceOf(PackRules.Violation.class)
                .satisfies(e -> assertThat(((PackRules.Violation) e).problems()).hasSize(4));
    }

    @Test
    void recallsAndWithdrawalsNeedAMarket() {
        assertThat(problems(new HubMessage.BatchRecall("04098765000010", "GTIN", "B1", "r", List.of())))
                .containsExactly("no market: the product's master data has no urn:tracewell:mda:market");
        assertThat(problems(new HubMessage.ProductWithdrawal("04098765000010", "GTIN", "r", List.of("DE"))))
                .isEmpty();
    }

    @Test
    void theExpiryAsPrintedComesFromTheIlmd() {
        assertThat(PackRules.printedExpiry("2028-06-30", null)).isEqualTo("280630");
        assertThat(PackRules.printedExpiry("2028-06-30", "280600")).isEqualTo("280600");
        assertThat(PackRules.printedExpiry(null, "280600")).isEqualTo("280600");
        assertThatThrownBy(() -> PackRules.printedExpiry("2028-06-30", "280700"))
                .hasMessageContaining("name different dates");
        assertThatThrownBy(() -> PackRules.printedExpiry(null, null)).hasMessageContaining("neither");
        assertThatThrownBy(() -> PackRules.printedExpiry("30.06.2028", null)).hasMessageContaining("not a date");
    }
}
