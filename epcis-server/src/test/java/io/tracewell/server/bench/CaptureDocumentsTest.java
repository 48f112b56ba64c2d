package io.tracewell.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.Sgtin;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.validation.DocumentValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaptureDocumentsTest {

    private static final int EVENTS = 50;

    @Test
    void aDocumentIsValidAndHoldsTheAskedNumberOfObjectEventsWithTenSgtinsEach() {
        byte[] document = CaptureDocuments.document(7_000, EVENTS);

        assertThat(DocumentValidator.create().validate(new ByteArrayInputStream(document))).isEmpty();
        assertThat(new String(document, StandardCharsets.UTF_8))
                .contains("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");

        List<EpcisEvent> events = read(document);
        assertThat(events).hasSize(EVENTS).allSatisfy(event -> {
            assertThat(event).isInstanceOf(ObjectEvent.class);
            assertThat(((ObjectEvent) event).epcList()).hasSize(CaptureDocuments.EPCS_PER_EVENT);
            assertThat(event.eventID()).isNull();
        });
    }

    @Test
    void everyEpcIsAValidSgtinDigitalLinkAndNoTwoEventsShareAnEpcOrATime() {
        List<EpcisEvent> events = new ArrayList<>(read(CaptureDocuments.document(0, EVENTS)));
        events.addAll(read(CaptureDocuments.document(EVENTS, EVENTS)));

        Set<String> epcs = new HashSet<>();
        Set<Instant> times = new HashSet<>();
        for (EpcisEvent event : events) {
            times.add(event.eventTime().instant());
            for (String epc : ((ObjectEvent) event).epcList()) {
                assertThat(epc).matches("https://id\\.gs1\\.org/01/\\d{14}/21/\\d+");
                Epc parsed = Epc.parse(epc); // refuses a wrong check digit
                assertThat(parsed).isInstanceOf(Sgtin.class);
                assertThat(parsed.canonical()).isEqualTo(epc);
                epcs.add(epc);
            }
        }
        assertThat(epcs).hasSize(2 * EVENTS * CaptureDocuments.EPCS_PER_EVENT);
        assertThat(times).hasSize(2 * EVENTS);
    }

    @Test
    void gtinCheckDigitIsTheGs1ModTenDigit() {
        assertThat(CaptureDocuments.gtin("1061414107346")).isEqualTo("10614141073464");
        assertThat(CaptureDocuments.gtin("0950600013435")).isEqualTo("09506000134352");
    }

    @Test
    void theSameIndexGivesTheSameEvent() {
        assertThat(CaptureDocuments.event(123_456)).isEqualTo(CaptureDocuments.event(123_456));
        assertThat(CaptureDocuments.event(123_456)).isNotEqualTo(CaptureDocuments.event(123_457));
    }

    private static List<EpcisEvent> read(byte[] document) {
        List<EpcisEvent> events = new ArrayList<>();
        try (EpcisEventReader reader = EpcisFormats.reader(Format.JSON_LD, new ByteArrayInputStream(document))) {
            DocumentHeader header = reader.header();
            assertThat(header.kind()).isEqualTo(DocumentKind.EPCIS_DOCUMENT);
            assertThat(header.schemaVersion()).isEqualTo("2.0");
            for (EpcisEvent event = reader.next(); event != null; event = reader.next()) {
                events.add(event);
            }
        }
        return events;
    }
}
