package io.tracewell.regulatory.dscsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.store.job.CaptureJob;
import io.tracewell.epcis.store.job.CaptureJobState;
import io.tracewell.epcis.store.job.CaptureJobs;
import io.tracewell.epcis.store.write.EventStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A DSCSA document received from a partner becomes one capture job holding the same events as EPCIS 2.0 XML:
 * the document is the one our own builder makes for the example shipment, so what goes in is known exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundCaptureTest {

    private DscsaTestDatabase database;
    private CaptureJobs jobs;
    private byte[] document;
    private final List<String> submitted = new ArrayList<>();
    private InboundCapture capture;

    @BeforeAll
    void start() {
        database = DscsaTestDatabase.create();
        ExampleShipment.store(new EventStore(database.dataSource(), EventHasher.standard(),
                Clock.fixed(ExampleShipment.RECORD_TIME, ZoneOffset.UTC)));
        document = new DscsaDocumentBuilder(database.dataSource(), ExampleShipment.settings())
                .build(ExampleShipment.SHIPPING_ID, ExampleShipment.buyer(), ExampleShipment.IDENTITY);
        jobs = new CaptureJobs(database.dataSource());
        capture = new InboundCapture(jobs, () -> "node-1/1", Duration.ofMinutes(1), submitted::add,
                "receiving-org");
    }

    @AfterAll
    void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aPartnersDocumentBecomesOneCaptureJobOfTheSameEvents() throws Exception {
        String id = capture.accept("WHOLESALE-AS2", "<m-1@wholesale.example>", document);
        assertThat(id).isEqualTo(InboundCapture.captureIdOf("WHOLESALE-AS2", "<m-1@wholesale.example>"));
        assertThat(submitted).containsExactly(id);
        CaptureJob job = jobs.find(id).orElseThrow();
        assertThat(job.state()).isEqualTo(CaptureJobState.RUNNING);
        assertThat(job.mediaType()).isEqualTo("application/xml");
        assertThat(job.organisation()).as("a partner's events belong to the receiving organisation")
                .isEqualTo("receiving-org");

        List<EpcisEvent> captured = new ArrayList<>();
        try (InputStream in = jobs.openDocument(id); EpcisEventReader reader = EpcisFormats.reader(Format.XML, in)) {
            assertThat(reader.header().masterData()).isNotEmpty();
            EpcisEvent e;
            while ((e = reader.next()) != null) {
                captured.add(e);
            }
        }
        String xml = new String(document, StandardCharsets.UTF_8);
        int expected = count(xml, "<ObjectEvent>") + count(xml, "<AggregationEvent>");
        assertThat(captured).hasSize(expected).hasSizeGreaterThan(10);
        assertThat(captured).anyMatch(e -> ExampleShipment.SHIPPING_ID.equals(e.common().eventID()));

        // The same message handed on again: the same job, no other.
        assertThat(capture.accept("WHOLESALE-AS2", "<m-1@wholesale.example>", document)).isEqualTo(id);
        assertThat(submitted).containsExactly(id);
        // The same bytes under another Message-ID are recognised by the capture jobs as a resent document.
        String other = capture.accept("WHOLESALE-AS2", "<m-2@wholesale.example>", document);
        assertThat(other).isEqualTo(id);
        assertThat(jobs.find(InboundCapture.captureIdOf("WHOLESALE-AS2", "<m-2@wholesale.example>"))).isEmpty();
    }

    @Test
    void whatIsNotEpcis12IsRefusedAndLeavesNoJob() {
        byte[] twoPointO = ("<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\""
                + " creationDate=\"2026-01-01T00:00:00Z\"><EPCISBody><EventList/></EPCISBody></epcis:EPCISDocument>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> capture.accept("WHOLESALE-AS2", "<bad@wholesale.example>", twoPointO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<bad@wholesale.example>");
        assertThat(jobs.find(InboundCapture.captureIdOf("WHOLESALE-AS2", "<bad@wholesale.example>"))).isEmpty();
    }

    private static int count(String text, String token) {
        int n = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            n++;
        }
        return n;
    }
}
