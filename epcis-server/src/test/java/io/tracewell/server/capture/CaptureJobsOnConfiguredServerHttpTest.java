package io.tracewell.server.capture;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

/**
 * {@link CaptureJobsHttpTest} on the MariaDB server {@code TRACEWELL_TEST_DB_URL} names (user
 * {@code TRACEWELL_TEST_DB_USER}, default root; password {@code TRACEWELL_TEST_DB_PASSWORD}, default empty),
 * each server on a database of its own that is dropped afterwards. Skipped when the variable is unset.
 */
class CaptureJobsOnConfiguredServerHttpTest extends CaptureJobsHttpTest {

    private static final String SKIP_REASON = TestServers.URL_VARIABLE + " is not set, so there is no external"
            + " MariaDB to run the capture jobs against (e.g. " + TestServers.URL_VARIABLE
            + "=jdbc:mariadb://127.0.0.1:3306/test)";

    @Override
    TestServers createServers() throws Exception {
        Optional<TestServers> servers = TestServers.configured();
        if (servers.isEmpty()) {
            System.err.println("Skipping " + getClass().getSimpleName() + ": " + SKIP_REASON);
        }
        assumeTrue(servers.isPresent(), SKIP_REASON);
        return servers.get();
    }
}
