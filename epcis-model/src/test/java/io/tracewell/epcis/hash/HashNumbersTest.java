package io.tracewell.epcis.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.hash.HashProfile.NumberStyle;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HashNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "200.0, 200",
        "26.0, 26",
        "0.50, 0.5",
        "12.10000, 12.1",
        "0.180000000000, 0.18",
        "+5, 5",
        ".5, 0.5",
        "5., 5",
        "1e3, 1000",
        "1.5E-3, 0.0015",
        "0E-8, 0",
        "-0.0, 0",
        "-12.50, -12.5",
        "007, 7",
        // exact decimal: no loss beyond the 17 digits a double holds
        "111100001111000011110000, 111100001111000011110000",
        "0.1000000000000000055511151231257827, 0.1000000000000000055511151231257827",
    })
    void exactDecimalDropsTrailingZerosExponentsAndSigns(String input, String expected) {
        assertThat(HashNumbers.canonical(input, NumberStyle.EXACT_DECIMAL)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1e", "1.2.3", "12a", "INF", "NaN", "0x1F", "2019-10-21", "1 000", "+", "."})
    void nonNumbersAreNotNumbers(String input) {
        assertThat(HashNumbers.canonical(input, NumberStyle.EXACT_DECIMAL)).isNull();
        assertThat(HashNumbers.canonical(input, NumberStyle.BINARY_FLOATING_POINT)).isNull();
    }

    @Test
    void decimalsHeldByTheModelRenderTheSameAsText() {
        assertThat(HashNumbers.canonical(new BigDecimal("26.000"), NumberStyle.EXACT_DECIMAL)).isEqualTo("26");
        assertThat(HashNumbers.canonical(new BigDecimal("1E+2"), NumberStyle.EXACT_DECIMAL)).isEqualTo("100");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "26.0, 26",
        "0.50, 0.5",
        "0.1, 0.1",
        "123.5, 123.5",
        "0.00001, 1e-05",
        "0.000015, 1.5e-05",
        // what the 2025 reference published for a 24-digit stringValue (SensorDataExamples.xml)
        "111100001111000011110000, 111100001111000003641344",
        "0.1000000000000000055511151231257827, 0.1",
    })
    void theReference2025WentThroughABinaryDouble(String input, String expected) {
        assertThat(HashNumbers.canonical(input, NumberStyle.BINARY_FLOATING_POINT)).isEqualTo(expected);
    }
}
