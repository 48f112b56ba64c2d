package io.tracewell.epcis.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.hash.HashProfile.TimeRounding;
import io.tracewell.epcis.model.EpcisTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashTimestampsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // UTC with exactly three fraction digits, offsets applied
        "2020-03-04T11:00:30+01:00,        2020-03-04T10:00:30.000Z",
        "2020-03-04T11:00:30.1+01:00,      2020-03-04T10:00:30.100Z",
        "2005-04-03T20:33:31.116000-06:00, 2005-04-04T02:33:31.116Z",
        "2019-12-31T23:30:00-01:00,        2020-01-01T00:30:00.000Z",
        // CBV 2.0: half-up on the fourth fraction digit
        "2023-02-02T12:04:03.1415+01:00,   2023-02-02T11:04:03.142Z",
        "2023-02-02T12:04:03.1414+01:00,   2023-02-02T11:04:03.141Z",
        "2023-02-02T12:04:03.1425Z,        2023-02-02T12:04:03.143Z",
        "2023-02-02T12:04:03.14149999Z,    2023-02-02T12:04:03.141Z",
        // rounding carries into the seconds, minutes, and the next day
        "2023-12-31T23:59:59.9995Z,        2024-01-01T00:00:00.000Z",
    })
    void cbv20RoundsHalfUpToMillisecondsInUtc(String input, String expected) {
        assertThat(HashTimestamps.render(EpcisTime.parse(input), TimeRounding.HALF_UP)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // half-even on microseconds: .1425 stays .142, .1435 goes to .144
        "2023-02-02T12:04:03.1425Z,     2023-02-02T12:04:03.142Z",
        "2023-02-02T12:04:03.1435Z,     2023-02-02T12:04:03.144Z",
        "2023-02-02T12:04:03.1415Z,     2023-02-02T12:04:03.142Z",
        // digits beyond microseconds are dropped first: .14250001 -> .142500 -> .142
        "2023-02-02T12:04:03.14250001Z, 2023-02-02T12:04:03.142Z",
        "2023-02-02T12:04:03.1426Z,     2023-02-02T12:04:03.143Z",
    })
    void theReference2025RoundedHalfEvenOnMicroseconds(String input, String expected) {
        assertThat(HashTimestamps.render(EpcisTime.parse(input), TimeRounding.HALF_EVEN_ON_MICROSECONDS))
                .isEqualTo(expected);
    }
}
