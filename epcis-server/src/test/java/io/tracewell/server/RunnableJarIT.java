package io.tracewell.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shaded jar, started the way the README tells a new user to start it. */
class RunnableJarIT {

    private static final Path JAR = Path.of(System.getProperty("tracewell.jar", "target/epcis-server.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Path WORK = Path.of("target", "runnable-jar-it").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");
    private static final int SIGTERM_EXIT = 128 + 15;

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
        Path data = WORK.resolve("data");
        Path log = WORK.resolve("serve.log");
        Files.createDirectories(WORK);
        ProcessBuilder builder = new ProcessBuilder(JAVA.toString(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("TRACEWELL_DB_URL");
        builder.environment().put("TRACEWELL_HTTP_HOST", "127.0.0.1");
        builder.environment().put("TRACEWELL_HTTP_PORT", Integer.toString(FreePort.find()));
        builder.environment().put("TRACEWELL_DATA_DIR", data.toString());
        Process server = builder.start();
        try {
            URI base = awaitListening(log, server, Duration.ofMinutes(3));

            HttpResponse<String> health = TestHttp.get(base.resolve("health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(health.body()).getString("database")).isEqualTo("UP");
            List<ProcessHandle> mariadb = MariaDbProcesses.serving(data);
            assertThat(mariadb).hasSize(1);

            server.destroy(); // SIGTERM
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("exited within 60 s of SIGTERM").isTrue();

            assertThat(server.exitValue()).isEqualTo(SIGTERM_EXIT);
            assertThat(mariadb.get(0).isAlive()).isFalse();
            assertThat(Files.readString(log)).contains("Embedded MariaDB stopped", "Tracewell stopped");
        } finally {
            server.destroyForcibly();
            MariaDbProcesses.serving(data).forEach(ProcessHandle::destroy);
        }
    }

    private static URI awaitListening(Path log, Process server, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = LISTENING.matcher(Files.readString(log));
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
            if (!server.isAlive()) {
                throw new AssertionError("the server exited with " + server.exitValue() + ":\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no 'listening on' line within " + timeout + ":\n" + Files.readString(log));
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err);
    }
}
