package io.tracewell.server.bench;

import io.tracewell.epcis.query.QueryContext;
import io.tracewell.epcis.query.QueryParser;
import io.tracewell.epcis.query.SimpleEventQuery;
import io.tracewell.epcis.query.SqlWhere;
import io.tracewell.epcis.store.embedded.LoopbackPort;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
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
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Query latency and streaming rate of the Tracewell server on a million stored events, each against the same SQL
 * issued directly over JDBC in the same run.
 *
 * <pre>
 * QueryBenchmark [--events 1000000] [--packs 2000] [--warmup-packs 200] [--window-runs 3] [--load-clients 4]
 *                [--seed 42] [--dir epcis-server/target/query-bench] [--reload] [--keep]
 *                [--jar epcis-server/target/epcis-server.jar] [--server-jvm "-Xmx1g"]
 * </pre>
 *
 * The server (the jar, in a JVM of its own, on an embedded MariaDB in {@code DIR/data}) is loaded with
 * {@link PackHistories} by {@code POST /capture} of 1,000-event documents from several clients, unless
 * {@code DIR/data} already holds a complete load of as many events ({@code DIR/loaded.properties} records a load
 * that finished with every outbox row numbered); {@code --reload} loads afresh. Then:
 * <ul>
 *   <li>pack history: {@code GET /events?MATCH_anyEPC=<pack>} (half the packs as Digital Link, half as EPC URI)
 *   for random packs after a warm-up; each answer must hold the pack's four events. Every pack is also queried
 *   over JDBC with the statement the server issues for it (the page's SELECT with the outbox visibility below
 *   the horizon it reads in the same statement, ORDER BY and LIMIT perPage+1, its WHERE built by the server's
 *   own {@link QueryParser}),
 *   reading event_json. The two alternate which goes first from pack to pack, so that each finds the pages the
 *   other has just read equally often.</li>
 *   <li>one-day window: {@code GET /events?GE_eventTime=..&LT_eventTime=..&perPage=1000}, following
 *   {@code Link: rel="next"} to the end, against the same pages over JDBC (keyset {@code e.id > last}, as the
 *   server continues a page token of a query without orderBy); then the same with
 *   {@code orderBy=eventTime&orderDirection=ASC} (keyset on eventTime and id). The time over HTTP leaves out the
 *   benchmark's own counting of the events in the bodies.</li>
 *   <li>EXPLAIN and ANALYZE of the statements, and of candidate rewrites of the window's (printed as such).</li>
 * </ul>
 * Without {@code --keep} the database is deleted at the end; with it, the next run reuses it. Scripted as
 * {@code scripts/bench-query.sh}.
 */
public final class QueryBenchmark {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final int DOCUMENT_CASES = 250; // 1,000 events
    private static final int PACK_PER_PAGE = 30; // the server's default perPage
    private static final int WINDOW_PER_PAGE = 1000; // the server's largest perPage
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");
    private static final String ACCEPT = "application/ld+json";
    private static final String IGNORE_PRIMARY = " IGNORE INDEX FOR ORDER BY (PRIMARY)";
    /** The visibility predicate as EventQueries writes it (a scalar subquery since the EXISTS form planned badly). */
    private static final String VISIBLE = "(SELECT o.visible_seq FROM epcis_outbox o WHERE o.id = e.outbox_id) <= ";
    private static final String HORIZON = "SELECT COALESCE(MAX(visible_seq), 0) AS h FROM epcis_outbox";

    private final Map<String, String> options;
    private final Path dir;
    private final Path jar;
    private final List<String> serverJvm;
    private final boolean keep;

