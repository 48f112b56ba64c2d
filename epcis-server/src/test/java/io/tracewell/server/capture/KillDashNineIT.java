package io.tracewell.server.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.store.embedded.LoopbackPort;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A capture job survives {@code kill -9} of the server: the shaded jar runs as a process on its embedded MariaDB,
 * takes a {@code rollback} document of 20,000 events, and is killed with SIGKILL while the job runs. At that
 * moment the database holds all of the document's events or none (one transaction); after a restart on the same
 * data directory the job is resumed and finishes, and every event is stored exactly once. A {@code proceed} job
 * killed after its first commit keeps what it committed and goes on from there after the restart.
 *
 * <p>The restarted server keeps the node ID of the killed one, so it takes the job over at once instead of
 * waiting for the lease to run out. The killed server's mariadbd outlives it; the test reads the database
 * through it before the restart stops it.
 */
class KillDashNineIT {

    private static final Path JAR = Path.of(System.getProperty("tracewell.jar", "target/epcis-server.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Path WORK = Path.of("target", "kill-dash-nine-it").toAbsolutePath();
    private static final Path DATA = WORK.resolve("data");
    private static final int EVENTS = 20_000;
    private static final String NODE_ID = "kill-dash-nine-it";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");
    private static final Pattern DATABASE_PORT = Pattern.compile("embedded MariaDB on 127\\.0\\.0\\.1:(\\d+)");

    /** A running jar, its log and the addresses it announced. */
    private record Server(Process process, Path log, URI base, int databasePort) {}

    @Test
    void aJobKilledWithSigkillIsResumedAfterTheRestartAndStoresEveryEventOnce() throws Exception {
        // A database of its own, empty: the events are the same in every run (only their eventIDs differ), and
        // a second run on the first one's data would find them all stored already.
        stopDatabase();
        TestServers.deleteTree(DATA);
        Files.createDirectories(WORK);
        String prefix = "https://events.example.com/kill-dash-nine/" + UUID.randomUUID() + "/";
        Path document = WORK.resolve("document.jsonld");
        writeDocument(document, prefix, -1);

        Server first = start(WORK.resolve("first.log"));
        Server second = null;
        try {
            CaptureHttp http = new CaptureHttp(first.base());
            HttpResponse<String> response = http.send(http.captureRequest("application/ld+json", "rollback")
                    .POST(HttpRequest.BodyPublishers.ofFile(document)).build());
            String location = CaptureHttp.accepted(response);
            String captureId = location.substring("/capture/".length());
            assertThat(http.job(location).getBoolean("running")).isTrue();

            Thread.sleep(1_500); // well into the job: validation, then storing
            boolean runningBeforeKill = http.job(location).getBoolean("running");
            first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the server
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

            // All or nothing at the moment of the kill, read through the mariadbd the killed server left behind.
            Counts atKill = counts(first.databasePort(), captureId, prefix);
            System.out.println(getClass().getSimpleName() + ": running before the kill: " + runningBeforeKill
                    + "; events stored at the kill: " + atKill);
            assertThat(atKill.rows()).as("events stored at the kill").isIn(0L, (long) EVENTS);
            assertThat(atKill.distinctIds()).isEqualTo(atKill.rows());
            boolean killedMidJob = !log(first).contains("capture job " + captureId + " finished");

            second = start(WORK.resolve("second.log"));
            CaptureHttp again = new CaptureHttp(second.base());
            List<Long> seenWhileResuming = new ArrayList<>();
            JsonObject job;
            Instant deadline = Instant.now().plusSeconds(60);
            while (true) {
                job = again.job(location);
                seenWhileResuming.add(counts(second.databasePort(), captureId, prefix).rows());
                if (!job.getBoolean("running")) {
                    break;
                }
                assertThat(Instant.now()).as("the resumed job finishes within 60 s").isBefore(deadline);
                Thread.sleep(100);
            }

            assertThat(seenWhileResuming).as("events stored, seen while the job was resumed")
                    .allMatch(count -> count == 0 || count == EVENTS);
            if (killedMidJob) {
                assertThat(log(second)).contains("resuming capture job " + captureId);
            }
            assertThat(job.getBoolean("success")).as(job.encode()).isTrue();
            assertThat(job.getJsonArray("errors")).isEmpty();
            Counts after = counts(second.databasePort(), captureId, prefix);
            assertThat(after).isEqualTo(new Counts(EVENTS, EVENTS, EVENTS));
            for (int i : List.of(0, EVENTS / 2, EVENTS - 1)) {
                CaptureHttp.StoredLookup stored = again.events(prefix + i, "application/json");
                assertThat(stored.status()).isEqualTo(200);
                assertThat(stored.events()).hasSize(1);
            }
        } finally {
            stop(first);
            if (second != null) {
                stop(second);
            }
            stopDatabase();
            Files.deleteIfExists(document);
        }
    }

    /**
     * {@code proceed} commits every 10,000 events with the job's progress: killed after the first commit, the
     * database keeps those events, and the restarted server goes on after them to the end, storing each event once
     * and still reporting the error it had found before the kill.
     */
    @Test
    void aProceedJobKilledAfterItsFirstCommitGoesOnFromThereAfterTheRestart() throws Exception {
        stopDatabase();
        TestServers.deleteTree(DATA);
        Files.createDirectories(WORK);
        String prefix = "https://events.example.com/kill-dash-nine/" + UUID.randomUUID() + "/";
        Path document = WORK.resolve("proceed-document.jsonld");
        // Event 5 passes validation but its readPoint is longer than the store keeps: an error found while storing,
        // before the first commit, which the resumed job must still report.
        writeDocument(document, prefix, 5);

        Server first = start(WORK.resolve("proceed-first.log"));
        Server second = null;
        try {
            CaptureHttp http = new CaptureHttp(first.base());
            String location = CaptureHttp.accepted(http.send(http.captureRequest("application/ld+json", "proceed")
                    .POST(HttpRequest.BodyPublishers.ofFile(document)).build()));
            String captureId = location.substring("/capture/".length());
            Counts committed = counts(first.databasePort(), captureId, prefix);
            Instant deadline = Instant.now().plusSeconds(60);
            while (committed.rows() == 0) {
                assertThat(Instant.now()).as("a first commit within 60 s").isBefore(deadline);
                Thread.sleep(20);
                committed = counts(first.databasePort(), captureId, prefix);
            }
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

            Counts atKill = counts(first.databasePort(), captureId, prefix);
            System.out.println(getClass().getSimpleName() + ": proceed job killed with " + atKill + " stored");
            assertThat(atKill.rows()).as("events stored at the kill: a commit per 10,000 stored, or all but the bad one")
                    .isIn(10_000L, (long) EVENTS - 1);
            assertThat(atKill.distinctIds()).isEqualTo(atKill.rows());

            second = start(WORK.resolve("proceed-second.log"));
            CaptureHttp again = new CaptureHttp(second.base());
            JsonObject job = again.awaitFinished(location, Duration.ofSeconds(60));

            assertThat(job.getBoolean("success")).as(job.encode()).isFalse();
            assertThat(job.getJsonArray("errors")).hasSize(1);
            JsonObject error = job.getJsonArray("errors").getJsonObject(0);
            assertThat(error.getInteger("eventIndex")).isEqualTo(5);
            assertThat(error.getString("detail")).contains("events[5].readPoint.id");
            assertThat(error.getInteger("line")).as("located at the event").isPositive();
            assertThat(counts(second.databasePort(), captureId, prefix))
                    .isEqualTo(new Counts(EVENTS - 1, EVENTS - 1, EVENTS - 1));
            assertThat(again.events(prefix + 5, "application/json").status()).isEqualTo(404);
            for (int i : List.of(0, 9_999, 10_000, EVENTS - 1)) {
                CaptureHttp.StoredLookup stored = again.events(prefix + i, "application/xml");
                assertThat(stored.status()).isEqualTo(200);
                assertThat(stored.events()).hasSize(1);
            }
        } finally {
            stop(first);
            if (second != null) {
                stop(second);
            }
            stopDatabase();
            Files.deleteIfExists(document);
        }
    }

    /** Rows of the run's events in total, their distinct eventIDs, and how many of them the job stored. */
    /**
     * Killed under load: clients capture documents ({@code rollback} and {@code proceed}) and single events while a
     * streaming webhook subscription delivers, and the server is killed mid-way. After the restart every job that got
     * a {@code 202} finishes (or fails with its reason), every event answered {@code 201} is stored, no event is
     * stored twice, and the subscription resumes: its receiver ends up with every stored event.
     */
    @Test
    void killedUnderLoadEveryAcceptedJobFinishesNoEventIsStoredTwiceAndTheSubscriptionResumes() throws Exception {
        stopDatabase();
        TestServers.deleteTree(DATA);
        Files.createDirectories(WORK);
        String prefix = "https://events.example.com/kill-under-load/" + UUID.randomUUID() + "/";
        Server first = start(WORK.resolve("load-first.log"));
        Server second = null;
        try (io.tracewell.server.subscription.WebhookReceiver receiver =
                     new io.tracewell.server.subscription.WebhookReceiver()) {
            CaptureHttp http = new CaptureHttp(first.base());
            assertThat(post(http, "queries", "{\"name\":\"shipped\",\"query\":{\"EQ_bizStep\":[\"shipping\"]}}")
                    .statusCode()).isEqualTo(201);
            assertThat(post(http, "queries/shipped/subscriptions", "{\"dest\":\"" + receiver.uri("/hook")
                    + "\",\"stream\":true}").statusCode()).isEqualTo(201);

            java.util.Map<String, Integer> accepted = new java.util.concurrent.ConcurrentHashMap<>();
            List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicInteger documents = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                int client = c;
                Thread t = new Thread(() -> {
                    for (int round = 0; !killed.get(); round++) {
                        try {
                            if (round % 3 == 2) {
                                String id = prefix + "single-" + client + "-" + round;
                                HttpResponse<String> r = http.event("application/ld+json",
                                        "{\"@context\":[\"https://ref.gs1.org/standards/epcis/2.0.0/"
                                                + "epcis-context.jsonld\"]," + loadEvent(id).substring(1));
                                if (r.statusCode() == 201) {
                                    created.add(id);
                                }
                                continue;
                            }
                            int n = documents.incrementAndGet();
                            HttpResponse<String> r = http.capture("application/ld+json",
                                    n % 2 == 0 ? "rollback" : "proceed", loadDocument(prefix + "doc-" + n + "-", 500));
                            if (r.statusCode() == 202) {
                                accepted.put(r.headers().firstValue("Location").orElseThrow(), n);
                            }
                        } catch (IOException e) {
                            // the server is gone: this client stops
                            return;
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "load-" + c);
                t.start();
                clients.add(t);
            }
            Thread.sleep(4_000);
            killed.set(true);
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Thread t : clients) {
                t.join(60_000);
            }
            assertThat(accepted).as("documents accepted before the kill").isNotEmpty();

            second = start(WORK.resolve("load-second.log"));
            CaptureHttp again = new CaptureHttp(second.base());
            int succeeded = 0;
            for (String location : accepted.keySet()) {
                JsonObject job = again.awaitFinished(location, Duration.ofMinutes(3));
                if (job.getBoolean("success")) {
                    succeeded++;
                } else {
                    assertThat(job.getJsonArray("errors")).as("a failed job says why: %s", job).isNotEmpty();
                }
            }
            assertThat(succeeded).as("accepted jobs that succeeded").isEqualTo(accepted.size());
            List<String> stored = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + second.databasePort()
                    + "/tracewell", "root", "");
                 PreparedStatement s = c.prepareStatement("SELECT event_id FROM epcis_event WHERE event_id LIKE ?")) {
                s.setString(1, prefix + "%");
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        stored.add(r.getString(1));
                    }
                }
            }
            assertThat(stored).as("no event stored twice").doesNotHaveDuplicates();
            assertThat(stored).as("every event answered 201 is stored").containsAll(created);
            java.util.Set<String> storedSet = new java.util.HashSet<>(stored);
            for (int n : accepted.values()) {
                for (int i = 0; i < 500; i++) {
                    assertThat(storedSet).as("the events of every accepted document").contains(prefix + "doc-" + n
                            + "-" + i);
                }
            }
            receiver.await(Duration.ofMinutes(2), "the subscription delivers every stored event after the restart",
                    () -> new java.util.HashSet<>(receiver.acknowledgedEventIds()).containsAll(stored));
            System.out.println(getClass().getSimpleName() + ": " + accepted.size() + " jobs accepted before the kill,"
                    + " all finished; " + stored.size() + " events stored once; " + receiver.acknowledgedEventIds()
                    .size() + " notifications' events received for them (at least once)");
        } finally {
            stop(first);
            if (second != null) {
                stop(second);
            }
            stopDatabase();
        }
    }

    private static HttpResponse<String> post(CaptureHttp http, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(http.base().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String loadDocument(String idPrefix, int events) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < events; i++) {
            list.append(i == 0 ? "" : ",").append(loadEvent(idPrefix + i));
        }
        return "{\"@context\":[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],"
                + "\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"2025-03-01T06:00:00Z\","
                + "\"epcisBody\":{\"eventList\":[" + list + "]}}";
    }

    private static String loadEvent(String id) {
        return "{\"type\":\"ObjectEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"2025-03-01T07:00:00Z\","
                + "\"eventTimeZoneOffset\":\"+00:00\",\"action\":\"OBSERVE\",\"bizStep\":\"shipping\","
                + "\"epcList\":[\"urn:epc:id:sgtin:4012345.033333." + Math.abs(id.hashCode()) + "\"],"
                + "\"readPoint\":{\"id\":\"urn:example:rp:" + Integer.toHexString(id.hashCode()) + "\"}}";
    }

    private record Counts(long rows, long distinctIds, long ofThisCapture) {}

    private static Counts counts(int port, String captureId, String prefix) throws SQLException {
        String sql = "SELECT COUNT(*), COUNT(DISTINCT event_id), COALESCE(SUM(capture_id = ?), 0)"
                + " FROM epcis_event WHERE event_id LIKE ?";
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/tracewell", "root", "");
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, captureId);
            s.setString(2, prefix + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Counts(r.getLong(1), r.getLong(2), r.getLong(3));
            }
        }
    }

    /** The document, written event by event: ObjectEvents with eventIDs {@code prefix + i} and distinct EPCs. */
    private static void writeDocument(Path file, String prefix, int tooLongReadPoint) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                     "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-03-01T06:00:00Z",
                     "epcisBody": {"eventList": [
                    """);
            for (int i = 0; i < EVENTS; i++) {
                if (i > 0) {
                    out.write(",\n");
                }
                out.write("""
                        {"type": "ObjectEvent", "eventTime": "2025-03-01T07:%02d:%02d.%03dZ",\
                         "eventTimeZoneOffset": "+01:00", "eventID": "%s%d",\
                         "epcList": ["urn:epc:id:sgtin:4012345.011111.%d", "urn:epc:id:sgtin:4012345.022222.%d"],\
                         "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit",\
                         "readPoint": {"id": "%s"}}"""
                        .formatted(i / 60_000 % 60, i / 1000 % 60, i % 1000, prefix, i, 1_000_000 + i, 1_000_000 + i,
                                i == tooLongReadPoint ? "urn:example:loc:" + "x".repeat(600)
                                        : "urn:epc:id:sgln:4012345.00001.12"));
            }
            out.write("\n]}}\n");
        }
    }

    /** {@code java -jar epcis-server.jar} on the embedded database in {@link #DATA}, up and listening. */
    private static Server start(Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(JAVA.toString(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("EPCIS_DB_URL");
        builder.environment().put("EPCIS_HOST", "127.0.0.1");
        builder.environment().put("EPCIS_PORT", Integer.toString(LoopbackPort.free()));
        builder.environment().put("EPCIS_DATA_DIR", DATA.toString());
        builder.environment().put("EPCIS_NODE_ID", NODE_ID);
        // explicitly: the test is about crash recovery, not credentials
        builder.environment().put("EPCIS_SECURITY_DEVELOPMENT_MODE", "true");
        builder.environment().put("EPCIS_SECURITY_RATE_LIMIT_PER_SECOND", "0");
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            String text = Files.readString(log);
            Matcher listening = LISTENING.matcher(text);
            if (listening.find()) {
                Matcher port = DATABASE_PORT.matcher(text);
                assertThat(port.find()).as("the database port in the log:\n%s", text).isTrue();
                return new Server(process, log, URI.create(listening.group(1)), Integer.parseInt(port.group(1)));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + text);
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("no 'listening on' line within 3 minutes:\n" + Files.readString(log));
    }

    private static String log(Server server) throws IOException {
        return Files.readString(server.log());
    }

    private static void stop(Server server) throws InterruptedException {
        if (server.process().isAlive()) {
            server.process().destroy();
            server.process().waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** The mariadbd of this test's data directory, if a killed server left it running. */
    private static void stopDatabase() {
        String argument = "--datadir=" + DATA.resolve("mariadb").resolve("data");
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(argument)).orElse(false))
                .forEach(ProcessHandle::destroy);
    }
}
