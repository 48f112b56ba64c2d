package io.tracewell.server.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A soak run against one server: capture clients (documents through {@code POST /capture}, single events through
 * {@code POST /events}), query clients ({@code GET /events} by EPC and by time window) and streaming webhook
 * subscribers, all at once for a set duration. It records every answer's latency, counts anything unexpected as an
 * error, samples the server's heap and RSS, and checks at the end that every acknowledged event is queryable
 * exactly once and reached every subscriber exactly once.
 *
 * <p>Used by {@code scripts/soak.sh} ({@link SoakRun}, default 10 minutes, the server in a JVM of its own) and by
 * the one-minute {@code SoakIT} of the test suite.
 */
final class Soak {

    /** What to run. */
    record Settings(Duration duration, int captureClients, int queryClients, int subscribers, int eventsPerDocument,
                    Duration sampleEvery) {

        static Settings defaults() {
            return new Settings(Duration.ofMinutes(10), 2, 2, 2, 100, Duration.ofSeconds(10));
        }
    }

    /** One sample of the server: seconds into the run, live heap (after a full collection), RSS, events so far. */
    record Sample(double seconds, long liveHeapMiB, long rssMiB, long events) {}

    /** The server's memory now: live heap (after a full collection) and RSS, in MiB (-1 when not known). */
    interface Memory {
        long liveHeapMiB();

        long rssMiB();
    }

