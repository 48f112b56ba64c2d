package io.tracewell.server.security;

import io.tracewell.server.capture.TestServers;
import java.nio.file.Path;

/** Test servers on {@code TRACEWELL_TEST_DB_URL}'s MariaDB when it is set, or else on an embedded one. */
final class SecurityTestServers {

    private SecurityTestServers() {}

    static TestServers open() throws Exception {
        java.util.Optional<TestServers> configured = TestServers.configured();
        if (configured.isPresent()) {
            return configured.get();
        }
        return TestServers.embedded(Path.of("target", "security-test-db").toAbsolutePath());
    }
}
