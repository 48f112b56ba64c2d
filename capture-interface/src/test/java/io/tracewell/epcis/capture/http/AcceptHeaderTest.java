package io.tracewell.epcis.capture.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.capture.problem.ProblemFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    private static final List<String> OFFERED = List.of("application/json", "application/xml");

    @Test
    void noHeaderOrAnyTypeGetsTheServersFirstChoice() {
        assertThat(AcceptHeader.parse(null).choose(OFFERED)).hasValue("application/json");
        assertThat(AcceptHeader.parse("*/*").choose(OFFERED)).hasValue("application/json");
    }

    @Test
    void higherQualityWinsAndTheMostSpecificRangeDecides() {
        assertThat(AcceptHeader.parse("application/json;q=0.5, application/xml").choose(OFFERED))
                .hasValue("application/xml");
        assertThat(AcceptHeader.parse("application/*;q=0.9, application/json;q=0").choose(OFFERED))
                .hasValue("application/xml");
    }

    @Test
    void nothingAcceptableIsEmpty() {
        assertThat(AcceptHeader.parse("text/html, image/*").choose(OFFERED)).isEmpty();
    }

    @Test
    void problemsAreXmlOnlyWhenXmlRanksAboveJson() {
        assertThat(ProblemResponses.formatFor(AcceptHeader.parse("application/xml"))).isEqualTo(ProblemFormat.XML);
        assertThat(ProblemResponses.formatFor(AcceptHeader.parse("application/problem+xml, application/json;q=0.8")))
                .isEqualTo(ProblemFormat.XML);
        assertThat(ProblemResponses.formatFor(AcceptHeader.parse("*/*"))).isEqualTo(ProblemFormat.JSON);
        assertThat(ProblemResponses.formatFor(AcceptHeader.parse("text/html"))).isEqualTo(ProblemFormat.JSON);
    }
}
