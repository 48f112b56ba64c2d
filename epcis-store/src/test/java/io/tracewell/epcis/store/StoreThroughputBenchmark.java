package io.tracewell.epcis.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.store.read.EventJson;
import io.tracewell.epcis.store.schema.Migrations;
import io.tracewell.epcis.store.testdb.TestDatabase;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.epcis.store.write.StoreResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Events per second of one 10,000-event store call (all five types in turn, every field filled), on the
 * configured server when TRACEWELL_TEST_DB_URL is set, else on the embedded one. Informational: run with
 * {@code -Dgroups=benchmark -Dtest=StoreThroughputBenchmark}.
 */
@Tag("benchmark")
class StoreThroughputBenchmark {

    private static final int EVENTS = 10_000;

    @Test
    void storesTenThousandEventsInOneTransaction() {
        try (TestDatabase database = TestDatabase.onConfiguredServer().orElseGet(TestDatabase::embedded)) {
            Migrations.migrate(database.dataSource());
            EventStore store = EventStore.of(database.dataSource());
            store.store(events(500, "warm"), CaptureContext.capture("warm-up", "org-a", FullEvents.NAMESPACES));

            List<EpcisEvent> events = events(EVENTS, "run");
            long start = System.nanoTime();
            StoreResult result = store.store(events,
                    CaptureContext.capture("benchmark", "org-a", FullEvents.NAMESPACES));
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(result.events()).hasSize(EVENTS);
            System.out.printf("stored %d events in %.2f s: %.0f events/s (%s)%n", EVENTS, seconds, EVENTS / seconds,
                    database.name());
            // The part of the time spent in Java before any row is sent: hash ID and stored JSON per event.
            EventHasher hasher = EventHasher.standard();
            long prepare = System.nanoTime();
            for (EpcisEvent event : events) {
                assertThat(hasher.hashId(event)).isNotNull();
                assertThat(EventJson.write(event, FullEvents.NAMESPACES)).isNotEmpty();
            }
            System.out.printf("of which hash ID + JSON-LD: %.2f s%n", (System.nanoTime() - prepare) / 1e9);
        }
    }

    private static List<EpcisEvent> events(int count, String prefix) {
        List<EpcisEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", i) + "-" + prefix;
            events.add(switch (i % 5) {
                case 0 -> FullEvents.objectEvent(id);
                case 1 -> FullEvents.aggregationEvent(id);
                case 2 -> FullEvents.transactionEvent(id);
                case 3 -> FullEvents.transformationEvent(id);
                default -> FullEvents.associationEvent(id);
            });
        }
        return events;
    }
}
