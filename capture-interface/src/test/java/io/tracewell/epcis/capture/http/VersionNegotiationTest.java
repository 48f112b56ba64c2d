package io.tracewell.epcis.capture.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionNegotiationTest {

    private static Optional<Problem> check(Map<String, String> headers) {
        return VersionNegotiation.check(headers::get, "/events");
    }

    @Test
    void versionsCompareNumericallyByComponent() {
        assertThat(VersionNegotiation.compare("2.0", "2.0.0")).isZero();
        assertThat(VersionNegotiation.compare("2", "2.0.0.0")).isZero();
        assertThat(VersionNegotiation.compare("2.10", "2.9")).isPositive();
        assertThat(VersionNegotiation.compare("1.2.0", "2.0.0")).isNegative();
        assertThat(VersionNegotiation.compare("2.0.1", "2.0")).isPositive();
        assertThat(VersionNegotiation.compare("02.0", "2")).isZero();
        assertThat(VersionNegotiation.compare("2.0.99999999999999999999", "2.0.1")).isPositive();
    }

    @Test
    void onlyDigitsSeparatedByDotsAreVersions() {
        assertThat(VersionNegotiation.isVersion("2")).isTrue();
        assertThat(VersionNegotiation.isVersion("2.0.0")).isTrue();
        assertThat(VersionNegotiation.isVersion("abc")).isFalse();
        assertThat(VersionNegotiation.isVersion("")).isFalse();
        assertThat(VersionNegotiation.isVersion("2.")).isFalse();
        assertThat(VersionNegotiation.isVersion(".2")).isFalse();
        assertThat(VersionNegotiation.isVersion("2..0")).isFalse();
        assertThat(VersionNegotiation.isVersion("v2.0")).isFalse();
        assertThat(VersionNegotiation.isVersion("2.0-beta")).isFalse();
        // Non-ASCII digits are not digits of a version.
        assertThat(VersionNegotiation.isVersion("\u0662.0")).isFalse();
        assertThatThrownBy(() -> VersionNegotiation.compare("2.0", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noHeadersOrARangeHoldingTwoPointZeroPass() {
        assertThat(check(Map.of())).isEmpty();
        assertThat(check(Map.of("GS1-EPCIS-Min", "1.2.0", "GS1-EPCIS-Max", "2.0.0",
                "GS1-CBV-Min", "2.0", "GS1-CBV-Max", "3"))).isEmpty();
        assertThat(check(Map.of("GS1-EPCIS-Min", "2.0", "GS1-EPCIS-Max", "2"))).isEmpty();
        assertThat(check(Map.of("GS1-EPCIS-Max", " 2.0.0 "))).isEmpty();
    }

    @Test
    void aMinimumAboveTwoPointZeroIsNotAcceptable() {
        Problem problem = check(Map.of("GS1-EPCIS-Min", "2.0.1")).orElseThrow();
        assertThat(problem.exception()).isEqualTo(EpcisExceptionType.NOT_ACCEPTABLE);
        assertThat(problem.status()).isEqualTo(406);
        assertThat(problem.detail()).contains("GS1-EPCIS-Min", "2.0.1", "EPCIS 2.0.0");
        assertThat(problem.instance()).isEqualTo("/events");
    }

    @Test
    void aMaximumBelowTwoPointZeroIsNotAcceptable() {
        Problem problem = check(Map.of("GS1-EPCIS-Max", "1.2")).orElseThrow();
        assertThat(problem.exception()).isEqualTo(EpcisExceptionType.NOT_ACCEPTABLE);
        assertThat(problem.detail()).contains("GS1-EPCIS-Max", "1.2", "EPCIS 2.0.0");
    }

    @Test
    void cbvRangesAreNegotiatedToo() {
        Problem tooNew = check(Map.of("GS1-CBV-Min", "2.1")).orElseThrow();
        assertThat(tooNew.exception()).isEqualTo(EpcisExceptionType.NOT_ACCEPTABLE);
        assertThat(tooNew.detail()).contains("GS1-CBV-Min", "CBV 2.0.0");
        Problem tooOld = check(Map.of("GS1-CBV-Max", "1.2.2")).orElseThrow();
        assertThat(tooOld.exception()).isEqualTo(EpcisExceptionType.NOT_ACCEPTABLE);
        assertThat(tooOld.detail()).contains("GS1-CBV-Max", "CBV 2.0.0");
    }

    @Test
    void aMalformedVersionIsAValidationProblemNamingTheHeader() {
        Problem problem = check(Map.of("GS1-EPCIS-Max", "abc")).orElseThrow();
        assertThat(problem.exception()).isEqualTo(EpcisExceptionType.VALIDATION);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains("GS1-EPCIS-Max", "'abc'");
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.message()).contains("GS1-EPCIS-Max");
            assertThat(error.expected()).contains("2.0.0");
        });
        assertThat(check(Map.of("GS1-CBV-Min", "")).orElseThrow().exception())
                .isEqualTo(EpcisExceptionType.VALIDATION);
    }

    @Test
    void aMalformedValueIsReportedBeforeAnUnmetRange() {
        Problem problem = check(Map.of("GS1-EPCIS-Min", "3.0", "GS1-CBV-Max", "2.x")).orElseThrow();
        assertThat(problem.exception()).isEqualTo(EpcisExceptionType.VALIDATION);
        assertThat(problem.detail()).contains("GS1-CBV-Max");
    }
}
