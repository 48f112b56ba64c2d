package io.tracewell.server.bench;

import io.tracewell.epcis.store.embedded.LoopbackPort;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * End-to-end capture rate of the Tracewell server, and capture of a large document in bounded memory.
 *
 * <pre>
 * throughput [--documents 40] [--events-per-document 1000] [--clients 1,4] [--warmup-documents 8]
 *            [--transaction-events 1000] [--db embedded|JDBC_URL] [--keep]
 *     starts the server, warms it up, then for each client count lets that many clients POST /capture their
 *     share of the documents, each waiting for its job to finish before posting the next; events/s from the
 *     first POST to the last job seen finished. Right after each, the JDBC baseline against the same database:
 *     the same kind of rows written by plain batch INSERTs (JdbcBaseline), as many events, with as many threads.
 * bounded [--events 1000000] [--db embedded|JDBC_URL] [--keep]
 *     streams a document of that many events to a file, starts the server (the script gives it -Xmx512m), posts
 *     the file streamed and waits for the job; reports time, events/s, the server's memory and what was stored.
 * generate [--first 0] [--events 1000] --out FILE
 *     writes one document.
 * </pre>
 *
 * Common options: {@code --jar epcis-server/target/epcis-server.jar}, {@code --dir epcis-server/target/capture-bench}
 * (server logs, the embedded database, the bounded document), {@code --server-jvm "-Xmx1g"} (the server's JVM
 * options). With {@code --db JDBC_URL} the server uses that MariaDB (user and password from --db-user and
 * --db-password, else EPCIS_DB_USER and EPCIS_DB_PASSWORD, else root and none); its rows stay there. Scripted
 * as {@code scripts/bench-capture.sh}.
 */
public final class CaptureBenchmark {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration FIRST_POLL = Duration.ofMillis(10);

    private final Map<String, String> options;
    private final Path dir;
    private final Path jar;
    private final List<String> serverJvm;
    private final boolean keep;

    private CaptureBenchmark(Map<String, String> options) {
        this.options = options;
        this.dir = Path.of(options.getOrDefault("dir", "epcis-server/target/capture-bench")).toAbsolutePath();
        this.jar = Path.of(options.getOrDefault("jar", "epcis-server/target/epcis-server.jar"));
        this.serverJvm = Arrays.stream(options.getOrDefault("server-jvm", "-Xmx1g").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        this.keep = options.containsKey("keep");
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw usage("no mode given");
        }
        CaptureBenchmark benchmark = new CaptureBenchmark(options(Arrays.copyOfRange(args, 1, args.length)));
        switch (args[0]) {
            case "throughput" -> benchmark.throughput();
            case "bounded" -> benchmark.bounded();
            case "generate" -> benchmark.generate();
            default -> throw usage("unknown mode '" + args[0] + "'");
        }
        System.exit(0); // HttpClient selector threads would otherwise keep the JVM a while
    }

    // ---------------------------------------------------------------------------------------------------------
    // throughput

