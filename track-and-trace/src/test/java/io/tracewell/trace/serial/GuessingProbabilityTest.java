package io.tracewell.trace.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class GuessingProbabilityTest {

    @Test
    void spaceIsEightyTwoToTheLength() {
        assertThat(GuessingProbability.space(1)).isEqualTo(BigInteger.valueOf(82));
        assertThat(GuessingProbability.space(3)).isEqualTo(BigInteger.valueOf(551_368));
        assertThat(GuessingProbability.space(8)).isEqualTo(new BigInteger("2044140858654976"));
        assertThat(GuessingProbability.space(20)).isEqualTo(BigInteger.valueOf(82).pow(20));
    }

    @Test
    void fmdBoundIsStrictAtTheExactLimit() {
        // 82^3 = 551,368: 55 serials give 550,000 / ... < 1/10,000, 56 give 560,000 / 551,368 > 1/10,000
        assertThat(GuessingProbability.below(55, 3, 10_000)).isTrue();
        assertThat(GuessingProbability.below(56, 3, 10_000)).isFalse();
        // 82^2 = 6,724 < 10,000: not even one serial of length 2 is allowed
        assertThat(GuessingProbability.below(1, 2, 10_000)).isFalse();
        // length 8: up to 204,414,085,865 serials
        assertThat(GuessingProbability.below(204_414_085_865L, 8, 10_000)).isTrue();
        assertThat(GuessingProbability.below(204_414_085_866L, 8, 10_000)).isFalse();
    }

    @Test
    void minimumLengthIsTheShortestThatStaysBelow() {
        assertThat(GuessingProbability.minimumLength(1, 10_000)).isEqualTo(3);
        assertThat(GuessingProbability.minimumLength(55, 10_000)).isEqualTo(3);
        assertThat(GuessingProbability.minimumLength(56, 10_000)).isEqualTo(4);
        assertThat(GuessingProbability.minimumLength(1_000_000, 10_000)).isEqualTo(6);
        assertThat(GuessingProbability.minimumLength(21, 100_000_000_000_000L)).isEqualTo(9);
    }

    @Test
    void probabilityIsIssuedOverSpace() {
        assertThat(GuessingProbability.probability(56, 3)).isEqualByComparingTo(new BigDecimal("0.000101566"));
        assertThat(GuessingProbability.probability(1_000_000, 12).doubleValue())
                .isCloseTo(1_000_000 / Math.pow(82, 12), org.assertj.core.data.Percentage.withPercentage(0.001));
    }
}
