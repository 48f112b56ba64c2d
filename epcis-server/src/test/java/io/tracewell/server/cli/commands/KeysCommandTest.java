package io.tracewell.server.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.store.access.ApiKeys;
import io.tracewell.server.capture.TestServers;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code tracewell keys create|list|revoke} on a real database. */
class KeysCommandTest {

    private static TestServers servers;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        Optional<TestServers> configured = TestServers.configured();
        servers = configured.isPresent() ? configured.get()
                : TestServers.embedded(Path.of("target", "keys-command-db").toAbsolutePath());
        url = servers.jdbcUrl(servers.createDatabase());
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void createListRevoke() throws Exception {
        CliRun created = CliRun.of("keys", "create", "--db-url", url, "--db-user", "root", "--name", "line 3",
                "--organisation", "acme", "--role", "capture,query");
        assertThat(created.exitCode()).as(created.err()).isZero();
        Matcher key = Pattern.compile("key: +(twk_([0-9a-f]{16})_\\S+)").matcher(created.out());
        assertThat(key.find()).as(created.out()).isTrue();
        String id = key.group(2);

        CliRun listed = CliRun.of("keys", "list", "--db-url", url, "--db-user", "root");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains(id).contains("active").contains("capture,query").contains("acme")
                .doesNotContain(key.group(1));

        CliRun revoked = CliRun.of("keys", "revoke", "--db-url", url, "--db-user", "root", id);
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(CliRun.of("keys", "list", "--db-url", url, "--db-user", "root").out()).contains("revoked");
        assertThat(CliRun.of("keys", "revoke", "--db-url", url, "--db-user", "root", id).exitCode()).isEqualTo(4);
        assertThat(key.group(1)).startsWith(ApiKeys.PREFIX);
    }

    @Test
    void anUnknownRoleIsAUsageError() {
        CliRun run = CliRun.of("keys", "create", "--db-url", url, "--db-user", "root", "--name", "x",
                "--organisation", "acme", "--role", "superuser");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("superuser");
    }
}