    private static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    private final URI base;
    private final Settings settings;
    private final Memory memory;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Latencies> latencies = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger errorCount = new AtomicInteger();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<String> acknowledgedEpcs = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, AtomicInteger>> delivered = new ArrayList<>();
    private final AtomicLong serial = new AtomicLong();
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());

    Soak(URI base, Settings settings, Memory memory) {
        this.base = base;
        this.settings = settings;
        this.memory = memory;
    }

    /** Runs the load, then the checks; the report says whether everything held. */
    Report run() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            List<HttpServer> receivers = new ArrayList<>();
            for (int s = 0; s < settings.subscribers(); s++) {
                Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
                delivered.add(counts);
                receivers.add(receiver(vertx, counts));
            }
            String query = "soak-" + run;
            JsonObject definition = new JsonObject().put("EQ_bizStep", new JsonArray().add("receiving"))
                    .put("MATCH_epc", new JsonArray().add("urn:epc:idpat:sgtin:4012345." + itemReference() + ".*"));
            expect(post("queries", "application/json", new JsonObject().put("name", query).put("query", definition)
                    .encode()), 201, "create the named query");
            for (HttpServer receiver : receivers) {
                expect(post("queries/" + query + "/subscriptions", "application/json", new JsonObject()
                        .put("dest", "http://127.0.0.1:" + receiver.actualPort() + "/hook").put("stream", true)
                        .put("signatureToken", "soak-" + run).encode()), 201, "subscribe");
            }

            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < settings.captureClients(); c++) {
                int client = c;
                clients.add(start("soak-capture-" + c, () -> captureLoop(running, client)));
            }
            for (int q = 0; q < settings.queryClients(); q++) {
                clients.add(start("soak-query-" + q, () -> queryLoop(running)));
            }
            long startNanos = System.nanoTime();
            long end = startNanos + settings.duration().toNanos();
            while (System.nanoTime() < end) {
                samples.add(new Sample((System.nanoTime() - startNanos) / 1e9, memory.liveHeapMiB(),
                        memory.rssMiB(), acknowledged.size()));
                Thread.sleep(Math.min(settings.sampleEvery().toMillis(),
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            }
            running.set(false);
            for (Thread t : clients) {
                t.join(TimeUnit.MINUTES.toMillis(3));
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            samples.add(new Sample(seconds, memory.liveHeapMiB(), memory.rssMiB(), acknowledged.size()));
            return check(seconds);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    // ---- load ---------------------------------------------------------------------------------------------------

    private void captureLoop(AtomicBoolean running, int client) {
        int round = 0;
        while (running.get()) {
            round++;
            try {
                if (round % 5 == 0) {
                    String id = eventId();
                    String epc = epc();
                    HttpResponse<String> r = timed("POST /events (201)", () -> post("events",
                            "application/ld+json", event(id, epc, client).put("@context", new JsonArray().add(CONTEXT))
                                    .encode()));
                    if (expect(r, 201, "POST /events")) {
                        acknowledge(id, epc);
                    }
                    continue;
                }
                Map<String, String> events = new HashMap<>();
                JsonArray list = new JsonArray();
                for (int i = 0; i < settings.eventsPerDocument(); i++) {
                    String id = eventId();
                    String epc = epc();
                    events.put(id, epc);
                    list.add(event(id, epc, client));
                }
                String document = new JsonObject().put("@context", new JsonArray().add(CONTEXT))
                        .put("type", "EPCISDocument").put("schemaVersion", "2.0")
                        .put("creationDate", Instant.now().toString())
                        .put("epcisBody", new JsonObject().put("eventList", list)).encode();
                long submitted = System.nanoTime();
                HttpResponse<String> r = timed("POST /capture (202)", () -> post("capture", "application/ld+json",
                        document));
                if (!expect(r, 202, "POST /capture")) {
                    continue;
                }
                String location = r.headers().firstValue("Location").orElse("");
                JsonObject job = awaitJob(location);
                record("capture job, 202 to finished", System.nanoTime() - submitted);
                if (job != null && job.getBoolean("success", false)) {
                    events.forEach(this::acknowledge);
                } else {
                    error("capture job " + location + " did not succeed: " + job);
                }
            } catch (Exception e) {
                if (running.get()) {
                    error("capture client " + client + ": " + e);
                }
            }
        }
    }

    private void queryLoop(AtomicBoolean running) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            try {
                int known = acknowledgedEpcs.size();
                if (known == 0) {
                    Thread.sleep(50);
                    continue;
                }
                if (random.nextInt(4) == 0) {
                    String since = Instant.now().minusSeconds(10).toString();
                    HttpResponse<String> r = timed("GET /events last 10 s", () -> get("events?EQ_bizStep=receiving"
                            + "&GE_recordTime=" + since + "&perPage=100"));
                    expect(r, 200, "GET /events by time");
                    continue;
                }
                String epc = acknowledgedEpcs.get(random.nextInt(known));
                HttpResponse<String> r = timed("GET /events by EPC", () -> get("events?MATCH_epc="
                        + URLEncoder.encode(epc, StandardCharsets.UTF_8)));
                if (expect(r, 200, "GET /events by EPC")) {
                    int found = eventList(new JsonObject(r.body())).size();
                    if (found != 1) {
                        error("GET /events?MATCH_epc=" + epc + " found " + found + " events, not 1");
                    }
                }
            } catch (Exception e) {
                if (running.get()) {
                    error("query client: " + e);
                }
            }
        }
    }

    private JsonObject awaitJob(String location) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(location.substring(1));
            if (r.statusCode() != 200) {
                error("GET " + location + " answered " + r.statusCode());
                return null;
            }
            JsonObject job = new JsonObject(r.body());
            if (!job.getBoolean("running")) {
                return job;
            }
            Thread.sleep(25);
        }
        error("capture job " + location + " still running after 2 minutes");
        return null;
    }

    private HttpServer receiver(Vertx vertx, Map<String, AtomicInteger> counts) throws Exception {
        return vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            try {
                for (Object e : eventList(new JsonObject(body.toString()))) {
                    counts.computeIfAbsent(((JsonObject) e).getString("eventID"), k -> new AtomicInteger())
                            .incrementAndGet();
                }
                request.response().setStatusCode(204).end();
            } catch (RuntimeException e) {
                error("a notification that is not a query document: " + e);
                request.response().setStatusCode(400).end();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    // ---- checks -------------------------------------------------------------------------------------------------

    private Report check(double seconds) throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> expected = new HashSet<>(acknowledged);
        if (expected.isEmpty()) {
            failures.add("no event was acknowledged");
        }
        // Every acknowledged event is queryable exactly once: page through the whole query's results.
        Map<String, Integer> stored = new HashMap<>();
        // The run's database holds only its events, all with bizStep receiving: read them all in storage order. (The
        // subscription's EPC pattern would do too, but an EPC pattern over 300,000 events costs seconds per page.)
        String next = "events?EQ_bizStep=receiving&perPage=1000";
        while (next != null) {
            HttpResponse<String> r = get(next);
            if (r.statusCode() != 200) {
                failures.add("reading the stored events: " + r.statusCode() + " " + r.body());
                break;
            }
            for (Object e : eventList(new JsonObject(r.body()))) {
                stored.merge(((JsonObject) e).getString("eventID"), 1, Integer::sum);
            }
            next = nextLink(r);
        }
        long duplicates = stored.values().stream().filter(n -> n > 1).count();
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(stored.keySet());
        Set<String> unexpected = new HashSet<>(stored.keySet());
        unexpected.removeAll(expected);
        if (duplicates > 0 || !missing.isEmpty() || !unexpected.isEmpty()) {
            failures.add(String.format(Locale.ROOT, "queryable: %d duplicated, %d missing, %d not acknowledged",
                    duplicates, missing.size(), unexpected.size()));
        }
        // Every subscriber got every acknowledged event exactly once (waiting for the last ones to arrive).
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        for (int s = 0; s < delivered.size(); s++) {
            Map<String, AtomicInteger> counts = delivered.get(s);
            while (!counts.keySet().containsAll(expected) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long twice = counts.values().stream().filter(n -> n.get() > 1).count();
            long notDelivered = expected.stream().filter(id -> !counts.containsKey(id)).count();
            long extra = counts.keySet().stream().filter(id -> !expected.contains(id)).count();
            if (twice > 0 || notDelivered > 0 || extra > 0) {
                failures.add(String.format(Locale.ROOT, "subscriber %d: %d delivered more than once, %d not"
                        + " delivered, %d not acknowledged", s + 1, twice, notDelivered, extra));
            }
        }
        if (errorCount.get() > 0) {
            failures.add(errorCount.get() + " error(s), the first: " + errors.subList(0, Math.min(5, errors.size())));
        }
        String trend = heapTrend();
        if (trend.startsWith("growing")) {
            failures.add("live heap: " + trend);
        }
        return new Report(settings, seconds, expected.size(), latencies, errorCount.get(), samples, trend,
                stored.size(), failures);
    }

    /**
     * Whether the live heap grows: the median of the last third of the samples against the median of the second
     * third (the first third is warm-up). Growing means more than 25 % and 32 MiB more.
     */
    private String heapTrend() {
        List<Long> heap = samples.stream().map(Sample::liveHeapMiB).filter(h -> h >= 0).toList();
        if (heap.size() < 6) {
            return "not judged (fewer than 6 samples)";
        }
        int third = heap.size() / 3;
        long middle = median(heap.subList(third, 2 * third));
        long last = median(heap.subList(2 * third, heap.size()));
        String figures = String.format(Locale.ROOT, "median %d MiB in the second third, %d MiB in the last",
                middle, last);
        return last > middle * 1.25 && last - middle > 32 ? "growing: " + figures : "flat: " + figures;
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    // ---- the report ---------------------------------------------------------------------------------------------

    /** What a run measured and found. */
    record Report(Settings settings, double seconds, int events, Map<String, Latencies> latencies, int errors,
                  List<Sample> samples, String heapTrend, int queryable, List<String> failures) {

        boolean passed() {
            return failures.isEmpty();
        }

        String markdown() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Soak: %.0f s, %d capture client(s) (documents of %d events, every"
                            + " fifth request one event), %d query client(s), %d streaming webhook subscriber(s)%n%n",
                    seconds, settings.captureClients(), settings.eventsPerDocument(), settings.queryClients(),
                    settings.subscribers()));
            out.append(String.format(Locale.ROOT, "Events captured and acknowledged: %,d (%.0f events/s); errors:"
                    + " %d; queryable at the end: %,d%n%n", events, events / seconds, errors, queryable));
            out.append("| Operation | count | per s | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
            latencies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                double[] ms = e.getValue().millis();
                out.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", e.getKey(),
                        ms.length, ms.length / seconds, percentile(ms, 50), percentile(ms, 99),
                        percentile(ms, 100)));
            });
            out.append("\n| s | live heap MiB | RSS MiB | events |\n|---:|---:|---:|---:|\n");
            for (Sample s : samples) {
                out.append(String.format(Locale.ROOT, "| %.0f | %d | %d | %,d |%n", s.seconds(), s.liveHeapMiB(),
                        s.rssMiB(), s.events()));
            }
            out.append("\nLive heap (after a full collection at each sample): ").append(heapTrend).append('\n');
            out.append(passed() ? "\nAll checks passed: every acknowledged event queryable once and delivered once"
                    + " to each subscriber, no errors.\n" : "\nFAILED:\n- " + String.join("\n- ", failures) + "\n");
            return out.toString();
        }
    }

    /** Latencies of one kind of request, in nanoseconds. */
    static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized double[] millis() {
            double[] ms = new double[size];
            for (int i = 0; i < size; i++) {
                ms[i] = values[i] / 1e6;
            }
            return ms;
        }
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void acknowledge(String eventId, String epc) {
        acknowledged.add(eventId);
        acknowledgedEpcs.add(epc);
    }

    private String eventId() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    /** A new EPC of this run, matched by the subscription's MATCH_epc pattern. */
    private String epc() {
        return "urn:epc:id:sgtin:4012345." + itemReference() + "." + run + "-" + serial.incrementAndGet();
    }

    /** The item reference of this run's EPCs: six digits, one of them from the run, so runs do not mix. */
    private String itemReference() {
        return "0" + Math.floorMod(run.hashCode(), 10) + "1234";
    }

    private JsonObject event(String id, String epc, int client) {
        return new JsonObject().put("type", "ObjectEvent").put("eventID", id).put("action", "OBSERVE")
                .put("eventTime", Instant.now().toString()).put("eventTimeZoneOffset", "+00:00")
                .put("epcList", new JsonArray().add(epc)).put("bizStep", "receiving")
                .put("readPoint", new JsonObject().put("id", "urn:epc:id:sgln:4012345.00001." + client));
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private HttpResponse<String> timed(String what, Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = call.send();
        record(what, System.nanoTime() - start);
        return r;
    }

    private void record(String what, long nanos) {
        latencies.computeIfAbsent(what, k -> new Latencies()).add(nanos);
    }

    private boolean expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() == status) {
            return true;
        }
        error(what + " answered " + r.statusCode() + ": " + r.body().substring(0, Math.min(300, r.body().length())));
        return false;
    }

    private void error(String what) {
        errorCount.incrementAndGet();
        if (errors.size() < 100) {
            errors.add(what);
        }
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/ld+json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String nextLink(HttpResponse<String> r) {
        for (String link : r.headers().allValues("Link")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<([^>]+)>;\\s*rel=\"next\"").matcher(link);
            if (m.find()) {
                String target = m.group(1);
                URI uri = base.resolve(target);
                String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                return path.substring(1);
            }
        }
        return null;
    }

    private static JsonArray eventList(JsonObject document) {
        return document.getJsonObject("epcisBody").getJsonObject("queryResults").getJsonObject("resultsBody")
                .getJsonArray("eventList");
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