    private QueryBenchmark(Map<String, String> options) {
        this.options = options;
        this.dir = Path.of(options.getOrDefault("dir", "epcis-server/target/query-bench")).toAbsolutePath();
        this.jar = Path.of(options.getOrDefault("jar", "epcis-server/target/epcis-server.jar"));
        this.serverJvm = Arrays.stream(options.getOrDefault("server-jvm", "-Xmx1g").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        this.keep = options.containsKey("keep");
    }

    public static void main(String[] args) throws Exception {
        int status = new QueryBenchmark(options(args)).run();
        System.exit(status); // HttpClient selector threads would otherwise keep the JVM a while
    }

    private int run() throws Exception {
        PackHistories data = new PackHistories(number("events", 1_000_000, 4));
        int packs = (int) number("packs", 2000, 1);
        int warmupPacks = (int) number("warmup-packs", 200, 0);
        int windowRuns = (int) number("window-runs", 3, 1);
        int loadClients = (int) number("load-clients", 4, 1);
        long seed = number("seed", 42, 0);

        Path runDir = dir.resolve("run-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(Instant.now().atOffset(ZoneOffset.UTC)));
        Files.createDirectories(runDir);
        Path dataDir = dir.resolve("data");
        Path marker = dir.resolve("loaded.properties");
        boolean reuse = !options.containsKey("reload") && Files.isDirectory(dataDir)
                && loadedEvents(marker) == data.events();
        if (!reuse) {
            Files.deleteIfExists(marker);
            deleteTree(dataDir);
        }

        printMachine();
        int dbPort = LoopbackPort.free();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EPCIS_DATA_DIR", dataDir.toString());
        environment.put("EPCIS_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        environment.put("EPCIS_EMBEDDED_DB_NAME", "tracewell");
        BenchDatabase db = new BenchDatabase("jdbc:mariadb://127.0.0.1:" + dbPort + "/tracewell", "root", "");

        // A copy, so that a rebuild of the jar while the benchmark runs cannot change the classes the server loads.
        Path serverJar = runDir.resolve("epcis-server.jar");
        Files.copy(jar, serverJar);
        System.out.println("server jar: " + jar + ", built " + Files.getLastModifiedTime(jar) + ", run from a copy"
                + " in " + runDir);
        boolean passed;
        try {
            passed = measure(data, serverJar, environment, db, runDir, marker, dataDir, reuse, packs, warmupPacks,
                    windowRuns, loadClients, seed);
        } finally {
            Files.deleteIfExists(serverJar);
        }
        if (!keep) {
            deleteTree(dataDir);
            Files.deleteIfExists(marker);
            System.out.println("deleted " + dataDir + " (logs kept in " + runDir + "; --keep keeps the database"
                    + " for the next run)");
        } else {
            System.out.println("kept " + dataDir + " for the next run (logs in " + runDir + ")");
        }
        return passed ? 0 : 1;
    }

    private boolean measure(PackHistories data, Path serverJar, Map<String, String> environment, BenchDatabase db,
                            Path runDir, Path marker, Path dataDir, boolean reuse, int packs, int warmupPacks,
                            int windowRuns, int loadClients, long seed) throws Exception {
        boolean passed;
        try (ServerProcess server = ServerProcess.start(serverJar, serverJvm, environment, LoopbackPort.free(),
                runDir)) {
            long started = System.nanoTime();
            server.awaitHealthy(START_TIMEOUT);
            System.out.printf(Locale.ROOT, "server healthy after %.1f s (pid %d, log %s)%n",
                    (System.nanoTime() - started) / 1e9, server.pid(), server.log());
            System.out.println("MariaDB: " + db.version() + ", embedded, data in " + dataDir + ", "
                    + variables(db, "innodb_buffer_pool_size", "innodb_flush_log_at_trx_commit"));
            if (reuse) {
                System.out.println("reusing the database loaded earlier (" + marker + "; --reload loads afresh)");
            } else {
                load(server, db, data, loadClients);
                Properties p = new Properties();
                p.setProperty("events", Long.toString(data.events()));
                try (Writer w = Files.newBufferedWriter(marker)) {
                    p.store(w, "a complete load of the query benchmark");
                }
            }
            long[] stored = storedCounts(db);
            System.out.printf(Locale.ROOT, "stored: %,d events, %,d identifier rows (epcis_event_epc)%n", stored[0],
                    stored[1]);
            if (stored[0] != data.events() || stored[1] != data.identifierRows()) {
                System.out.printf(Locale.ROOT, "FAILED: expected %,d events and %,d identifier rows%n",
                        data.events(), data.identifierRows());
                return false;
            }

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            Random random = new Random(seed);
            List<String> warmup = randomPacks(random, data, warmupPacks);
            List<String> measured = randomPacks(random, data, packs);
            try (Connection c = db.connect()) {
                if (!warmup.isEmpty()) {
                    System.out.println("warm-up: " + warmup.size() + " pack histories each way, one window each way");
                    packHistories(http, server.base(), c, warmup);
                    for (boolean byEventTime : new boolean[] {false, true}) {
                        windowOverHttp(http, server.base(), byEventTime);
                        windowOverJdbc(c, byEventTime);
                    }
                }
                PackRun packRun = packHistories(http, server.base(), c, measured);
                WindowRuns storageOrder = windows(http, server.base(), c, false, windowRuns);
                WindowRuns byEventTime = windows(http, server.base(), c, true, windowRuns);
                long windowCount = windowCount(c);
                System.out.println(BenchMachine.serverMemory(server));
                passed = report(data, packRun, storageOrder, byEventTime, windowCount, windowRuns, seed);
                explain(c, measured.get(0));
            }
        }
        return passed;
    }

    // ---------------------------------------------------------------------------------------------------------
    // loading

    static void load(ServerProcess server, BenchDatabase db, PackHistories data, int clients)
            throws Exception {
        long documents = (data.cases() + DOCUMENT_CASES - 1) / DOCUMENT_CASES;
        System.out.printf(Locale.ROOT, "loading %,d events (%,d cases of %d packs) as %,d documents by POST /capture"
                + " from %d clients%n", data.events(), data.cases(), PackHistories.PACKS_PER_CASE, documents, clients);
        AtomicLong nextDocument = new AtomicLong();
        AtomicLong loaded = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    CaptureClient client = new CaptureClient(server.base());
                    long d;
                    while ((d = nextDocument.getAndIncrement()) < documents) {
                        long first = d * DOCUMENT_CASES;
                        int count = (int) Math.min(DOCUMENT_CASES, data.cases() - first);
                        URI job = client.post(data.document(first, count));
                        CaptureClient.Job done = client.await(job, Duration.ofMillis(20), Duration.ofMillis(200),
                                Duration.ofMinutes(10));
                        if (!done.success()) {
                            throw new IllegalStateException("capture of document " + d + " failed: "
                                    + CaptureClient.abbreviate(done.resource().encode()));
                        }
                        loaded.addAndGet((long) count * PackHistories.EVENTS_PER_CASE);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                while (true) {
                    try {
                        f.get(30, TimeUnit.SECONDS);
                        break;
                    } catch (TimeoutException e) {
                        double s = (System.nanoTime() - start) / 1e9;
                        System.out.printf(Locale.ROOT, "  %.0f s: %,d events loaded (%,.0f events/s)%n", s,
                                loaded.get(), loaded.get() / s);
                        if (!server.isAlive()) {
                            throw new IllegalStateException("the server exited while loading; end of its log:\n"
                                    + server.logTail(40));
                        }
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("loading failed: " + e.getCause().getMessage(),
                                e.getCause());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "loaded %,d events in %.1f s (%,.0f events/s)%n", loaded.get(), seconds,
                loaded.get() / seconds);
        // Every outbox row must be numbered (visible) before queries are measured.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            long unnumbered = single(db, "SELECT COUNT(*) FROM epcis_outbox WHERE visible_seq IS NULL");
            if (unnumbered == 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(unnumbered + " outbox rows were still unnumbered 2 minutes after"
                        + " the load");
            }
            Thread.sleep(500);
        }
    }

    private static long[] storedCounts(BenchDatabase db) throws SQLException {
        return new long[] {single(db, "SELECT COUNT(*) FROM epcis_event"),
                single(db, "SELECT COUNT(*) FROM epcis_event_epc")};
    }

    static long loadedEvents(Path marker) {
        if (!Files.isRegularFile(marker)) {
            return -1;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(marker)) {
            p.load(r);
            return Long.parseLong(p.getProperty("events", "-1"));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // pack histories

    /**
     * Latencies in ms, one per pack: of each side and of a
     * {@code GET /health} sent after the pack's two queries; and whether HTTP went first for the pack.
     */
    private record PackRun(double[] http, double[] jdbc, double[] health, boolean[] httpFirst, double[][] timing) {
    }

    private static List<String> randomPacks(Random random, PackHistories data, int n) {
        List<String> packs = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long c = random.nextLong(data.cases());
            int i = random.nextInt(PackHistories.PACKS_PER_CASE);
            packs.add(k % 2 == 0 ? PackHistories.packDigitalLink(c, i) : PackHistories.packUrn(c, i));
        }
        return packs;
    }

    private static PackRun packHistories(HttpClient http, URI base, Connection c, List<String> packs)
            throws Exception {
        double[] overHttp = new double[packs.size()];
        double[] overJdbc = new double[packs.size()];
        double[] health = new double[packs.size()];
        double[][] timing = new double[4][packs.size()];
        boolean[] httpFirst = new boolean[packs.size()];
        HttpRequest healthRequest = HttpRequest.newBuilder(base.resolve("health")).timeout(Duration.ofSeconds(60))
                .GET().build();
        for (int k = 0; k < packs.size(); k++) {
            String pack = packs.get(k);
            httpFirst[k] = k % 2 == 0;
            if (httpFirst[k]) {
                overHttp[k] = packOverHttp(http, base, pack, timing, k);
                overJdbc[k] = packOverJdbc(c, pack);
            } else {
                overJdbc[k] = packOverJdbc(c, pack);
                overHttp[k] = packOverHttp(http, base, pack, timing, k);
            }
            long t0 = System.nanoTime();
            HttpResponse<byte[]> h = http.send(healthRequest, HttpResponse.BodyHandlers.ofByteArray());
            health[k] = (System.nanoTime() - t0) / 1e6;
            if (h.statusCode() != 200) {
                throw new IllegalStateException("GET /health answered " + h.statusCode());
            }
        }
        return new PackRun(overHttp, overJdbc, health, httpFirst, timing);
    }

    /**
     * The time of one pack's GET /events, in ms; the answer's Server-Timing (sql, read, write, total) goes into
     * {@code timing[0..3][k]}.
     */
    private static double packOverHttp(HttpClient http, URI base, String pack, double[][] timing, int k)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("events?MATCH_anyEPC="
                + URLEncoder.encode(pack, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(60))
                .header("Accept", ACCEPT).GET().build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t0) / 1e6;
        int events = eventCount(request.uri(), response);
        String header = response.headers().firstValue("Server-Timing").orElseThrow(
                () -> new IllegalStateException("GET " + request.uri() + " has no Server-Timing"));
        String[] names = {"sql", "read", "write", "total"};
        for (int i = 0; i < names.length; i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + names[i] + ";dur=([0-9.]+)")
                    .matcher(header);
            if (!m.find()) {
                throw new IllegalStateException("Server-Timing without " + names[i] + ": " + header);
            }
            timing[i][k] = Double.parseDouble(m.group(1));
        }
        if (events != PackHistories.EVENTS_PER_CASE || response.headers().firstValue("Link").isPresent()) {
            throw new IllegalStateException("GET " + request.uri() + " returned " + events + " events instead of the"
                    + " pack's " + PackHistories.EVENTS_PER_CASE);
        }
        return ms;
    }

    /** The time of the pack's page (one statement, reading its horizon too), in ms. */
    private static double packOverJdbc(Connection c, String pack) throws SQLException {
        SimpleEventQuery query = QueryParser.standard().parse(Map.of("MATCH_anyEPC", List.of(pack)),
                QueryContext.empty());
        long t0 = System.nanoTime();
        Page page = page(c, query, null, null, PACK_PER_PAGE);
        long t1 = System.nanoTime();
        if (page.rows() != PackHistories.EVENTS_PER_CASE || page.more()) {
            throw new IllegalStateException("the pack-history SQL returned " + page.rows() + " rows for " + pack
                    + " instead of " + PackHistories.EVENTS_PER_CASE);
        }
        return (t1 - t0) / 1e6;
    }

    // ---------------------------------------------------------------------------------------------------------
    // the SQL the server issues (EventQueries.run)

    /**
     * One page read over JDBC: rows kept (at most the page size), whether there was one more, and the sort key and
     * row id of the last row kept (where the next page starts).
     */
    private record Page(int rows, boolean more, Keyset last, long horizon) {
    }

    /** The position after a row: its sort key (the row id itself in storage order) and its row id. */
    private record Keyset(LocalDateTime key, long id) {
    }


    /**
     * The WHERE of {@code EventQueries.run}: the query's conditions, the outbox visibility at the horizon, then
     * for a later page the keyset after the previous page's last row (ascending orders only).
     */
    private static SqlWhere pageWhere(SimpleEventQuery query, Long horizon, Keyset after) {
        if (!query.order().ascending()) {
            throw new IllegalArgumentException("only ascending orders are measured");
        }
        SqlWhere where = query.where();
        if (horizon == null) {
            where.add(VISIBLE + "hz.h");
        } else {
            where.add(VISIBLE + "?", horizon);
        }
        if (after != null) {
            if (query.order().key() == SimpleEventQuery.OrderKey.ROW) {
                where.add("e.id > ?", after.id());
            } else {
                String column = query.order().key().column();
                where.add("(" + column + " > ? OR (" + column + " = ? AND e.id > ?))", after.key(), after.key(),
                        after.id());
            }
        }
        return where;
    }

    /**
     * The SELECT of {@code EventQueries.run}; its last parameter is the page size plus one. A first page (no
     * horizon yet) reads the horizon in the same statement, as its fourth column.
     */
    private static String pageSql(SimpleEventQuery query, SqlWhere where, boolean firstPage) {
        SimpleEventQuery.OrderKey key = query.order().key();
        return "SELECT e.id, " + key.column() + ", e.event_json" + (firstPage ? ", hz.h" : "")
                + " FROM epcis_event e" + (firstPage ? " CROSS JOIN (" + HORIZON + ") hz" : "") + " WHERE " + where.sql()
                + " ORDER BY " + key.column() + " ASC" + (key == SimpleEventQuery.OrderKey.ROW ? "" : ", e.id ASC")
                + " LIMIT ?";
    }

    /** One page; {@code horizon} null for a first page, which reads it in the same statement. */
    private static Page page(Connection c, SimpleEventQuery query, Long horizon, Keyset after, int limit)
            throws SQLException {
        SqlWhere where = pageWhere(query, horizon, after);
        boolean byRow = query.order().key() == SimpleEventQuery.OrderKey.ROW;
        long h = horizon == null ? -1 : horizon;
        try (PreparedStatement s = c.prepareStatement(pageSql(query, where, horizon == null))) {
            int i = bind(s, where.arguments());
            s.setInt(i, limit + 1);
            int rows = 0;
            Keyset last = null;
            boolean more = false;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (h < 0) {
                        h = r.getLong(4);
                    }
                    if (rows == limit) {
                        more = true;
                        break;
                    }
                    long id = r.getLong(1);
                    last = new Keyset(byRow ? null : r.getObject(2, LocalDateTime.class), id);
                    r.getString(3);
                    rows++;
                }
            }
            return new Page(rows, more, last, h);
        }
    }

    private static int bind(PreparedStatement s, List<Object> arguments) throws SQLException {
        int i = 1;
        for (Object a : arguments) {
            s.setObject(i++, a);
        }
        return i;
    }

    // ---------------------------------------------------------------------------------------------------------
    // one-day window

    private record WindowRun(long events, int pages, double seconds, double firstPageSeconds) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /** Runs of the window over HTTP and over JDBC, alternating which goes first. */
    private record WindowRuns(List<WindowRun> http, List<WindowRun> jdbc) {

        boolean counted(long expected) {
            return Stream.concat(http.stream(), jdbc.stream()).allMatch(w -> w.events() == expected);
        }
    }

    private static WindowRuns windows(HttpClient http, URI base, Connection c, boolean byEventTime, int runs)
            throws Exception {
        List<WindowRun> overHttp = new ArrayList<>();
        List<WindowRun> overJdbc = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            if (i % 2 == 0) {
                overHttp.add(windowOverHttp(http, base, byEventTime));
                overJdbc.add(windowOverJdbc(c, byEventTime));
            } else {
                overJdbc.add(windowOverJdbc(c, byEventTime));
                overHttp.add(windowOverHttp(http, base, byEventTime));
            }
        }
        return new WindowRuns(overHttp, overJdbc);
    }

