package io.tracewell.server.bench;

import io.tracewell.epcis.store.embedded.LoopbackPort;
import io.vertx.core.json.JsonObject;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.Random;

/**
 * Verification latency on a million stored events: {@code GET /verify?code=<Digital Link>} for random known packs
 * and, every tenth request, a serial the repository never issued, one request at a time from one client, each
 * recorded by the server as a verification scan (an event captured in the request).
 *
 * <pre>
 * VerificationBenchmark [--events 1000000] [--scans 2000] [--warmup 200] [--load-clients 4] [--seed 42]
 *                       [--dir epcis-server/target/verification-bench] [--reload] [--keep]
 *                       [--jar epcis-server/target/epcis-server.jar] [--server-jvm "-Xmx1g"]
 * </pre>
 *
 * The server (the jar, in a JVM of its own, on an embedded MariaDB in {@code DIR/data}) is loaded with the query
 * benchmark's {@link PackHistories} by its loader ({@link QueryBenchmark#load}), unless {@code DIR/data} holds a
 * complete load of as many events from an earlier run with {@code --keep}. Each answer is checked: a known pack
 * must be {@code known} and {@code active} (its history ends with a receipt), an unknown one {@code unknown}.
 * Scripted as {@code scripts/bench-verification.sh}.
 */
public final class VerificationBenchmark {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final int UNKNOWN_EVERY = 10;

    private final Map<String, String> options;

    private VerificationBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        System.exit(new VerificationBenchmark(options(args)).run());
    }

    private int run() throws Exception {
        PackHistories data = new PackHistories(number("events", 1_000_000));
        int scans = (int) number("scans", 2000);
        int warmup = (int) number("warmup", 200);
        int loadClients = (int) number("load-clients", 4);
        Random random = new Random(number("seed", 42));
        Path dir = Path.of(options.getOrDefault("dir", "epcis-server/target/verification-bench")).toAbsolutePath();
        Path jar = Path.of(options.getOrDefault("jar", "epcis-server/target/epcis-server.jar"));
        List<String> serverJvm = Arrays.stream(options.getOrDefault("server-jvm", "-Xmx1g").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        boolean keep = options.containsKey("keep");

        Path runDir = dir.resolve("run-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(Instant.now().atOffset(ZoneOffset.UTC)));
        Files.createDirectories(runDir);
        Path dataDir = dir.resolve("data");
        Path marker = dir.resolve("loaded.properties");
        boolean reuse = !options.containsKey("reload") && Files.isDirectory(dataDir)
                && QueryBenchmark.loadedEvents(marker) == data.events();
        if (!reuse) {
            Files.deleteIfExists(marker);
            QueryBenchmark.deleteTree(dataDir);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "machine: %d processors, %s memory, %s %s (%s), load average %s%n",
                rt.availableProcessors(), BenchMachine.memTotal(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), BenchMachine.loadAverage());
        System.out.println("java: " + BenchMachine.java());
        System.out.println("source: " + BenchMachine.source());
        System.out.println("server JVM options: " + String.join(" ", serverJvm));

        int dbPort = LoopbackPort.free();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EPCIS_DATA_DIR", dataDir.toString());
        environment.put("EPCIS_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        environment.put("EPCIS_EMBEDDED_DB_NAME", "tracewell");
        BenchDatabase db = new BenchDatabase("jdbc:mariadb://127.0.0.1:" + dbPort + "/tracewell", "root", "");
        Path serverJar = runDir.resolve("epcis-server.jar");
        Files.copy(jar, serverJar);
        boolean passed;
        try (ServerProcess server = ServerProcess.start(serverJar, serverJvm, environment, LoopbackPort.free(),
                runDir)) {
            server.awaitHealthy(START_TIMEOUT);
            System.out.println("MariaDB: " + db.version() + ", embedded, data in " + dataDir);
            if (reuse) {
                System.out.println("reusing the database loaded earlier (" + marker + "; --reload loads afresh)");
            } else {
                QueryBenchmark.load(server, db, data, loadClients);
                Properties p = new Properties();
                p.setProperty("events", Long.toString(data.events()));
                try (Writer w = Files.newBufferedWriter(marker)) {
                    p.store(w, "a complete load of the verification benchmark");
                }
            }
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT COUNT(*), SUM(biz_step = 'urn:tracewell:bizstep:verifying') FROM epcis_event")) {
                r.next();
                System.out.printf(Locale.ROOT, "stored: %,d events, %,d of them verification scans of earlier"
                        + " runs%n", r.getLong(1), r.getLong(2));
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            scan(http, server.base(), data, random, warmup, "warm-up");
            double[][] measured = scan(http, server.base(), data, random, scans, "measured");
            System.out.println(BenchMachine.serverMemory(server));
            report("known pack", measured[0]);
            report("unknown code", measured[1]);
            double[] all = new double[measured[0].length + measured[1].length];
            System.arraycopy(measured[0], 0, all, 0, measured[0].length);
            System.arraycopy(measured[1], 0, all, measured[0].length, measured[1].length);
            report("all", all);
            passed = true;
        } finally {
            Files.deleteIfExists(serverJar);
        }
        if (!keep) {
            QueryBenchmark.deleteTree(dataDir);
            Files.deleteIfExists(marker);
            System.out.println("deleted " + dataDir + " (--keep keeps it for the next run)");
        }
        return passed ? 0 : 1;
    }

    /** Latencies in ms of {@code n} verifications: [known packs, unknown codes]. Throws on a wrong answer. */
    private static double[][] scan(HttpClient http, URI base, PackHistories data, Random random, int n, String what)
            throws Exception {
        List<Double> known = new ArrayList<>();
        List<Double> unknown = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            boolean isKnown = k % UNKNOWN_EVERY != UNKNOWN_EVERY - 1;
            long c = random.nextLong(data.cases());
            int i = random.nextInt(PackHistories.PACKS_PER_CASE);
            // an unknown serial of a known product: beyond every case's serials
            String code = isKnown ? PackHistories.packDigitalLink(c, i)
                    : PackHistories.packDigitalLink(c + data.cases() * 10, i);
            URI uri = base.resolve("/verify?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonObject answer = new JsonObject(response.body());
            String expected = isKnown ? "active" : "unknown";
            if (answer.getBoolean("known") != isKnown || !expected.equals(answer.getString("status"))) {
                throw new IllegalStateException(code + ": expected " + expected + ", got " + response.body());
            }
            (isKnown ? known : unknown).add(ms);
        }
        System.out.printf(Locale.ROOT, "%s: %,d verifications (%,d known, %,d unknown)%n", what, n, known.size(),
                unknown.size());
        return new double[][] {known.stream().mapToDouble(Double::doubleValue).toArray(),
                unknown.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    private static void report(String name, double[] ms) {
        System.out.printf(Locale.ROOT, "GET /verify, %s (%,d): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                name, ms.length, QueryBenchmark.percentile(ms, 50), QueryBenchmark.percentile(ms, 90),
                QueryBenchmark.percentile(ms, 99), Arrays.stream(ms).max().orElse(Double.NaN));
    }

    private long number(String key, long fallback) {
        String value = options.get(key);
        try {
            long n = value == null ? fallback : Long.parseLong(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number of at least 1, not " + value);
        }
    }

    private static Map<String, String> options(String[] args) {
        return BenchOptions.parse(args, Set.of("keep", "reload"), IllegalArgumentException::new);
    }
}