    /** One measured capture run. */
    private record CaptureRun(int clients, int documents, long events, double seconds, double[] latencies,
                              List<String> captureIds) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private void throughput() throws Exception {
        int documents = (int) number("documents", 40, 1);
        int perDocument = (int) number("events-per-document", 1000, 1);
        int warmup = (int) number("warmup-documents", 8, 0);
        int perTransaction = (int) number("transaction-events", 1000, 1);
        List<Integer> clients = clients(options.getOrDefault("clients", "1,4"));
        long maxPoll = number("max-poll-ms", 50, 1);
        Path run = runDirectory("throughput");
        Target target = target(run);

        printMachine();
        List<CaptureRun> captures = new ArrayList<>();
        List<JdbcBaseline.Result> baselines = new ArrayList<>();
        List<String> sameRows = null;
        try (ServerProcess server = ServerProcess.start(jar, serverJvm, target.environment(), LoopbackPort.free(),
                run)) {
            long started = System.nanoTime();
            server.awaitHealthy(START_TIMEOUT);
            System.out.printf(Locale.ROOT, "server healthy after %.1f s (pid %d, log %s)%n",
                    (System.nanoTime() - started) / 1e9, server.pid(), server.log());
            System.out.println("MariaDB: " + target.database().version() + " (" + target.description() + ")");

            JdbcBaseline baseline = new JdbcBaseline(target.database());
            baseline.createTables();
            try {
                long nextEvent = 0;
                if (warmup > 0) {
                    int warmupClients = clients.stream().max(Integer::compare).orElse(1);
                    CaptureRun w = capture(server, warmupClients, warmup, perDocument, nextEvent, maxPoll);
                    nextEvent += (long) warmup * perDocument;
                    JdbcBaseline.Result b = baseline.run(nextEvent, warmup * perDocument, perTransaction,
                            warmupClients);
                    nextEvent += (long) warmup * perDocument;
                    System.out.printf(Locale.ROOT, "warm-up: %,d documents, %d clients, %.1f s, %,.0f events/s;"
                            + " JDBC baseline %,d events, %d threads, %.1f s%n", warmup, warmupClients, w.seconds(),
                            w.eventsPerSecond(), b.events(), warmupClients, b.seconds());
                }
                // Each capture run is followed at once by its baseline, so that a change in the machine's other
                // load between the two affects a ratio as little as possible.
                for (int c : clients) {
                    long first = nextEvent;
                    CaptureRun r = capture(server, c, documents, perDocument, nextEvent, maxPoll);
                    nextEvent += (long) documents * perDocument;
                    checkStored(target.database(), r.captureIds(), r.events());
                    captures.add(r);
                    System.out.printf(Locale.ROOT, "capture, %d client(s): %,d events in %.2f s: %,.0f events/s"
                            + " (stored rows checked)%n", c, r.events(), r.seconds(), r.eventsPerSecond());
                    if (sameRows == null) {
                        sameRows = baseline.compareWithCaptured(r.captureIds().get(0), first);
                    }
                    JdbcBaseline.Result b = baseline.run(nextEvent, documents * perDocument, perTransaction, c);
                    nextEvent += (long) documents * perDocument;
                    baselines.add(b);
                    System.out.printf(Locale.ROOT, "JDBC baseline, %d thread(s): %,d events in %.2f s: %,.0f"
                            + " events/s%n", c, b.events(), b.seconds(), b.eventsPerSecond());
                }
            } finally {
                baseline.dropTables();
            }
            System.out.println(BenchMachine.serverMemory(server));
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "Capture of %d documents × %,d ObjectEvents (10 SGTINs each) per client"
                + " count; server JVM %s; %s%n", documents, perDocument, String.join(" ", serverJvm),
                target.description());
        System.out.println("| Writer | Clients / threads | Events | Seconds | events/s | Per document s, median"
                + " (max) | capture / baseline |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < captures.size(); i++) {
            CaptureRun r = captures.get(i);
            JdbcBaseline.Result b = baselines.get(i);
            System.out.printf(Locale.ROOT, "| POST /capture | %d | %,d | %.2f | %,.0f | %.3f (%.3f) | %.2f |%n",
                    r.clients(), r.events(), r.seconds(), r.eventsPerSecond(), median(r.latencies()),
                    max(r.latencies()), r.eventsPerSecond() / b.eventsPerSecond());
        }
        for (JdbcBaseline.Result b : baselines) {
            System.out.printf(Locale.ROOT, "| JDBC batch INSERT | %d | %,d | %.2f | %,.0f | – | – |%n", b.threads(),
                    b.events(), b.seconds(), b.eventsPerSecond());
        }
        System.out.println();
        System.out.println("Capture: each client posts a document, polls GET /capture/{id} (every " + FIRST_POLL
                .toMillis() + " ms, growing to " + maxPoll + " ms) until it has finished with success=true, then"
                + " posts its next; time from the first POST to the last job seen finished.");
        System.out.println("Baseline, run right after the capture run of the same count: rows computed beforehand (hash ID, stored JSON-LD, canonical EPCs), then plain"
                + " JDBC batch INSERTs (rewriteBatchedStatements=true) into copies of the tables made with CREATE"
                + " TABLE ... LIKE (" + JdbcBaseline.EVENT_TABLE + ", " + JdbcBaseline.EPC_TABLE + ", "
                + JdbcBaseline.OUTBOX_TABLE + ", dropped afterwards): per transaction of " + perTransaction
                + " events one outbox row, the epcis_event rows (row ids chosen by the writer) and ten"
                + " epcis_event_epc rows per event.");
        if (sameRows != null && sameRows.isEmpty()) {
            System.out.println("Baseline rows checked against the first captured event: same columns, same values"
                    + " (event_json included), and the capture wrote no other projection rows for it.");
        } else {
            System.out.println("WARNING: the baseline's rows differ from what the capture stored:");
            if (sameRows != null) {
                sameRows.forEach(d -> System.out.println("  " + d));
            }
        }
        for (int i = 0; i < captures.size(); i++) {
            CaptureRun r = captures.get(i);
            double ratio = r.eventsPerSecond() / baselines.get(i).eventsPerSecond();
            System.out.printf(Locale.ROOT, "%d client(s): %,.0f events/s (goal 10,000: %s), %.2f of the baseline"
                    + " (goal 0.50: %s)%n", r.clients(), r.eventsPerSecond(),
                    r.eventsPerSecond() >= 10_000 ? "met" : "NOT met", ratio, ratio >= 0.5 ? "met" : "NOT met");
        }
        cleanUp(run);
    }

