package io.tracewell.regulatory.fmd;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.regulatory.dscsa.DscsaTestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The message catalogue of docs/fmd.md: docs/examples/fmd/ holds one example of each message, made here by the
 * connector from {@link FmdExample} (stored events and master data) with client transaction ids counted from 1, and
 * the hub's answers as {@link HubSoap} writes them. The files are these bytes, so they cannot go stale;
 * {@code -Dfmd.examples.write=true} writes the current ones there.
 */
class FmdMessageCatalogueTest {

    private static DscsaTestDatabase database;
    private static final Map<String, byte[]> examples = new LinkedHashMap<>();

    /** Encodes as the SOAP adapter does, with counted ids; every request is accepted. */
    private static final class RecordingHub implements EuHubPort {
        private final SoapHubAdapter soap;
        private int next;

        RecordingHub() throws Exception {
            soap = new SoapHubAdapter(new SoapHubAdapter.Settings(URI.create("https://hub.invalid/obp"),
                    "OBP-EXAMPLE-01", SSLContext.getDefault(), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        }

        @Override
        public String newClientTrxId() {
            return String.format("%032d", ++next);
        }

        @Override
        public Encoded encode(String clientTrxId, HubMessage message) {
            Encoded encoded = soap.encode(clientTrxId, message);
            String name = switch (message.operation()) {
                case "ProductMasterDataUpload" -> "product-master-data-upload";
                case "BatchUpload" -> examples.containsKey("batch-upload") ? "batch-upload-later-packs"
                        : "batch-upload";
                case "PackStateChange" -> "pack-state-change-" + ((HubMessage.PackStateChange) message).state().name()
                        .toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                case "BatchRecall" -> "batch-recall";
                default -> "product-withdrawal";
            };
            examples.put(name, encoded.bytes());
            return encoded;
        }

        @Override
        public HubOutcome send(String clientTrxId, Encoded request) {
            return new HubOutcome(HubOutcome.Kind.ACCEPTED, "HUB-1", null, "accepted", null);
        }

        @Override
        public HubOutcome status(String clientTrxId) {
            return HubOutcome.of(HubOutcome.Kind.NOT_RECEIVED, "never received");
        }
    }

    @BeforeAll
    static void makeTheMessages() throws Exception {
        database = DscsaTestDatabase.create();
        EventStore store = new EventStore(database.dataSource(), EventHasher.standard(),
                Clock.fixed(Instant.parse("2026-05-04T08:30:00Z"), ZoneOffset.UTC));
        FmdConnector connector = new FmdConnector(database.dataSource(), new RecordingHub(),
                ReleaseRule.FIRST_SHIPMENT, FmdConnector.Schedule.defaults(), "node-1",
                Clock.fixed(Instant.parse("2026-05-04T09:00:00Z"), ZoneOffset.UTC));
        FmdExample.commission(store);
        FmdExample.store(store, FmdExample.shipping());
        run(connector);
        FmdExample.store(store, FmdExample.commissioning("2026-05-05T10:00:00.000+01:00",
                FmdExample.LATE_COMMISSIONING_ID, 6, 7));
        run(connector);
        FmdExample.store(store, FmdExample.dispensing(), FmdExample.export());
        run(connector);
        FmdExample.store(store, FmdExample.recall());
        run(connector);
        FmdExample.store(store, FmdExample.withdrawal());
        run(connector);
        String asked = String.format("%032d", 7);
        examples.put("transaction-status-request", HubSoap.statusRequest(String.format("%032d", 100),
                "OBP-EXAMPLE-01", asked));
        examples.put("answer-acknowledgement", HubSoap.acknowledgement(String.format("%032d", 2), "HUB-0002", false));
        examples.put("answer-transaction-status", HubSoap.transactionStatus(asked, "ACCEPTED", "HUB-0007", null));
        examples.put("answer-fault", HubSoap.fault(true, "A16", "mandatory data missing: Common Name"));
    }

    private static void run(FmdConnector connector) {
        connector.collect(100);
        connector.sendDue(100);
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyMessageHasItsExample() {
        assertThat(examples.keySet()).containsExactlyInAnyOrder("product-master-data-upload", "batch-upload",
                "batch-upload-later-packs", "pack-state-change-supplied", "pack-state-change-exported",
                "batch-recall", "product-withdrawal", "transaction-status-request", "answer-acknowledgement",
                "answer-transaction-status", "answer-fault");
    }

    @Test
    void everyExampleIsASoap12EnvelopeOfOurNamespace() throws IOException {
        for (Map.Entry<String, byte[]> e : examples.entrySet()) {
            HubSoap.Answer read = HubSoap.read(e.getValue());
            assertThat(read.body().getNamespaceURI()).as(e.getKey())
                    .isIn(HubSoap.NS, HubSoap.SOAP_NS);
        }
    }

    @Test
    void theExamplesInTheDocsAreTheseMessages() throws IOException {
        Path committed = Path.of("..", "docs", "examples", "fmd");
        Path made = Path.of("target", "fmd-examples");
        Files.createDirectories(made);
        boolean write = Boolean.getBoolean("fmd.examples.write");
        if (write) {
            Files.createDirectories(committed);
        }
        for (Map.Entry<String, byte[]> e : examples.entrySet()) {
            String file = e.getKey() + ".xml";
            Files.write(made.resolve(file), e.getValue());
            if (write) {
                Files.write(committed.resolve(file), e.getValue());
            }
            assertThat(committed.resolve(file)).as("docs/examples/fmd/" + file
                    + " (write it with -Dfmd.examples.write=true)").exists();
            assertThat(Files.readString(committed.resolve(file), StandardCharsets.UTF_8))
                    .as("docs/examples/fmd/" + file + " against target/fmd-examples/" + file
                            + " (rewrite with -Dfmd.examples.write=true)")
                    .isEqualTo(new String(e.getValue(), StandardCharsets.UTF_8));
        }
        try (var files = Files.list(committed)) {
            assertThat(files.map(p -> p.getFileName().toString().replace(".xml", "")))
                    .as("no stale example").containsExactlyInAnyOrderElementsOf(examples.keySet());
        }
    }
}
