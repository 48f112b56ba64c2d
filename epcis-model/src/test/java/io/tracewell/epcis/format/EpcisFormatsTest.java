package io.tracewell.epcis.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.model.EpcisDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EpcisFormatsTest {

    private static final String EVENT = """
            {"type": "ObjectEvent", "eventTime": "2024-03-01T09:58:00Z", "eventTimeZoneOffset": "+01:00",
             "epcList": ["urn:epc:id:sgtin:4012345.011111.1001"], "action": "OBSERVE"}""";

    private static final String HEADER_FIRST = """
            {"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
             "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-03-01T10:00:00Z",
             "sender": "urn:epc:id:pgln:4012345.00000",
             "epcisBody": {"eventList": [%s]}}""".formatted(EVENT);

    private static final String SENDER_AFTER_BODY = """
            {"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
             "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-03-01T10:00:00Z",
             "epcisBody": {"eventList": [%s]},
             "sender": "urn:epc:id:pgln:4012345.00000"}""".formatted(EVENT);

    @Test
    void copyConvertsJsonToXmlKeepingHeaderAndEvents() {
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        long n;
        try (EpcisEventReader reader = EpcisFormats.reader(in(HEADER_FIRST));
             EpcisEventWriter writer = EpcisFormats.writer(Format.XML, xml)) {
            n = EpcisFormats.copy(reader, writer);
        }

        assertThat(n).isEqualTo(1);
        EpcisDocument original = EpcisFormats.readDocument(in(HEADER_FIRST));
        EpcisDocument converted = EpcisFormats.readDocument(new ByteArrayInputStream(xml.toByteArray()));
        assertThat(converted.events()).isEqualTo(original.events());
        assertThat(converted.header().sbdh().sender()).isEqualTo("urn:epc:id:pgln:4012345.00000");
    }

    @Test
    void copyRefusesToDropHeaderMembersThatFollowTheEventList() {
        ByteArrayOutputStream xml = new ByteArrayOutputStream();

        assertThatThrownBy(() -> {
            try (EpcisEventReader reader = EpcisFormats.reader(in(SENDER_AFTER_BODY));
                 EpcisEventWriter writer = EpcisFormats.writer(Format.XML, xml)) {
                EpcisFormats.copy(reader, writer);
            }
        }).isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("document members after the event list (sbdh)");
    }

    @Test
    void readDocumentSeesHeaderMembersAfterTheEventList() {
        EpcisDocument document = EpcisFormats.readDocument(in(SENDER_AFTER_BODY));

        assertThat(document.header().sbdh().sender()).isEqualTo("urn:epc:id:pgln:4012345.00000");
        assertThat(document.events()).hasSize(1);
    }

    @Test
    void detectsTheFormatFromTheFirstSignificantCharacter() {
        assertThat(EpcisFormats.reader(in("\uFEFF  \n" + HEADER_FIRST)).format()).isEqualTo(Format.JSON_LD);
        assertThatThrownBy(() -> EpcisFormats.reader(in("\n  hello")))
                .isInstanceOf(EpcisFormatException.class)
                                .hasMessageContaining("an XML document (starting with '<') or a JSON-LD document");
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
