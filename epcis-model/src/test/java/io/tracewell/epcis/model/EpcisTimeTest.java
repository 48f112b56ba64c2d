package io.tracewell.epcis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * EpcisTime reads and writes the common spelling without DateTimeFormatter; these tests hold that path to the
 * formatter's answers on random values and on the edges where the two could part.
 */
class EpcisTimeTest {

    /** The formatter spelling EpcisTime accepted before the plain path, kept here as the reference. */
    private static final DateTimeFormatter REFERENCE_PARSER = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z").toFormatter();
    private static final DateTimeFormatter REFERENCE_RENDERER = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .appendFraction(ChronoField.NANO_OF_SECOND, 3, 9, true)
            .appendOffset("+HH:MM", "Z").toFormatter();

    @Test
    void readsTheCommonSpellingsWithoutTheFormatter() {
        assertThat(EpcisTime.parsePlain("2024-05-01T10:15:30.123+02:00"))
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 123_000_000, ZoneOffset.ofHours(2)));
        assertThat(EpcisTime.parsePlain("2024-05-01T08:15:30Z"))
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 8, 15, 30, 0, ZoneOffset.UTC));
        assertThat(EpcisTime.parsePlain("2024-02-29T23:59:59.123456789-05:30"))
                .isEqualTo(OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789, ZoneOffset.ofHoursMinutes(-5, -30)));
        assertThat(EpcisTime.parsePlain("2024-05-01T10:15:30.5Z").getNano()).isEqualTo(500_000_000);
    }

    @Test
    void leavesUnusualSpellingsToTheFormatter() {
        for (String t : new String[] {"2023-02-29T10:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T10:15:60Z",
                "2024-05-01T10:15:30.Z", "2024-05-01T10:15:30.1234567891Z", "2024-05-01T10:15:30+0200",
                "2024-05-01T10:15:30", "+12024-05-01T10:15:30Z", "2024-13-01T10:15:30Z", "2024-05-01t10:15:30Z",
                "2024-05-01T10:15:30+19:00", "2024-05-01T10:15:30z"}) {
            assertThat(EpcisTime.parsePlain(t)).as(t).isNull();
        }
    }

    @Test
    void parseAgreesWithTheFormatterOnRandomText() {
        Random random = new Random(20261121);
        String alphabet = "0123456789-:T.Z+";
        String[] seeds = {"2024-05-01T10:15:30.123+02:00", "1999-12-31T23:59:59Z", "2024-02-29T00:00:00.000000001-11:45"};
        for (int k = 0; k < 200_000; k++) {
            char[] c = seeds[k % seeds.length].toCharArray();
            int changes = 1 + random.nextInt(3);
            for (int j = 0; j < changes; j++) {
                c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(c);
            OffsetDateTime expected;
            try {
                expected = OffsetDateTime.parse(text, REFERENCE_PARSER);
            } catch (DateTimeParseException e) {
                expected = null;
            }
            if (expected == null) {
                assertThatThrownBy(() -> EpcisTime.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
            } else {
                assertThat(EpcisTime.parse(text).value()).as(text).isEqualTo(expected);
            }
        }
    }

    @Test
    void renderAgreesWithTheFormatterOnRandomValues() {
        Random random = new Random(42);
        for (int k = 0; k < 200_000; k++) {
            int nano = switch (k % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(18 * 4 * 2 + 1) - 18 * 4) * 15 * 60);
            OffsetDateTime v = OffsetDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), nano, offset);
            assertThat(new EpcisTime(v).toString()).as(v.toString()).isEqualTo(REFERENCE_RENDERER.format(v));
        }
        OffsetDateTime odd = OffsetDateTime.of(12_345, 1, 1, 0, 0, 0, 0, ZoneOffset.ofTotalSeconds(3725));
        assertThat(new EpcisTime(odd).toString()).isEqualTo(REFERENCE_RENDERER.format(odd));
    }
}