    private CaptureRun capture(ServerProcess server, int clients, int documents, int perDocument, long firstEvent,
                               long maxPoll) throws InterruptedException {
        // Documents are made before the clock starts: the generator shares the machine with the server.
        byte[][] bodies = new byte[documents][];
        for (int d = 0; d < documents; d++) {
            bodies[d] = CaptureDocuments.document(firstEvent + (long) d * perDocument, perDocument);
        }
        String[] captureIds = new String[documents];
        double[] latencies = new double[documents];
        long[] finished = new long[documents];
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                CaptureClient http = new CaptureClient(server.base());
                try {
                    for (int d = client; d < documents && failure.get() == null; d += clients) {
                        long posted = System.nanoTime();
                        URI job = http.post(bodies[d]);
                        CaptureClient.Job done = http.await(job, FIRST_POLL, Duration.ofMillis(maxPoll),
                                Duration.ofMinutes(30));
                        if (!done.success()) {
                            throw new IllegalStateException("capture job " + done.captureId() + " of document " + d
                                    + " finished without success: " + CaptureClient.abbreviate(done.resource()
                                    .encode()));
                        }
                        captureIds[d] = done.captureId();
                        finished[d] = done.finishedNanos();
                        latencies[d] = (done.finishedNanos() - posted) / 1e9;
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "capture-client-" + c);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("capture with " + clients + " client(s) failed: "
                    + failure.get().getMessage() + (server.isAlive() ? "" : "\nthe server has exited; end of its log:\n"
                    + server.logTail(40)), failure.get());
        }
        long end = Arrays.stream(finished).max().orElse(start);
        return new CaptureRun(clients, documents, (long) documents * perDocument, (end - start) / 1e9, latencies,
                List.of(captureIds));
    }

