package io.tracewell.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.store.embedded.LoopbackPort;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shaded jar, started the way the README tells a new user to start it. */
class RunnableJarIT {

    private static final Path JAR = Path.of(System.getProperty("tracewell.jar", "target/epcis-server.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Path WORK = Path.of("target", "runnable-jar-it").toAbsolutePath();
    // Shared by the tests (each stops its servers): unpacking MariaDB from the jar is the slow part.
    private static final Path DATA = WORK.resolve("data");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");
    private static final int SIGTERM_EXIT = 128 + 15;
    private static final Map<Process, Path> LOGS = new ConcurrentHashMap<>();

    @Test
    void helpExitsZeroAndAnUnknownCommandExitsWithTheUsageCode() throws Exception {
        Result help = run("--help");
        Result unknown = run("frobnicate");

        assertThat(help.exitCode).isEqualTo(0);
        assertThat(help.out).startsWith("Usage: tracewell").contains("serve");
        assertThat(unknown.exitCode).isEqualTo(2);
        assertThat(unknown.err).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void withoutArgumentsItServesOnTheEmbeddedDatabaseUntilSigterm() throws Exception {
        Process server = startServer(DATA, WORK.resolve("serve.log"));
        try {
            URI base = awaitListening(server, Duration.ofMinutes(3));

            HttpResponse<String> health = TestHttp.get(base.resolve("health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(health.body()).getString("database")).isEqualTo("UP");
            List<ProcessHandle> mariadb = MariaDbProcesses.serving(DATA);
            assertThat(mariadb).hasSize(1);

            Result second = run(environment(DATA), "serve");
            assertThat(second.exitCode).isEqualTo(4);
            assertThat(second.err).contains("tracewell serve: the server did not start: the embedded database directory "
                    + DATA.resolve("mariadb") + " is in use by another Tracewell server");

            server.destroy(); // SIGTERM
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("exited within 60 s of SIGTERM").isTrue();

            assertThat(server.exitValue()).isEqualTo(SIGTERM_EXIT);
            assertThat(mariadb.get(0).isAlive()).isFalse();
            assertThat(log(server)).contains("Embedded MariaDB stopped", "Tracewell stopped");
        } finally {
            stop(server, DATA);
        }
    }

    @Test
    void theNextStartStopsADatabaseLeftRunningByAKilledServer() throws Exception {
        Process killed = startServer(DATA, WORK.resolve("killed.log"));
        Process next = null;
        try {
            awaitListening(killed, Duration.ofMinutes(3));
            List<ProcessHandle> leftover = MariaDbProcesses.serving(DATA);
            assertThat(leftover).hasSize(1);
            killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(leftover.get(0).isAlive()).as("mariadbd outlives a killed JVM").isTrue();

            next = startServer(DATA, WORK.resolve("next.log"));
            URI base = awaitListening(next, Duration.ofMinutes(3));

            assertThat(leftover.get(0).isAlive()).isFalse();
            assertThat(log(next)).contains("Stopping an embedded MariaDB left running by an earlier run (pid "
                    + leftover.get(0).pid() + ")");
            assertThat(TestHttp.get(base.resolve("health")).statusCode()).isEqualTo(200);
        } finally {
            if (next != null) {
                stop(next, DATA);
            }
            stop(killed, DATA);
        }
    }

    private static Map<String, String> environment(Path data) {
        return Map.of(
                "EPCIS_HOST", "127.0.0.1",
                "EPCIS_PORT", Integer.toString(LoopbackPort.free()),
                "EPCIS_DATA_DIR", data.toString());
    }

    /** {@code java -jar epcis-server.jar} with no arguments, on the embedded database in {@code data}. */
    private static Process startServer(Path data, Path log) throws IOException {
        Files.createDirectories(WORK);
        ProcessBuilder builder = new ProcessBuilder(JAVA.toString(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("EPCIS_DB_URL");
        builder.environment().putAll(environment(data));
        Process process = builder.start();
        LOGS.put(process, log);
        return process;
    }

    private static String log(Process server) throws IOException {
        return Files.readString(LOGS.get(server));
    }

    private static void stop(Process server, Path data) throws InterruptedException {
        if (server.isAlive()) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        MariaDbProcesses.serving(data).forEach(ProcessHandle::destroy);
    }

    private static URI awaitListening(Process server, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = LISTENING.matcher(log(server));
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
            if (!server.isAlive()) {
                throw new AssertionError("the server exited with " + server.exitValue() + ":\n" + log(server));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no 'listening on' line within " + timeout + ":\n" + log(server));
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private static Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("EPCIS_DB_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err);
    }
}
