package io.tracewell.server.bench;

import io.tracewell.epcis.store.embedded.LoopbackPort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak command (docs/benchmarks.md, "Soak"; docs/operations.md): the server jar in a JVM of its own on a fresh
 * embedded MariaDB, under {@link Soak}'s load for {@code --minutes} (default 10). Prints the report, writes it to
 * {@code epcis-server/target/soak/run-<time>/report.md}, and exits 0 only when every check held.
 *
 * <pre>
 * scripts/soak.sh [--minutes 10] [--capture-clients 2] [--query-clients 2] [--subscribers 2]
 *                 [--events-per-document 100] [--sample-seconds 10]
 * </pre>
 */
public final class SoakRun {

    private SoakRun() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        System.exit(run(options) ? 0 : 1);
    }

    /** Runs the soak as the options say; true when every check held. */
    static boolean run(Map<String, String> options) throws Exception {
        Soak.Settings defaults = Soak.Settings.defaults();
        Duration duration = options.containsKey("seconds")
                ? Duration.ofSeconds(Long.parseLong(options.get("seconds")))
                : Duration.ofMinutes(Long.parseLong(options.getOrDefault("minutes",
                        Long.toString(defaults.duration().toMinutes()))));
        Soak.Settings settings = new Soak.Settings(duration,
                integer(options, "capture-clients", defaults.captureClients()),
                integer(options, "query-clients", defaults.queryClients()),
                integer(options, "subscribers", defaults.subscribers()),
                integer(options, "events-per-document", defaults.eventsPerDocument()),
                Duration.ofSeconds(integer(options, "sample-seconds", (int) defaults.sampleEvery().toSeconds())));
        Path jar = Path.of(options.getOrDefault("jar", "epcis-server/target/epcis-server.jar"));
        List<String> serverJvm = Arrays.stream(options.getOrDefault("server-jvm", "-Xmx1g").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        Path dir = Path.of(options.getOrDefault("work", "epcis-server/target/soak")).toAbsolutePath();
        Path runDir = dir.resolve("run-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(Instant.now().atOffset(ZoneOffset.UTC)));
        Path data = dir.resolve("data");
        QueryBenchmark.deleteTree(data);
        Files.createDirectories(runDir);

        StringBuilder header = new StringBuilder();
        header.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPU(s), ")
                .append(BenchMachine.memTotal()).append(", load average ").append(BenchMachine.loadAverage())
                .append('\n').append("java: ").append(BenchMachine.java()).append('\n')
                .append("source: ").append(BenchMachine.source()).append('\n')
                .append("server JVM: ").append(String.join(" ", serverJvm)).append('\n');
        System.out.print(header);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EPCIS_DATA_DIR", data.toString());
        // A copy, so that a rebuild of the jar during a long run does not change the server under test.
        Path serverJar = runDir.resolve("epcis-server.jar");
        Files.copy(jar, serverJar);
        try (ServerProcess server = ServerProcess.start(serverJar, serverJvm, environment, LoopbackPort.free(),
                runDir)) {
            server.awaitHealthy(Duration.ofMinutes(5));
            Soak.Report report = new Soak(server.base(), settings, new Soak.Memory() {
                @Override
                public long liveHeapMiB() {
                    return server.liveHeapMiB();
                }

                @Override
                public long rssMiB() {
                    return server.residentMiB();
                }
            }).run();
            String text = header + "\n" + report.markdown() + BenchMachine.serverMemory(server) + "\n";
            Files.writeString(runDir.resolve("report.md"), text, StandardCharsets.UTF_8);
            System.out.println();
            System.out.print(report.markdown());
            System.out.println(BenchMachine.serverMemory(server));
            System.out.println("report: " + runDir.resolve("report.md"));
            if (server.loggedOutOfMemory()) {
                System.out.println("FAILED: the server ran out of memory (" + server.log() + ")");
                return false;
            }
            return report.passed();
        } finally {
            Files.deleteIfExists(serverJar);
            QueryBenchmark.deleteTree(data);
        }
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private static Map<String, String> options(String[] args) {
        return BenchOptions.parse(args);
    }
}
