package io.tracewell.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The soak command's run, short: one minute of concurrent capture, queries and two streaming subscribers against
 * the jar on a fresh embedded MariaDB, with every check of the full run (no errors, every acknowledged event
 * queryable once and delivered once to each subscriber, heap after GC not growing).
 */
class SoakIT {

    @Test
    void aMinuteOfMixedLoadLosesNothingAndDuplicatesNothing() throws Exception {
        boolean passed = SoakRun.run(Map.of(
                "seconds", System.getProperty("tracewell.soak.seconds", "60"),
                "jar", System.getProperty("tracewell.jar", "target/epcis-server.jar"),
                "work", "target/soak-it",
                "sample-seconds", "5"));
        assertThat(passed).as("the soak checks (report above and under target/soak-it)").isTrue();
    }
}
