package io.tracewell.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Paging through 10,000 matching events while documents of further matching events are captured: the pages
 * never repeat an event, contain every event stored before the first page, and hold each concurrently captured
 * document whole or not at all: whole when its job had finished before the first page was asked for, not at all
 * when it was submitted after the first page had been answered.
 */
class PagingWhileCapturingTest {

    private static final Path DATA = Path.of("target", "paging while capturing test").toAbsolutePath();
    private static final int DOCUMENTS = 10;
    private static final int PER_DOCUMENT = 1_000;

    /** A concurrently captured document: its events, and when its job was submitted and seen finished. */
    private record Concurrent(List<String> ids, long submittedNanos, long finishedNanos) {}

    @Test
    void theUnionOfThePagesIsExactlyTheMatchingSetOfTheFirstPage() throws Exception {
        try (TestServers servers = TestServers.embedded(DATA)) {
            CaptureHttp http = new CaptureHttp(servers.main().baseUri());
            Set<String> initial = new HashSet<>();
            List<String> locations = new ArrayList<>();
            for (int d = 0; d < DOCUMENTS; d++) {
                List<String> ids = ids("initial-" + d);
                initial.addAll(ids);
                locations.add(CaptureHttp.accepted(http.capture("application/ld+json", "rollback", document(ids))));
            }
            for (String location : locations) {
                assertThat(http.awaitFinished(location, Duration.ofSeconds(120)).getBoolean("success")).isTrue();
            }

            AtomicBoolean stop = new AtomicBoolean();
            List<Concurrent> concurrent = new CopyOnWriteArrayList<>();
            Thread capturing = new Thread(() -> {
                int n = 0;
                try {
                    while (!stop.get()) {
                        List<String> ids = ids("concurrent-" + n++).subList(0, 200);
                        long submitted = System.nanoTime();
                        String location = CaptureHttp.accepted(http.capture("application/ld+json", "rollback",
                                document(ids)));
                        JsonObject job = http.awaitFinished(location, Duration.ofSeconds(120));
                        assertThat(job.getBoolean("success")).isTrue();
                        concurrent.add(new Concurrent(ids, submitted, System.nanoTime()));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "concurrent-capture");
            capturing.start();
            Thread.sleep(300); // let the first concurrent job get under way

            List<String> seen = new ArrayList<>();
            long firstAsked = System.nanoTime();
            long firstAnswered = 0;
            String next = "/events?EQ_bizStep=shipping&perPage=500";
            int pages = 0;
            while (next != null) {
                HttpResponse<String> page = http.get(next, "application/json");
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                if (pages == 0) {
                    firstAnswered = System.nanoTime();
                }
                // eventIds gives the part after urn:test:
                CoreQueryTest.eventIds(page.body()).forEach(id -> seen.add("urn:test:" + id));
                next = page.headers().firstValue("Link").map(CoreQueryTest::linkTarget).orElse(null);
                pages++;
            }
            stop.set(true);
            capturing.join(120_000);

            Set<String> union = new HashSet<>(seen);
            assertThat(union).as("no event on two pages").hasSize(seen.size());
            assertThat(union).as("every event stored before the first page").containsAll(initial);
            assertThat(concurrent).as("documents captured while paging").isNotEmpty();
            int before = 0;
            int after = 0;
            for (Concurrent c : concurrent) {
                long in = c.ids().stream().filter(union::contains).count();
                assertThat(in).as("a document is one transaction: whole or not at all").isIn(0L, (long) c.ids().size());
                if (c.finishedNanos() < firstAsked) {
                    assertThat(in).as("finished before the first page").isEqualTo(c.ids().size());
                    before++;
                }
                if (c.submittedNanos() > firstAnswered) {
                    assertThat(in).as("submitted after the first page").isZero();
                    after++;
                }
            }
            long extra = union.size() - initial.size();
            assertThat(extra % 200).as("only whole concurrent documents besides the initial events").isZero();
            System.out.printf("%s: %d pages, %d events; %d concurrent documents (%d finished before, %d submitted"
                    + " after the first page)%n", getClass().getSimpleName(), pages, union.size(), concurrent.size(),
                    before, after);
            assertThat(after).as("capture went on while paging").isPositive();
        }
    }

    private static List<String> ids(String prefix) {
        List<String> ids = new ArrayList<>(PER_DOCUMENT);
        for (int i = 0; i < PER_DOCUMENT; i++) {
            ids.add("urn:test:" + prefix + "-" + i);
        }
        return ids;
    }

    /** ObjectEvents with bizStep shipping (they all match), one distinct EPC each, and the given eventIDs. */
    private static String document(List<String> ids) {
        StringBuilder sb = new StringBuilder("""
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-06-01T00:00:00Z",
                 "epcisBody": {"eventList": [""");
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String id = ids.get(i);
            sb.append("{\"type\": \"ObjectEvent\", \"eventID\": \"").append(id)
                    .append("\", \"eventTime\": \"2024-06-01T10:00:00Z\", \"eventTimeZoneOffset\": \"+00:00\",")
                    .append(" \"action\": \"OBSERVE\", \"bizStep\": \"shipping\", \"epcList\": [\"")
                    .append("https://example.com/items/").append(id.substring("urn:test:".length()))
                    .append("\"]}");
        }
        return sb.append("]}}").toString();
    }
}
