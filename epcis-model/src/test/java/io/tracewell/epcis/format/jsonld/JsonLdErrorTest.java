package io.tracewell.epcis.format.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ObjectEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every error says where (JSON pointer, line, column) and what was expected. */
class JsonLdErrorTest {

    /** A document whose event list starts on line 3; each event is on a line of its own, from line 4. */
    private static String document(String... events) {
        return "{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\","
                + " {\"ex\": \"https://ns.example.com/epcis/\"}],\n"
                + "\"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\",\n"
                + "\"epcisBody\": {\"eventList\": [\n"
                + String.join(",\n", events)
                + "\n]}}";
    }

    private static String objectEvent(String members) {
        return "{\"type\": \"ObjectEvent\", \"eventTime\": \"2024-03-01T08:00:00Z\", "
                + "\"eventTimeZoneOffset\": \"+01:00\", \"action\": \"OBSERVE\"" + members + "}";
    }

    private static void assertError(EpcisFormatException e, String pointer, int line, int column, String problem,
                                     String expected) {
        assertThat(e.location()).isEqualTo(SourceLocation.of(line, column, pointer));
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.expected()).isEqualTo(expected);
        assertThat(e.getMessage()).startsWith((pointer.isEmpty() ? "(document root)" : pointer) + " (line " + line + ", column " + column + "): " + problem);
    }

    @Test
    void malformedJsonReportsTheLineAndColumnOfTheSyntaxError() {
        String json = document(objectEvent(""), "{\"type\": \"ObjectEvent\",, \"action\": \"ADD\"}");
        EpcisFormatException e = JsonLd.error(json);
        assertThat(e.location().line()).isEqualTo(5);
        assertThat(e.location().column()).isEqualTo(24);
        assertThat(e.location().pointer()).as("the member before the error").isEqualTo("/epcisBody/eventList/1/type");
        assertThat(e.problem()).startsWith("malformed JSON: Unexpected character (','");
        assertThat(e.expected()).isEqualTo("well-formed JSON (RFC 8259)");
    }

    @Test
    void aBadTimeZoneOffsetNamesItsPointer() {
        String bad = "{\"type\": \"ObjectEvent\", \"eventTime\": \"2024-03-01T08:00:00Z\", "
                + "\"eventTimeZoneOffset\": \"+1:00\", \"action\": \"OBSERVE\"}";
        String json = document(objectEvent(""), objectEvent(""), objectEvent(""), bad);
        assertError(JsonLd.error(json), "/epcisBody/eventList/3/eventTimeZoneOffset", 7, 85,
                "'eventTimeZoneOffset' is not a time zone offset: '+1:00'",
                "a time zone offset +HH:MM or -HH:MM between -14:00 and +14:00");
    }

    @Test
    void aMissingEventTimeIsNamed() {
        String json = document("{\"type\": \"ObjectEvent\", \"eventTimeZoneOffset\": \"+01:00\", \"action\": \"ADD\"}");
        assertError(JsonLd.error(json), "/epcisBody/eventList/0", 4, 1, "ObjectEvent has no 'eventTime'",
                "a member 'eventTime' holding a date-time with time zone");
    }

    @Test
    void aMissingTimeZoneOffsetIsNamed() {
        String json = document("{\"type\": \"ObjectEvent\", \"eventTime\": \"2024-03-01T08:00:00Z\", \"action\": \"ADD\"}");
        assertError(JsonLd.error(json), "/epcisBody/eventList/0", 4, 1, "ObjectEvent has no 'eventTimeZoneOffset'",
                "a member 'eventTimeZoneOffset' holding a time zone offset +HH:MM or -HH:MM");
    }

    @Test
    void aBadEventTimeIsNamed() {
        String json = document("{\"type\": \"ObjectEvent\", \"eventTime\": \"yesterday\", "
                + "\"eventTimeZoneOffset\": \"+01:00\", \"action\": \"ADD\"}");
        assertError(JsonLd.error(json), "/epcisBody/eventList/0/eventTime", 4, 38,
                "'eventTime' is not a date-time: 'yesterday'",
                "a date-time with time zone such as 2024-05-01T10:15:30.000+02:00 or 2024-05-01T08:15:30Z");
    }

    @Test
    void aMissingActionIsNamedWhereTheEventTypeRequiresIt() {
        String json = document("{\"type\": \"AggregationEvent\", \"eventTime\": \"2024-03-01T08:00:00Z\", "
                + "\"eventTimeZoneOffset\": \"+01:00\"}");
        assertError(JsonLd.error(json), "/epcisBody/eventList/0", 4, 1, "AggregationEvent has no 'action'",
                "a member 'action' holding ADD, OBSERVE or DELETE");
    }

    @Test
    void aWrongActionIsNamed() {
        String json = document("{\"type\": \"ObjectEvent\", \"eventTime\": \"2024-03-01T08:00:00Z\", "
                + "\"eventTimeZoneOffset\": \"+01:00\", \"action\": \"add\"}");
        assertError(JsonLd.error(json), "/epcisBody/eventList/0/action", 4, 105, "'action' is 'add'",
                "ADD, OBSERVE or DELETE (upper case)");
    }

    @Test
    void aQuantityElementWithoutEpcClassIsNamed() {
        String json = document(objectEvent(", \"quantityList\": [{\"epcClass\": \"urn:epc:class:lgtin:4012345.012345.1\"}, "
                + "{\"quantity\": 5}]"));
        assertError(JsonLd.error(json), "/epcisBody/eventList/0/quantityList/1", 4, 187,
                "an entry of 'quantityList' has no 'epcClass'", "a member 'epcClass' holding a string");
    }

    @Test
    void aQuantityThatIsNotANumberIsNamed() {
        String json = document(objectEvent(", \"quantityList\": [{\"epcClass\": \"urn:x\", \"quantity\": \"5\"}]"));
        assertError(JsonLd.error(json), "/epcisBody/eventList/0/quantityList/0/quantity", 4, 167,
                "'quantity' is a string", "a JSON number");
    }

    @Test
    void anUnnamespacedKeyIsRejected() {
        String json = document(objectEvent(", \"myField\": 1"));
        EpcisFormatException e = JsonLd.error(json);
        assertError(e, "/epcisBody/eventList/0/myField", 4, 127,
                "extension keys must be namespaced: 'myField' at /epcisBody/eventList/0/myField",
                "a CURIE with a declared prefix or an absolute IRI");
        assertThat(e.getMessage()).endsWith("extension keys must be namespaced: 'myField' at "
                + "/epcisBody/eventList/0/myField; expected a CURIE with a declared prefix or an absolute IRI");
    }

    @Test
    void anUndeclaredPrefixIsRejected() {
        String json = document(objectEvent(", \"ext9:f\": \"x\""));
        assertError(JsonLd.error(json), "/epcisBody/eventList/0/ext9:f", 4, 126,
                "the prefix 'ext9' of 'ext9:f' is not declared in @context",
                "a CURIE with a declared prefix (in the document's @context or one of the standard prefixes "
                        + "epcis, cbv, cbvmda, gs1, rdfs, owl, xsd, dcterms) or an absolute IRI");
    }

    @Test
    void aMemberOfAnotherStructureIsNamedAsMisplaced() {
        String json = document("{\"type\": \"AggregationEvent\", \"eventTime\": \"2024-03-01T08:00:00Z\", "
                + "\"eventTimeZoneOffset\": \"+01:00\", \"action\": \"ADD\", \"ilmd\": {}}");
        EpcisFormatException e = JsonLd.error(json);
        assertThat(e.location()).isEqualTo(SourceLocation.of(4, 125, "/epcisBody/eventList/0/ilmd"));
        assertThat(e.problem()).isEqualTo("'ilmd' is not a member of AggregationEvent");
        assertThat(e.expected()).startsWith("one of @context, action, bizLocation, bizStep").endsWith(
                "type, or a namespaced extension");
    }

    @Test
    void anUnknownEventTypeIsRejected() {
        String types = "one of ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, "
                + "AssociationEvent";
        assertError(JsonLd.error(document("{\"type\": \"FooEvent\"}")), "/epcisBody/eventList/0/type", 4, 10,
                "unknown event type 'FooEvent'", types);
        assertError(JsonLd.error(document("{\"type\": \"ex:FooEvent\"}")), "/epcisBody/eventList/0/type", 4, 10,
                "extension event types are not supported: 'ex:FooEvent'", types);
    }

    @Test
    void anEventThatIsNotAnObjectIsRejected() {
        assertError(JsonLd.error(document("\"urn:epc:id:sgtin:1.2.3\"")), "/epcisBody/eventList/0", 4, 1,
                "an event is a string", "a JSON object");
    }

    @Test
    void moreThanOneCertificationInfoIsRejected() {
        String json = document(objectEvent(", \"certificationInfo\": [\"https://a.example/1\", \"https://a.example/2\"]"));
        assertError(JsonLd.error(json), "/epcisBody/eventList/0/certificationInfo", 4, 137,
                "'certificationInfo' holds 2 URIs", "one certificationInfo URI (the XML binding has room for one)");
    }

    @Test
    void textBesideChildElementsIsRejected() {
        String json = document(objectEvent(", \"ex:f\": {\"#text\": \"t\", \"ex:c\": \"1\"}"));
        assertError(JsonLd.error(json), "/epcisBody/eventList/0/ex:f/#text", 4, 134,
                "an extension object has both '#text' and child members",
                "either '#text' (the element's text beside its '@' attributes) or child members");
    }

    @Test
    void aDuplicateMemberIsMalformed() {
        EpcisFormatException e = JsonLd.error(document(objectEvent(", \"action\": \"ADD\"")));
        assertThat(e.location().pointer()).isEqualTo("/epcisBody/eventList/0/action");
        assertThat(e.location().line()).isEqualTo(4);
        assertThat(e.problem()).isEqualTo("malformed JSON: Duplicate field 'action'");
    }

    @Test
    void theDocumentMustBeAnObjectWithNothingAfterIt() {
        assertError(JsonLd.error("[1, 2]"), "", 1, 1, "the input starts with an array",
                "an EPCISDocument or EPCISQueryDocument object");
        assertError(JsonLd.error("  "), "", 1, 3, "the input is empty",
                "an EPCISDocument or EPCISQueryDocument object");
        assertError(JsonLd.error(document() + " {}"), "", 5, 5, "content after the end of the top-level object",
                "nothing after the closing '}'");
    }

    @Test
    void aSingleEventIsNotADocumentAndADocumentIsNotASingleEvent() {
        assertError(JsonLd.error("{\"type\": \"ObjectEvent\"}"), "/type", 1, 10,
                "the document is a single ObjectEvent, not an EPCIS document",
                "EPCISDocument or EPCISQueryDocument (a single event with its own @context is accepted "
                        + "where one event is expected, e.g. POST /events)");
        EpcisFormatException e = JsonLd.errorOf(() -> JsonLdEventReader.readEvent(
                new ByteArrayInputStream(document().getBytes(StandardCharsets.UTF_8))));
        assertThat(e.location().pointer()).isEqualTo("/type");
        assertThat(e.problem()).isEqualTo("the input is an EPCISDocument, not a single event");
    }

    @Test
    void aDocumentWithoutBodyIsRejected() {
        assertError(JsonLd.error("{\"type\": \"EPCISDocument\"}"), "", 1, 1,
                "the document has no epcisBody with an eventList or queryResults",
                "\"epcisBody\": {\"eventList\": [...]} or {\"queryResults\": {...}}");
    }

    @Test
    void theReaderGoesOnAfterAnEventErrorButNotAfterMalformedJson() {
        String json = document(objectEvent(""), "{\"type\": \"ObjectEvent\"}", objectEvent(", \"ex:n\": 1"));
        try (JsonLdEventReader r = new JsonLdEventReader(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(r.next()).isInstanceOf(ObjectEvent.class);
            EpcisFormatException e = JsonLd.errorOf(r::next);
            assertThat(e.location().pointer()).isEqualTo("/epcisBody/eventList/1");
            EpcisEvent third = r.next();
            assertThat(third.extensions()).hasSize(1);
            assertThat(r.lastEventLocation()).isEqualTo(SourceLocation.of(6, 1, "/epcisBody/eventList/2"));
            assertThat(r.next()).isNull();
        }
        String broken = document(objectEvent(""), "{\"type\": ]");
        try (JsonLdEventReader r = new JsonLdEventReader(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(r.next()).isNotNull();
            EpcisFormatException first = JsonLd.errorOf(r::next);
            EpcisFormatException again = JsonLd.errorOf(r::next);
            assertThat(again).isSameAs(first);
            assertThat(first.location().line()).isEqualTo(5);
        }
    }
}