    private static void checkStored(BenchDatabase database, List<String> captureIds, long events) throws SQLException {
        BenchDatabase.StoredCounts stored = database.count(captureIds);
        if (stored.events() != events || stored.epcRows() != events * CaptureDocuments.EPCS_PER_EVENT) {
            throw new IllegalStateException("the jobs reported success, but the database holds " + stored.events()
                    + " event rows and " + stored.epcRows() + " EPC rows for their capture IDs; expected " + events
                    + " and " + events * CaptureDocuments.EPCS_PER_EVENT);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // bounded

    private void bounded() throws Exception {
        long events = number("events", 1_000_000, 1);
        Path run = runDirectory("bounded");
        Target target = target(run);
        Path document = dir.resolve("bounded-" + events + ".jsonld");
        printMachine();

        long generateStart = System.nanoTime();
        long bytes = CaptureDocuments.write(0, events, document);
        System.out.printf(Locale.ROOT, "generated %s: %,d events, %,d bytes (%.1f MB) in %.1f s%n", document, events,
                bytes, bytes / 1e6, (System.nanoTime() - generateStart) / 1e9);

        boolean passed;
        try (ServerProcess server = ServerProcess.start(jar, serverJvm, target.environment(), LoopbackPort.free(),
                run)) {
            server.awaitHealthy(START_TIMEOUT);
            System.out.println("MariaDB: " + target.database().version() + " (" + target.description() + ")");
            CaptureClient client = new CaptureClient(server.base());

            long start = System.nanoTime();
            URI job = client.post(document, Duration.ofHours(1));
            double uploaded = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "POST /capture: 202 after %.1f s, job %s%n", uploaded, job.getPath());
            JsonObject resource;
            long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(3);
            while (true) {
                resource = client.read(job);
                if (!CaptureClient.running(job, resource)) {
                    break;
                }
                if (!server.isAlive()) {
                    throw new IllegalStateException("the server exited while the job ran; end of its log:\n"
                            + server.logTail(40));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the job was still running after 3 hours");
                }
                if (System.nanoTime() > nextReport) {
                    System.out.printf(Locale.ROOT, "  %.0f s: running, server peak RSS %,d MiB%n",
                            (System.nanoTime() - start) / 1e9, server.peakResidentMiB());
                    nextReport += TimeUnit.SECONDS.toNanos(30);
                }
                Thread.sleep(500);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String captureId = CaptureClient.captureId(job, resource);
            boolean success = Boolean.TRUE.equals(resource.getValue("success"));
            BenchDatabase.StoredCounts stored = target.database().count(List.of(captureId));
            long peakRss = server.peakResidentMiB();
            ServerProcess.GcSummary gc = server.gcSummary();
            boolean outOfMemory = server.loggedOutOfMemory();
            boolean countsMatch = stored.events() == events
                    && stored.epcRows() == events * CaptureDocuments.EPCS_PER_EVENT;
            passed = success && countsMatch && !outOfMemory;

            System.out.println();
            System.out.println("GET " + job.getPath() + ": " + summary(resource));
            jobSeconds(resource).ifPresent(s -> System.out.printf(Locale.ROOT, "job createdAt → finishedAt (server"
                    + " clock): %.1f s%n", s));
            System.out.printf(Locale.ROOT, "Capture of one %,d-event document (%.1f MB JSON-LD), server JVM %s, %s%n",
                    events, bytes / 1e6, String.join(" ", serverJvm), target.description());
            System.out.println("| success | Upload s (POST until 202) | Total s (POST until finished) | events/s |"
                    + " Stored events / EPC rows | Server peak RSS MiB | Max heap after GC MiB (GC pauses) |"
                    + " OutOfMemoryError |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %,.0f | %,d / %,d | %,d | %,d (%d) | %s |%n",
                    success, uploaded, seconds, events / seconds, stored.events(), stored.epcRows(), peakRss,
                    gc.maxAfterGcMiB(), gc.collections(), outOfMemory ? "yes" : "no");
            if (!countsMatch) {
                System.out.printf(Locale.ROOT, "stored rows do not match: expected %,d events and %,d EPC rows%n",
                        events, events * CaptureDocuments.EPCS_PER_EVENT);
            }
        }
        if (!keep) {
            Files.deleteIfExists(document);
        }
        cleanUp(run);
        if (!passed) {
            System.out.println("bounded capture FAILED");
            System.exit(1);
        }
    }

    /** finishedAt − createdAt of the job resource, when it has both. */
    private static Optional<Double> jobSeconds(JsonObject resource) {
        try {
            Instant created = Instant.parse(resource.getString("createdAt"));
            Instant finished = Instant.parse(resource.getString("finishedAt"));
            return Optional.of(Duration.between(created, finished).toNanos() / 1e9);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The job resource without its error list, which can be long; the number of errors and the first three. */
    private static String summary(JsonObject resource) {
        JsonObject copy = resource.copy();
        Object errors = copy.remove("errors");
        String text = copy.encode();
        if (errors instanceof JsonArray list && !list.isEmpty()) {
            text += " errors (" + list.size() + "): " + CaptureClient.abbreviate(new JsonArray(
                    list.getList().subList(0, Math.min(3, list.size()))).encode());
        }
        return text;
    }

    // ---------------------------------------------------------------------------------------------------------
    // generate

    private void generate() throws IOException {
        String out = options.get("out");
        if (out == null) {
            throw usage("generate needs --out FILE");
        }
        long first = number("first", 0, 0);
        long events = number("events", 1000, 1);
        long bytes = CaptureDocuments.write(first, events, Path.of(out));
        System.out.printf(Locale.ROOT, "wrote events %,d..%,d, %,d bytes to %s%n", first, first + events - 1, bytes,
                out);
    }

    // ---------------------------------------------------------------------------------------------------------
    // the server's database

    /** Where the server keeps its data, the environment that tells it so, and how to reach it over JDBC. */
    private record Target(Map<String, String> environment, BenchDatabase database, String description) {
    }

    private Target target(Path run) {
        String db = options.getOrDefault("db", "embedded");
        Map<String, String> environment = new LinkedHashMap<>();
        if (db.equals("embedded")) {
            int port = LoopbackPort.free();
            Path data = run.resolve("data");
            environment.put("EPCIS_DATA_DIR", data.toString());
            environment.put("EPCIS_EMBEDDED_DB_PORT", Integer.toString(port));
            environment.put("EPCIS_EMBEDDED_DB_NAME", "tracewell");
            return new Target(environment, new BenchDatabase("jdbc:mariadb://127.0.0.1:" + port + "/tracewell", "root",
                    ""), "embedded MariaDB in " + data);
        }
        if (!db.startsWith("jdbc:mariadb:")) {
            throw usage("--db must be 'embedded' or a jdbc:mariadb: URL, found '" + db + "'");
        }
        String user = options.getOrDefault("db-user", envOr("EPCIS_DB_USER", "root"));
        String password = options.getOrDefault("db-password", envOr("EPCIS_DB_PASSWORD", ""));
        environment.put("EPCIS_DB_URL", db);
        environment.put("EPCIS_DB_USER", user);
        environment.put("EPCIS_DB_PASSWORD", password);
        BenchDatabase database = new BenchDatabase(db, user, password);
        return new Target(environment, database, "external MariaDB " + database.describe());
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private Path runDirectory(String mode) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(Instant.now().atOffset(ZoneOffset.UTC));
        Path run = dir.resolve(mode + "-" + stamp);
        Files.createDirectories(run);
        return run;
    }

    /** Deletes the run's embedded database (hundreds of MB); the logs stay. */
    private void cleanUp(Path run) throws IOException {
        Path data = run.resolve("data");
        if (keep || !Files.exists(data)) {
            return;
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
        System.out.println("deleted " + data + " (logs kept in " + run + "; --keep keeps the database)");
    }

    // ---------------------------------------------------------------------------------------------------------
    // reporting

    private void printMachine() {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "machine: %d processors, %s memory, %s %s (%s)%n", rt.availableProcessors(),
                BenchMachine.memTotal(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
        System.out.println("load average (1, 5, 15 min) before the run: " + BenchMachine.loadAverage()
                + " (other work on the machine shares its processors with the server, the database and the clients)");
        System.out.println("java: " + BenchMachine.java());
        System.out.println("source: " + BenchMachine.source());
        try {
            System.out.println("server jar: " + jar + ", built " + Files.getLastModifiedTime(jar));
        } catch (IOException e) {
            System.out.println("server jar: " + jar + " (missing)");
        }
        System.out.printf(Locale.ROOT, "server JVM options: %s; load generator JVM: max heap %d MB%n",
                String.join(" ", serverJvm), rt.maxMemory() >> 20);
    }





    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // options

    private static List<Integer> clients(String text) {
        List<Integer> list = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int n = Integer.parseInt(part.trim());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                list.add(n);
            } catch (NumberFormatException e) {
                throw usage("--clients must be a comma-separated list of positive whole numbers, found '" + text
                        + "'");
            }
        }
        return List.copyOf(list);
    }

    private long number(String key, long fallback, long min) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.replace("_", "").replace(",", ""));
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw usage("--" + key + " must be a whole number of at least " + min + ", found '" + value + "'");
        }
    }

    private static Map<String, String> options(String[] args) {
        return BenchOptions.parse(args, Set.of("keep"), CaptureBenchmark::usage);
    }

    private static IllegalArgumentException usage(String problem) {
        System.err.println("CaptureBenchmark: " + problem);
        System.err.println("usage: CaptureBenchmark throughput [--documents N] [--events-per-document N]"
                + " [--clients 1,4] [--warmup-documents N] [--transaction-events N] [--db embedded|URL] [--keep]");
        System.err.println("       CaptureBenchmark bounded [--events N] [--db embedded|URL] [--keep]");
        System.err.println("       CaptureBenchmark generate [--first N] [--events N] --out FILE");
        System.err.println("common: [--jar JAR] [--dir DIR] [--server-jvm \"OPTIONS\"] [--db-user U] [--db-password P]");
        System.exit(2);
        return new IllegalArgumentException(problem);
    }
}