    /** The day's bounds; ordered by eventTime ascending when asked for, else in storage order (no orderBy). */
    private static Map<String, List<String>> windowParameters(boolean byEventTime) {
        Instant from = PackHistories.windowStart();
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("GE_eventTime", List.of(from.toString()));
        p.put("LT_eventTime", List.of(from.plus(Duration.ofDays(1)).toString()));
        if (byEventTime) {
            p.put("orderBy", List.of("eventTime"));
            p.put("orderDirection", List.of("ASC"));
        }
        return p;
    }

    /**
     * Pages of the window following {@code Link: rel="next"}; the time is from the first request to the last
     * body, less the time the benchmark spends counting the events of the bodies.
     */
    private static WindowRun windowOverHttp(HttpClient http, URI base, boolean byEventTime) throws Exception {
        StringBuilder query = new StringBuilder("events?");
        windowParameters(byEventTime).forEach((name, values) -> query.append(name).append('=')
                .append(URLEncoder.encode(values.get(0), StandardCharsets.UTF_8)).append('&'));
        query.append("perPage=").append(WINDOW_PER_PAGE);
        URI next = base.resolve(query.toString());
        long events = 0;
        int pages = 0;
        long counting = 0;
        long start = System.nanoTime();
        long firstPage = 0;
        while (next != null) {
            HttpRequest request = HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(120))
                    .header("Accept", ACCEPT).GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long received = System.nanoTime();
            if (pages == 0) {
                firstPage = received;
            }
            pages++;
            events += eventCount(next, response);
            Matcher m = NEXT.matcher(response.headers().firstValue("Link").orElse(""));
            next = m.find() ? base.resolve(m.group(1)) : null;
            counting += System.nanoTime() - received;
        }
        double seconds = (System.nanoTime() - start - counting) / 1e9;
        return new WindowRun(events, pages, seconds, (firstPage - start) / 1e9);
    }

    private static WindowRun windowOverJdbc(Connection c, boolean byEventTime) throws SQLException {
        SimpleEventQuery query = QueryParser.standard().parse(windowParameters(byEventTime), QueryContext.empty());
        long start = System.nanoTime();
        Long horizon = null;
        long events = 0;
        int pages = 0;
        Keyset after = null;
        long firstPage = 0;
        while (true) {
            Page page = page(c, query, horizon, after, WINDOW_PER_PAGE);
            if (pages == 0) {
                firstPage = System.nanoTime();
                horizon = page.horizon();
            }
            pages++;
            events += page.rows();
            if (!page.more()) {
                break;
            }
            after = page.last();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new WindowRun(events, pages, seconds, (firstPage - start) / 1e9);
    }

    private static long windowCount(Connection c) throws SQLException {
        Map<String, List<String>> p = windowParameters(false);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM epcis_event WHERE event_time >= ? AND event_time < ?")) {
            s.setObject(1, LocalDateTime.ofInstant(Instant.parse(p.get("GE_eventTime").get(0)),
                    ZoneOffset.UTC));
            s.setObject(2, LocalDateTime.ofInstant(Instant.parse(p.get("LT_eventTime").get(0)),
                    ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The number of events in a 200 response's query document; anything else is an error with the body. */
    private static int eventCount(URI uri, HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                    + CaptureClient.abbreviate(body));
        }
        try {
            JsonArray list = new JsonObject(body).getJsonObject("epcisBody").getJsonObject("queryResults")
                    .getJsonObject("resultsBody").getJsonArray("eventList");
            return list == null ? 0 : list.size();
        } catch (DecodeException | NullPointerException | ClassCastException e) {
            throw new IllegalStateException("GET " + uri + " did not answer a query document with"
                    + " epcisBody.queryResults.resultsBody.eventList: " + CaptureClient.abbreviate(body), e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // report

    private boolean report(PackHistories data, PackRun packs, WindowRuns storageOrder, WindowRuns byEventTime,
                           long windowCount, int windowRuns, long seed) {
        boolean countsAgree = storageOrder.counted(windowCount) && byEventTime.counted(windowCount);
        double httpP50 = percentile(packs.http(), 50);
        double httpP99 = percentile(packs.http(), 99);
        double jdbcP50 = percentile(packs.jdbc(), 50);
        double jdbcP99 = percentile(packs.jdbc(), 99);
        double[] httpFirst = select(packs.http(), packs.httpFirst(), true);
        double[] jdbcFirst = select(packs.jdbc(), packs.httpFirst(), false);

        System.out.println();
        System.out.printf(Locale.ROOT, "Queries on %,d stored events (%,d identifier rows), server JVM %s;"
                + " %,d random packs (seed %d), each over HTTP and over JDBC; one-day window from %s, %d runs each"
                + " way (median run)%n", data.events(), data.identifierRows(), String.join(" ", serverJvm),
                packs.http().length, seed, PackHistories.windowStart(), windowRuns);
        System.out.println("| Query | Server, GET /events | Direct SQL over JDBC | server / SQL |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| Pack history (MATCH_anyEPC, 4 events) p50 ms | %.2f | %.2f | %.2f |%n",
                httpP50, jdbcP50, httpP50 / jdbcP50);
        System.out.printf(Locale.ROOT, "| Pack history p99 ms | %.2f | %.2f | %.2f |%n", httpP99, jdbcP99,
                httpP99 / jdbcP99);
        System.out.printf(Locale.ROOT, "| Pack history max ms | %.2f | %.2f | – |%n", max(packs.http()),
                max(packs.jdbc()));
        System.out.printf(Locale.ROOT, "| Pack history p50 / p99 ms, only the packs where this side went first |"
                + " %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |%n", percentile(httpFirst, 50), percentile(httpFirst, 99),
                percentile(jdbcFirst, 50), percentile(jdbcFirst, 99),
                percentile(httpFirst, 50) / percentile(jdbcFirst, 50),
                percentile(httpFirst, 99) / percentile(jdbcFirst, 99));
        double[] total = packs.timing()[3];
        System.out.printf(Locale.ROOT, "| Pack history, the server's own time (Server-Timing total: parse, SQL, read,"
                + " write) p50 / p99 ms | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |%n", percentile(total, 50),
                percentile(total, 99), jdbcP50, jdbcP99, percentile(total, 50) / jdbcP50,
                percentile(total, 99) / jdbcP99);
        System.out.printf(Locale.ROOT, "| Pack history, Server-Timing p50 ms: sql / read / write | %.3f / %.3f /"
                + " %.3f | – | – |%n", percentile(packs.timing()[0], 50), percentile(packs.timing()[1], 50),
                percentile(packs.timing()[2], 50));
        windowRows("One-day window, storage order (no orderBy)", storageOrder);
        windowRows("One-day window, orderBy=eventTime&orderDirection=ASC", byEventTime);
        System.out.printf(Locale.ROOT, "| For reference: GET /health p50 / p99 ms (HTTP, worker thread, one database"
                + " round trip) | %.2f / %.2f | – | – |%n", percentile(packs.health(), 50),
                percentile(packs.health(), 99));
        System.out.println();
        windowList("storage order", storageOrder);
        windowList("orderBy=eventTime ASC", byEventTime);
        System.out.println("Server: one connection (HTTP/1.1, java.net.http), requests one after another, Accept "
                + ACCEPT + "; time from sending the request to the last byte of the body. Pack answers checked:"
                + " exactly the pack's 4 events, no next page. Window: pages followed by Link rel=\"next\" to the"
                + " end; time from the first request to the last body, less the benchmark's own counting of the"
                + " events in the bodies.");
        System.out.println("Direct SQL: the statements EventQueries issues (the page SELECT with the WHERE of the"
                + " server's QueryParser, the outbox visibility below the horizon, read in the first page's own"
                + " statement and bound as a parameter in later pages, ORDER BY, LIMIT perPage+1 and for later"
                + " pages the keyset after the last row), on one connection"
                + " (rewriteBatchedStatements=true like the server's pool), reading event_json as a string. For"
                + " each pack the side going first alternates.");
        System.out.printf(Locale.ROOT, "window counts: %,d events between its bounds (COUNT(*)); every HTTP and JDBC"
                + " run returned %s%n", windowCount, countsAgree ? "exactly that many" : "OTHER COUNTS (FAILED)");
        boolean latencyGoal = httpP99 <= 20;
        boolean ratioGoal = httpP99 / jdbcP99 <= 1.5;
        System.out.printf(Locale.ROOT, "Goal p99 of a pack history <= 20 ms: %s (%.2f ms). Goal p99 <= 1.5 x the"
                + " direct SQL's p99: %s (%.2f)%n", latencyGoal ? "met" : "NOT met", httpP99,
                ratioGoal ? "met" : "NOT met", httpP99 / jdbcP99);
        return countsAgree;
    }

    private static void windowRows(String name, WindowRuns runs) {
        WindowRun h = median(runs.http());
        WindowRun j = median(runs.jdbc());
        System.out.printf(Locale.ROOT, "| %s (%,d events, %d pages of %d) events/s | %,.0f | %,.0f | %.2f"
                + " (SQL rate / server rate) |%n", name, h.events(), h.pages(), WINDOW_PER_PAGE, h.eventsPerSecond(),
                j.eventsPerSecond(), j.eventsPerSecond() / h.eventsPerSecond());
        System.out.printf(Locale.ROOT, "| %s: all pages s / first page s | %.2f / %.3f | %.2f / %.3f | %.2f / %.2f"
                + " |%n", name, h.seconds(), h.firstPageSeconds(), j.seconds(), j.firstPageSeconds(),
                h.seconds() / j.seconds(), h.firstPageSeconds() / j.firstPageSeconds());
    }

    private static void windowList(String name, WindowRuns runs) {
        StringBuilder sb = new StringBuilder("window runs, " + name + ", events/s over HTTP:");
        runs.http().forEach(w -> sb.append(String.format(Locale.ROOT, " %,.0f", w.eventsPerSecond())));
        sb.append("; over JDBC:");
        runs.jdbc().forEach(w -> sb.append(String.format(Locale.ROOT, " %,.0f", w.eventsPerSecond())));
        System.out.println(sb);
    }

    private static double[] select(double[] values, boolean[] httpFirst, boolean want) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (httpFirst[i] == want) {
                out.add(values[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static WindowRun median(List<WindowRun> runs) {
        List<WindowRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(WindowRun::eventsPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    /**
     * EXPLAIN and ANALYZE (which runs the statement: r_rows are the rows actually read) of the pack-history page
     * and of the window's first and second pages in both orders, as the server issues them (a first page reading
     * the horizon in the same statement); with the time the ANALYZE took. Then a candidate only, not what the
     * server issues: the storage-order pages with {@code IGNORE INDEX FOR ORDER BY (PRIMARY)}, which keeps the
     * optimizer from walking the primary key from the table's start in search of the first rows of the day.
     */
    private static void explain(Connection c, String pack) throws SQLException {
        SimpleEventQuery packQuery = QueryParser.standard().parse(Map.of("MATCH_anyEPC", List.of(pack)),
                QueryContext.empty());
        List<Object[]> statements = new ArrayList<>();
        statements.add(new Object[] {"pack history, MATCH_anyEPC=" + pack, packQuery, PACK_PER_PAGE, null, ""});
        long horizon = 0;
        for (boolean byEventTime : new boolean[] {false, true}) {
            SimpleEventQuery window = QueryParser.standard().parse(windowParameters(byEventTime),
                    QueryContext.empty());
            String name = "one-day window, " + (byEventTime ? "orderBy=eventTime ASC" : "storage order");
            Page first = page(c, window, null, null, WINDOW_PER_PAGE);
            horizon = first.horizon();
            statements.add(new Object[] {name + ", first page", window, WINDOW_PER_PAGE, null, ""});
            statements.add(new Object[] {name + ", second page", window, WINDOW_PER_PAGE, first.last(), ""});
            if (!byEventTime) {
                String label = ", CANDIDATE (not what the server issues) with" + IGNORE_PRIMARY;
                statements.add(new Object[] {name + ", first page" + label, window, WINDOW_PER_PAGE, null,
                        IGNORE_PRIMARY});
                statements.add(new Object[] {name + ", second page" + label, window, WINDOW_PER_PAGE, first.last(),
                        IGNORE_PRIMARY});
            }
        }
        for (Object[] q : statements) {
            SimpleEventQuery query = (SimpleEventQuery) q[1];
            boolean firstPage = q[3] == null;
            SqlWhere where = pageWhere(query, firstPage ? null : horizon, (Keyset) q[3]);
            String sql = pageSql(query, where, firstPage);
            String variant = (String) q[4];
            if (variant.contains(IGNORE_PRIMARY)) {
                sql = sql.replace("FROM epcis_event e", "FROM epcis_event e IGNORE INDEX FOR ORDER BY (PRIMARY)");
            }
            List<Object> args = new ArrayList<>(where.arguments());
            args.add((Integer) q[2] + 1);
            System.out.println();
            System.out.println("SQL of the " + q[0] + ":");
            System.out.println("  " + sql);
            System.out.println("  parameters: " + args);
            for (String prefix : List.of("EXPLAIN ", "ANALYZE ")) {
                try (PreparedStatement s = c.prepareStatement(prefix + sql)) {
                    int i = 1;
                    for (Object a : args) {
                        s.setObject(i++, a);
                    }
                    long t0 = System.nanoTime();
                    try (ResultSet r = s.executeQuery()) {
                        double ms = (System.nanoTime() - t0) / 1e6;
                        System.out.println(prefix.trim() + (prefix.startsWith("ANALYZE")
                                ? String.format(Locale.ROOT, " (%.1f ms)", ms) : "") + ":");
                        printTable(r);
                    }
                }
            }
        }
    }

    private static void printTable(ResultSet r) throws SQLException {
        ResultSetMetaData m = r.getMetaData();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= m.getColumnCount(); i++) {
            header.add(m.getColumnLabel(i));
        }
        System.out.println("| " + String.join(" | ", header) + " |");
        System.out.println("|" + "---|".repeat(header.size()));
        while (r.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= header.size(); i++) {
                String v = r.getString(i);
                row.add(v == null ? "NULL" : v);
            }
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // machine

    private void printMachine() {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "machine: %d processors, %s memory, %s %s (%s), load average %s%n",
                rt.availableProcessors(), BenchMachine.memTotal(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), BenchMachine.loadAverage());
        System.out.println("java: " + BenchMachine.java());
        System.out.println("source: " + BenchMachine.source());
        System.out.println("server JVM options: " + String.join(" ", serverJvm) + "; benchmark JVM max heap "
                + (rt.maxMemory() >> 20) + " MB");
    }

    private static String variables(BenchDatabase db, String... names) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect()) {
            for (String name : names) {
                try (ResultSet r = c.createStatement().executeQuery("SELECT @@" + name)) {
                    r.next();
                    out.add(name + "=" + r.getString(1));
                }
            }
        }
        return String.join(", ", out);
    }


    private static long single(BenchDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }




    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // options

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
        return BenchOptions.parse(args, Set.of("keep", "reload"), QueryBenchmark::usage);
    }

    private static IllegalArgumentException usage(String problem) {
        System.err.println("QueryBenchmark: " + problem);
        System.err.println("usage: QueryBenchmark [--events N] [--packs N] [--warmup-packs N] [--window-runs N]"
                + " [--load-clients N] [--seed N] [--dir DIR] [--reload] [--keep] [--jar JAR]"
                + " [--server-jvm \"OPTIONS\"]");
        System.exit(2);
        return new IllegalArgumentException(problem);
    }
}
