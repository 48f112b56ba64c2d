package io.tracewell.server.bench;

import io.tracewell.epcis.store.embedded.LoopbackPort;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How soon a streaming webhook subscription delivers a newly captured event (docs/benchmarks.md,
 * "Subscriptions"). The server runs from its jar in a JVM of its own on a fresh embedded MariaDB; a receiver in
 * this JVM records when each notification arrives. Events are captured one at a time by {@code POST /events}
 * (answered 201 once committed), each waited for before the next; first on an otherwise idle server, then while
 * other clients capture 1,000-event documents that the subscription's query does not match.
 *
 * <p>Two figures per event, which bound the time from commit to arrival: arrival less the moment the 201 came back
 * (after the commit: a lower bound), and arrival less the event's recordTime as delivered (stamped when its
 * transaction began, before the commit: an upper bound). Server and benchmark share the machine's clock.
 *
 * <pre>
 * scripts/bench-subscriptions.sh [--events 300] [--load-clients 2]
 * </pre>
 */
public final class SubscriptionBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    private final Map<String, Instant> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Instant> recordTimes = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        System.exit(new SubscriptionBenchmark().run(options(args)));
    }

    private int run(Map<String, String> options) throws Exception {
        int events = Integer.parseInt(options.getOrDefault("events", "300"));
        int loadClients = Integer.parseInt(options.getOrDefault("load-clients", "2"));
        Path jar = Path.of(options.getOrDefault("jar", "epcis-server/target/epcis-server.jar"));
        List<String> serverJvm = Arrays.stream(options.getOrDefault("server-jvm", "-Xmx1g").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        Path dir = Path.of("epcis-server/target/subscription-bench").toAbsolutePath();
        Path runDir = dir.resolve("run-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(Instant.now().atOffset(ZoneOffset.UTC)));
        Path data = dir.resolve("data");
        QueryBenchmark.deleteTree(data);
        Files.createDirectories(runDir);
        Path serverJar = runDir.resolve("epcis-server.jar");
        Files.copy(jar, serverJar);

        System.out.println("machine: " + BenchMachine.memTotal() + ", load average " + BenchMachine.loadAverage());
        System.out.println("java: " + BenchMachine.java());
        System.out.println("source: " + BenchMachine.source());
        Vertx vertx = Vertx.vertx();
        HttpServer receiver = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Instant arrived = Instant.now();
            JsonArray list = new JsonObject(body.toString()).getJsonObject("epcisBody")
                    .getJsonObject("queryResults").getJsonObject("resultsBody").getJsonArray("eventList");
            for (int i = 0; i < list.size(); i++) {
                JsonObject e = list.getJsonObject(i);
                recordTimes.put(e.getString("eventID"), Instant.parse(e.getString("recordTime")));
                arrivals.put(e.getString("eventID"), arrived);
            }
            request.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EPCIS_DATA_DIR", data.toString());
        try (ServerProcess server = ServerProcess.start(serverJar, serverJvm, environment, LoopbackPort.free(),
                runDir)) {
            server.awaitHealthy(Duration.ofMinutes(5));
            URI base = server.base();
            post(base.resolve("queries"), "application/json", new JsonObject().put("name", "shipped")
                    .put("query", new JsonObject().put("EQ_bizStep", new JsonArray().add("shipping"))).encode(), 201);
            post(base.resolve("queries/shipped/subscriptions"), "application/json", new JsonObject()
                    .put("dest", "http://127.0.0.1:" + receiver.actualPort() + "/hook").put("stream", true)
                    .put("signatureToken", "bench").encode(), 201);

            measure(base, 20, "warm-up");
            double[][] idle = measure(base, events, "idle server");
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicLong loaded = new AtomicLong();
            List<Thread> load = new ArrayList<>();
            for (int c = 0; c < loadClients; c++) {
                Thread t = new Thread(() -> {
                    while (loading.get()) {
                        try {
                            post(base.resolve("capture"), "application/ld+json", loadDocument(1000), 202);
                            loaded.addAndGet(1000);
                            Thread.sleep(200);
                        } catch (Exception e) {
                            if (loading.get()) {
                                System.out.println("load client: " + e);
                            }
                        }
                    }
                }, "load-" + c);
                t.start();
                load.add(t);
            }
            Thread.sleep(2000);
            long loadStart = System.nanoTime();
            long loadedBefore = loaded.get();
            double[][] busy = measure(base, events, loadClients + " clients capturing 1,000-event documents");
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long loadedDuring = loaded.get() - loadedBefore;
            loading.set(false);
            for (Thread t : load) {
                t.join(120_000);
            }

            System.out.println();
            System.out.println("| Streaming subscription, " + events + " events one at a time | p50 ms | p95 ms |"
                    + " p99 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            row("Idle: arrival after the 201 of POST /events (commit before it)", idle[0]);
            row("Idle: arrival after the event's recordTime (before the commit)", idle[1]);
            row("Under load: arrival after the 201", busy[0]);
            row("Under load: arrival after recordTime", busy[1]);
            System.out.printf(Locale.ROOT, "load meanwhile: %,d events posted in 1,000-event documents in %.1f s"
                    + " (%,.0f events/s offered)%n", loadedDuring, loadSeconds, loadedDuring / loadSeconds);
            double worst = Math.max(max(idle[1]), max(busy[1]));
            System.out.printf(Locale.ROOT, "Goal: each event delivered within 1 s of its commit: %s (slowest, upper"
                    + " bound: %.0f ms)%n", worst <= 1000 ? "met" : "NOT met", worst);
            System.out.println(BenchMachine.serverMemory(server));
            return worst <= 1000 ? 0 : 1;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Files.deleteIfExists(serverJar);
            QueryBenchmark.deleteTree(data);
        }
    }

    /** Captures {@code n} matching events one at a time; per event ms after the 201 and after recordTime. */
    private double[][] measure(URI base, int n, String label) throws Exception {
        double[] after201 = new double[n];
        double[] afterRecord = new double[n];
        for (int i = 0; i < n; i++) {
            String id = "urn:uuid:" + UUID.randomUUID();
            post(base.resolve("events"), "application/ld+json", event(id, "shipping").put("@context",
                    new JsonArray().add(CONTEXT)).encode(), 201);
            Instant answered = Instant.now();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!arrivals.containsKey(id)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("event " + id + " was not delivered within 30 s");
                }
                Thread.sleep(0, 200_000);
            }
            after201[i] = Math.max(0, Duration.between(answered, arrivals.get(id)).toNanos() / 1e6);
            afterRecord[i] = Duration.between(recordTimes.get(id), arrivals.get(id)).toNanos() / 1e6;
            Thread.sleep(5 + (i % 7) * 3);
        }
        System.out.printf(Locale.ROOT, "%s: %d events, after the 201 p50 %.1f ms, after recordTime p50 %.1f ms%n",
                label, n, percentile(after201, 50), percentile(afterRecord, 50));
        return new double[][] {after201, afterRecord};
    }

    private static String loadDocument(int events) {
        JsonArray list = new JsonArray();
        for (int i = 0; i < events; i++) {
            list.add(event("urn:uuid:" + UUID.randomUUID(), "receiving"));
        }
        return new JsonObject().put("@context", new JsonArray().add(CONTEXT)).put("type", "EPCISDocument")
                .put("schemaVersion", "2.0").put("creationDate", "2025-01-01T00:00:00Z")
                .put("epcisBody", new JsonObject().put("eventList", list)).encode();
    }

    private static JsonObject event(String id, String step) {
        return new JsonObject().put("type", "ObjectEvent").put("eventID", id).put("action", "OBSERVE")
                .put("eventTime", Instant.now().toString()).put("eventTimeZoneOffset", "+00:00")
                .put("epcList", new JsonArray().add("urn:epc:id:sgtin:4012345.012345." + UUID.randomUUID()
                        .toString().substring(0, 8)))
                .put("bizStep", step);
    }

    private static void post(URI uri, String contentType, String body, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void row(String label, double[] values) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", label, percentile(values, 50),
                percentile(values, 95), percentile(values, 99), max(values));
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static Map<String, String> options(String[] args) {
        return BenchOptions.parse(args);
    }
}
