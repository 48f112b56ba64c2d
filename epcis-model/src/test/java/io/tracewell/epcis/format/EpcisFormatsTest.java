package io.tracewell.epcis.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.validation.DocumentValidator;
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
    void documentExtensionsAfterTheEventListAreCarriedOverInBothDirections() {
        String xml = """
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:tw="https://ns.example.com/tw/"
                    schemaVersion="2.0" creationDate="2024-03-01T10:00:00Z">
                  <EPCISBody><EventList><ObjectEvent>
                    <eventTime>2024-03-01T09:58:00Z</eventTime><eventTimeZoneOffset>+01:00</eventTimeZoneOffset>
                    <epcList><epc>urn:epc:id:sgtin:4012345.011111.1001</epc></epcList><action>OBSERVE</action>
                  </ObjectEvent></EventList></EPCISBody>
                  <tw:documentNote>checked by QA</tw:documentNote>
                </epcis:EPCISDocument>""";
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ByteArrayOutputStream back = new ByteArrayOutputStream();

        try (EpcisEventReader reader = EpcisFormats.reader(in(xml));
             EpcisEventWriter writer = EpcisFormats.writer(Format.JSON_LD, json)) {
            EpcisFormats.copy(reader, writer);
        }
        try (EpcisEventReader reader = EpcisFormats.reader(new ByteArrayInputStream(json.toByteArray()));
             EpcisEventWriter writer = EpcisFormats.writer(Format.XML, back)) {
            EpcisFormats.copy(reader, writer);
        }

        assertThat(json.toString(StandardCharsets.UTF_8)).endsWith("]},\"tw:documentNote\":\"checked by QA\"}");
        EpcisDocument original = EpcisFormats.readDocument(in(xml));
        EpcisDocument roundTripped = EpcisFormats.readDocument(new ByteArrayInputStream(back.toByteArray()));
        assertThat(roundTripped.header().extensions()).isEqualTo(original.header().extensions()).hasSize(1);
        assertThat(roundTripped.events()).isEqualTo(original.events());
    }

    @Test
    void readDocumentSeesHeaderMembersAfterTheEventList() {
        EpcisDocument document = EpcisFormats.readDocument(in(SENDER_AFTER_BODY));

        assertThat(document.header().sbdh().sender()).isEqualTo("urn:epc:id:pgln:4012345.00000");
        assertThat(document.events()).hasSize(1);
    }

    @Test
    void theJsonLdDocumentIdAndExtraContextsSurviveXml() {
        String json = HEADER_FIRST.replace("\"@context\": \"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\",",
                "\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\","
                        + " \"https://example.com/extra-context.jsonld\"], \"id\": \"https://id.example.org/document1\",");
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        ByteArrayOutputStream back = new ByteArrayOutputStream();

        EpcisFormats.writeDocument(EpcisFormats.readDocument(in(json)), Format.XML, xml);
        EpcisDocument fromXml = EpcisFormats.readDocument(new ByteArrayInputStream(xml.toByteArray()));
        EpcisFormats.writeDocument(fromXml, Format.JSON_LD, back);

        assertThat(xml.toString(StandardCharsets.UTF_8))
                .contains("xmlns:jsonld=\"http://www.w3.org/ns/json-ld#\"")
                .contains("jsonld:id=\"https://id.example.org/document1\"")
                .contains("jsonld:context=\"https://example.com/extra-context.jsonld\"")
                .as("a sender alone is not a valid SBDH, so it travels as an attribute")
                .contains("epcisv:sender=\"urn:epc:id:pgln:4012345.00000\"").doesNotContain("StandardBusinessDocumentHeader");
        assertThat(DocumentValidator.create().validate(new ByteArrayInputStream(xml.toByteArray()))).isEmpty();
        assertThat(fromXml.header().id()).isEqualTo("https://id.example.org/document1");
        assertThat(fromXml.header().contexts()).containsExactly("https://example.com/extra-context.jsonld");
        assertThat(back.toString(StandardCharsets.UTF_8)).contains("\"id\":\"https://id.example.org/document1\"")
                .contains("https://example.com/extra-context.jsonld");
    }

    @Test
    void senderReceiverAndInstanceIdentifierTogetherBecomeAValidSbdh() {
        String json = HEADER_FIRST.replace("\"sender\": \"urn:epc:id:pgln:4012345.00000\",",
                "\"sender\": \"urn:epc:id:pgln:4012345.00000\", \"receiver\": \"urn:epc:id:pgln:0614141.00000\","
                        + " \"instanceIdentifier\": \"DOC-1\",");
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        ByteArrayOutputStream back = new ByteArrayOutputStream();

        EpcisFormats.writeDocument(EpcisFormats.readDocument(in(json)), Format.XML, xml);
        EpcisDocument fromXml = EpcisFormats.readDocument(new ByteArrayInputStream(xml.toByteArray()));
        EpcisFormats.writeDocument(fromXml, Format.JSON_LD, back);

        assertThat(xml.toString(StandardCharsets.UTF_8)).contains("<sbdh:StandardBusinessDocumentHeader>")
                .contains("<sbdh:InstanceIdentifier>DOC-1</sbdh:InstanceIdentifier>").doesNotContain("epcisv:");
        assertThat(DocumentValidator.create().validate(new ByteArrayInputStream(xml.toByteArray()))).isEmpty();
        assertThat(back.toString(StandardCharsets.UTF_8)).contains("\"sender\":\"urn:epc:id:pgln:4012345.00000\"")
                .contains("\"receiver\":\"urn:epc:id:pgln:0614141.00000\"").contains("\"instanceIdentifier\":\"DOC-1\"")
                .doesNotContain("StandardBusinessDocumentHeader");
    }

    @Test
    void cbvValuesAreOneValueInAnySpellingAndEachBindingWritesItsOwn() {
        String urn = HEADER_FIRST.replace("\"action\": \"OBSERVE\"",
                "\"action\": \"OBSERVE\", \"bizStep\": \"urn:epcglobal:cbv:bizstep:shipping\"");
        String web = HEADER_FIRST.replace("\"action\": \"OBSERVE\"",
                "\"action\": \"OBSERVE\", \"bizStep\": \"https://ref.gs1.org/cbv/BizStep-shipping\"");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ByteArrayOutputStream xml = new ByteArrayOutputStream();

        EpcisDocument a = EpcisFormats.readDocument(in(urn));
        EpcisDocument b = EpcisFormats.readDocument(in(web));
        EpcisFormats.writeDocument(a, Format.JSON_LD, json);
        EpcisFormats.writeDocument(b, Format.XML, xml);

        assertThat(a.events()).isEqualTo(b.events());
        assertThat(json.toString(StandardCharsets.UTF_8)).contains("\"bizStep\":\"shipping\"");
        assertThat(xml.toString(StandardCharsets.UTF_8)).contains("<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>");
    }

    @Test
    void anUnknownBareCbvWordIsRejectedWhereItStands() {
        String bad = HEADER_FIRST.replace("\"action\": \"OBSERVE\"", "\"action\": \"OBSERVE\", \"bizStep\": \"shipped\"");

        assertThatThrownBy(() -> EpcisFormats.readDocument(in(bad)))
                .isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("/epcisBody/eventList/0/bizStep")
                .hasMessageContaining("shipped");
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
