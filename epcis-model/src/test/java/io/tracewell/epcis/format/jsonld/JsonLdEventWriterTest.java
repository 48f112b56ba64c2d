package io.tracewell.epcis.format.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ExtensionElement.Simple;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.model.TimeZoneOffset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonLdEventWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode tree(byte[] json) throws Exception {
        return MAPPER.readTree(json);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ObjectEvent event(List<ExtensionElement> extensions) {
        return new ObjectEvent(CommonFields.of(EpcisTime.parse("2024-03-01T08:00:00Z"), TimeZoneOffset.parse("+00:00")),
                Action.OBSERVE, List.of("urn:epc:id:sgtin:4012345.011111.1"), List.of(), null, null, List.of(),
                null, extensions);
    }

    private static DocumentHeader header(Namespaces ns) {
        return DocumentHeader.document(EpcisTime.parse("2024-03-01T09:00:00Z"), ns);
    }

    @ParameterizedTest
    @ValueSource(strings = {"object-event-all-fields.jsonld", "other-event-types.jsonld", "extensions.jsonld",
            "query-document.jsonld", "context-after-body.jsonld", "header-after-body.jsonld", "full-sbdh.jsonld"})
    void readWriteReadGivesAnEqualModel(String resource) {
        EpcisDocument first = JsonLd.resource(resource);
        EpcisDocument compact = JsonLd.read(JsonLd.write(first, false));
        EpcisDocument pretty = JsonLd.read(JsonLd.write(first, true));
        assertThat(compact).isEqualTo(first);
        assertThat(pretty).isEqualTo(first);
    }

    @Test
    void writesMembersInTheStandardOrder() throws Exception {
        JsonNode doc = tree(JsonLd.write(JsonLd.resource("object-event-all-fields.jsonld"), false));
        assertThat(names(doc)).containsExactly("@context", "id", "type", "schemaVersion", "creationDate", "sender",
                "receiver", "instanceIdentifier", "epcisHeader", "tw:documentNote", "tw:headerNote", "epcisBody");
        JsonNode event = doc.at("/epcisBody/eventList/0");
        assertThat(names(event)).containsExactly("type", "eventTime", "recordTime", "eventTimeZoneOffset", "eventID",
                "certificationInfo", "errorDeclaration", "epcList", "quantityList", "action", "bizStep",
                "disposition", "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList",
                "sourceList", "destinationList", "sensorElementList", "ilmd", "tw:eventNote");
        assertThat(event.get("eventTime").asText()).isEqualTo("2024-03-01T08:15:30.500+01:00");
        assertThat(names(event.at("/sensorElementList/0"))).containsExactly("sensorMetadata", "sensorReport",
                "tw:elementNote");
    }

    @Test
    void writesTheStandardContextFirstThenOtherUrlsThenPrefixes() throws Exception {
        JsonNode context = tree(JsonLd.write(JsonLd.resource("object-event-all-fields.jsonld"), false))
                .get("@context");
        assertThat(context.get(0).asText()).isEqualTo("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        assertThat(context.get(1).asText()).isEqualTo("https://tracewell.example.org/context/extra.jsonld");
        assertThat(context.get(2).get("tw").asText()).isEqualTo("https://tracewell.example.org/epcis/");
        assertThat(context).hasSize(3);

        JsonNode plain = tree(JsonLd.write(new EpcisDocument(header(Namespaces.NONE), List.of()), false));
        assertThat(plain.get("@context").asText())
                .isEqualTo("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
    }

    @Test
    void keepsNumbersAsWritten() throws Exception {
        String text = new String(JsonLd.write(JsonLd.resource("object-event-all-fields.jsonld"), false));
        assertThat(text).contains("\"quantity\":200.50").contains("\"value\":26.0").contains("\"percRank\":50");
        String ext = new String(JsonLd.write(JsonLd.resource("extensions.jsonld"), false));
        assertThat(ext).contains("\"ex:decimal\":12.50").contains("\"ex:double\":1.5E3")
                .contains("\"ex:doubleAsString\":{\"@value\":\"20\",\"@type\":\"xsd:double\"}")
                .contains("\"ex2:count\":42");
    }

    @Test
    void declaresUndeclaredNamespacesInTheEventsOwnContext() throws Exception {
        ObjectEvent e = event(List.of(
                ExtensionElement.text(new QName("http://xml.example.com/ns", "f", "u"), "with its prefix"),
                ExtensionElement.text(new QName("https://iri.example.com/ns/", "g"), "absolute IRI"),
                ExtensionElement.text(new QName("http://other.example.com/ns", "h", "gs1"), "prefix taken"),
                new ExtensionElement(new QName("http://typed.example.com/ns", "t", "t"), List.of(),
                        new Simple("x", new QName("http://types.example.com/t", "code", "")))));
        byte[] json = JsonLd.write(new EpcisDocument(header(Namespaces.NONE), List.of(e)), false);
        JsonNode event = tree(json).at("/epcisBody/eventList/0");
        assertThat(names(event).get(0)).isEqualTo("@context");
        assertThat(event.get("@context").get("u").asText()).isEqualTo("http://xml.example.com/ns");
        assertThat(event.get("@context").get("ns1").asText()).isEqualTo("http://other.example.com/ns");
        assertThat(event.get("@context").get("ns2").asText()).isEqualTo("http://types.example.com/t");
        assertThat(event.get("u:f").asText()).isEqualTo("with its prefix");
        assertThat(event.get("https://iri.example.com/ns/g").asText()).isEqualTo("absolute IRI");
        assertThat(event.get("ns1:h").asText()).isEqualTo("prefix taken");
        assertThat(event.get("t:t").get("@type").asText()).isEqualTo("ns2:code");
        assertThat(JsonLd.read(json).events()).containsExactly(e);
    }

    @Test
    void aDocumentPrefixIsUsedAndTheCbvMasterDataNamespaceGetsItsJsonLdIri() throws Exception {
        Namespaces ns = new Namespaces(Map.of("tw", "https://tracewell.example.org/epcis/",
                "xsi", Datatypes.XSI_NS, "epcis", "urn:epcglobal:epcis:xsd:2"));
        ObjectEvent e = event(List.of(
                ExtensionElement.text(new QName("https://tracewell.example.org/epcis/", "a", "other"), "1"),
                ExtensionElement.text(new QName("urn:epcglobal:cbv:mda", "lotNumber", ""), "L1")));
        byte[] json = JsonLd.write(new EpcisDocument(header(ns), List.of(e)), false);
        JsonNode doc = tree(json);
        assertThat(doc.get("@context").get(1).toString())
                .as("XML-only namespaces are left out").isEqualTo("{\"tw\":\"https://tracewell.example.org/epcis/\"}");
        JsonNode event = doc.at("/epcisBody/eventList/0");
        assertThat(event.has("@context")).isFalse();
        assertThat(event.get("tw:a").asText()).isEqualTo("1");
        assertThat(event.get("cbvmda:lotNumber").asText()).isEqualTo("L1");
    }

    @Test
    void writesOnlyTheThreeSbdhMembersWhenTheyCarryEverything() throws Exception {
        EpcisDocument derived = JsonLd.resource("object-event-all-fields.jsonld");
        JsonNode doc = tree(JsonLd.write(derived, false));
        assertThat(doc.get("sender").asText()).isEqualTo("urn:epc:id:pgln:4012345.00000");
        assertThat(doc.get("epcisHeader").has("sbdh:StandardBusinessDocumentHeader")).isFalse();

        EpcisDocument full = JsonLd.resource("full-sbdh.jsonld");
        Sbdh sbdh = full.header().sbdh();
        assertThat(sbdh.senders()).hasSize(1);
        assertThat(sbdh.senders().get(0).authority()).isEqualTo("SGLN");
        assertThat(sbdh.senders().get(0).contactInformation().get(0).emailAddress()).isEqualTo("jane@example.org");
        assertThat(sbdh.documentIdentification().multipleType()).isFalse();
        assertThat(sbdh.businessScope()).hasSize(2);
        assertThat(sbdh.businessScope().get(0).scopeInformation()).hasSize(1);
        JsonNode written = tree(JsonLd.write(full, false));
        assertThat(written.at("/epcisHeader/sbdh:StandardBusinessDocumentHeader/sbdh:Sender/sbdh:Identifier/@Authority")
                .asText()).isEqualTo("SGLN");
        assertThat(written.get("instanceIdentifier").asText()).isEqualTo("MSG-77");
    }

    @Test
    void writesAQueryDocumentWithMasterDataAfterTheEvents() throws Exception {
        JsonNode doc = tree(JsonLd.write(JsonLd.resource("query-document.jsonld"), false));
        assertThat(doc.get("type").asText()).isEqualTo("EPCISQueryDocument");
        JsonNode results = doc.at("/epcisBody/queryResults");
        assertThat(names(results)).containsExactly("queryName", "subscriptionID", "resultsBody");
        assertThat(names(results.get("resultsBody"))).containsExactly("eventList", "vocabularyList");
        assertThat(results.at("/resultsBody/eventList")).hasSize(2);
        assertThat(doc.has("epcisHeader")).isFalse();
    }

    @Test
    void writesAStandaloneEventWithItsOwnContext() throws Exception {
        EpcisEvent e = JsonLdEventReader.readEvent(new ByteArrayInputStream(
                JsonLd.resourceBytes("standalone-event.jsonld")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLdEventWriter.writeEvent(e, new Namespaces(Map.of("example", "http://ns.example.com/epcis/")), out);
        JsonNode json = tree(out.toByteArray());
        assertThat(names(json)).startsWith("@context", "type", "eventTime");
        assertThat(json.get("@context").get(0).asText())
                .isEqualTo("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        assertThat(json.get("@context").get(1).get("example").asText()).isEqualTo("http://ns.example.com/epcis/");
        assertThat(json.get("example:myField").asText()).isEqualTo("Example of a vendor/user extension");
        assertThat(JsonLdEventReader.readEvent(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(e);
    }

    @Test
    void theWriterChecksTheOrderOfCalls() {
        JsonLdEventWriter w = new JsonLdEventWriter(new ByteArrayOutputStream());
        assertThatThrownBy(() -> w.write(event(List.of()))).isInstanceOf(IllegalStateException.class)
                .hasMessage("begin() first");
        w.begin(header(Namespaces.NONE));
        assertThatThrownBy(() -> w.begin(header(Namespaces.NONE))).isInstanceOf(IllegalStateException.class);
        w.end();
        assertThatThrownBy(w::end).isInstanceOf(IllegalStateException.class)
                .hasMessage("end() was already called");
        w.close();
    }

    @Test
    void aWriterClosedBeforeEndLeavesTheDocumentUnfinished() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonLdEventWriter w = new JsonLdEventWriter(out)) {
            w.begin(header(Namespaces.NONE));
            w.write(event(List.of()));
        }
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).endsWith("\"action\":\"OBSERVE\"}");
        var e = JsonLd.error(text);
        assertThat(e.problem()).startsWith("malformed JSON: Unexpected end-of-input");
    }

    @Test
    void aQueryDocumentHeaderRoundTripsFromTheModel() {
        DocumentHeader h = new DocumentHeader(DocumentKind.EPCIS_QUERY_DOCUMENT, null, "2.0",
                EpcisTime.parse("2024-03-01T09:00:00Z"), List.of(), Namespaces.NONE, null, List.of(), List.of(),
                "SimpleEventQuery", null);
        EpcisDocument doc = new EpcisDocument(h, List.of(event(List.of())));
        assertThat(JsonLd.read(JsonLd.write(doc, false))).isEqualTo(doc);
    }
}
