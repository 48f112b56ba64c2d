package io.tracewell.epcis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each invalid JSON document breaks one rule and gets exactly one violation: at a JSON pointer once the
 * document parses, at a line and column when it does not.
 */
class JsonInvalidDocumentTest {

    private static final String EVENT = "/epcisBody/eventList/0";

    static Stream<Arguments> documents() {
        return Stream.of(
                // file, location, message, a phrase the expectation must contain
                Arguments.of("missing-action.json", EVENT,
                        "missing required field 'action'", "7.4.2"),
                Arguments.of("bad-action.json", EVENT + "/action",
                        "value \"MOVE\" is not allowed", "ADD, OBSERVE or DELETE"),
                Arguments.of("bad-time-zone-offset.json", EVENT + "/eventTimeZoneOffset",
                        "invalid value \"+14:30\"", "[+-]HH:MM from -14:00 to +14:00"),
                Arguments.of("date-time-without-zone.json", EVENT + "/eventTime",
                        "invalid value \"2024-03-01T09:30:00\"", "xsd:dateTime with a time zone"),
                Arguments.of("impossible-date.json", EVENT + "/eventTime",
                        "invalid value \"2024-02-30T09:30:00Z\": not a valid date-time", "xsd:dateTime with a time zone"),
                Arguments.of("unnamespaced-extension.json", EVENT + "/batchNote",
                        "unexpected field 'batchNote'", "prefix declared in @context"),
                Arguments.of("undeclared-prefix.json", EVENT + "/ext9:batchNote",
                        "extension field 'ext9:batchNote' uses prefix 'ext9', which no @context in scope declares",
                        "a prefix declared in @context"),
                Arguments.of("bare-field-inside-extension.json", EVENT + "/ex:batch/operator",
                        "field 'operator' inside an extension value is not namespaced", "namespaced fields"),
                Arguments.of("context-after-events.json", EVENT + "/ext9:note",
                        "extension field 'ext9:note' uses prefix 'ext9', which no @context in scope declares",
                        "a prefix declared in @context"),
                Arguments.of("transaction-without-biztransactionlist.json", EVENT,
                        "missing required field 'bizTransactionList'", "7.4.4"),
                Arguments.of("transaction-empty-biztransactionlist.json", EVENT + "/bizTransactionList",
                        "empty list", "names at least one business transaction"),
                Arguments.of("association-without-parent.json", EVENT,
                        "missing required field 'parentID'", "7.4.6"),
                Arguments.of("aggregation-add-without-parent.json", EVENT,
                        "missing required field 'parentID'", "parentID is required when action is ADD or DELETE"),
                Arguments.of("quantity-without-epcclass.json", EVENT + "/quantityList/0",
                        "missing required field 'epcClass'", "section 7.3.3.3"),
                Arguments.of("quantity-not-numeric.json", EVENT + "/quantityList/0/quantity",
                        "value \"5\" has the wrong type", "a JSON number"),
                Arguments.of("uom-without-quantity.json", EVENT + "/quantityList/0",
                        "field 'uom' is given without 'quantity'", "only given together with one"),
                Arguments.of("transformation-with-action.json", EVENT + "/action",
                        "a TransformationEvent has no action field", "section 7.4.5"),
                Arguments.of("transformation-without-outputs.json", EVENT,
                        "TransformationEvent has no inputs and outputs, nor a transformationID with inputs or outputs",
                        "section 7.4.5"),
                Arguments.of("error-declaration-without-time.json", EVENT + "/errorDeclaration",
                        "missing required field 'declarationTime'", "section 7.4.1.2"),
                Arguments.of("unknown-event-type.json", EVENT + "/type",
                        "invalid value \"InspectionEvent\"", "namespaced extension event type"),
                Arguments.of("ilmd-on-observe.json", EVENT + "/ilmd",
                        "ilmd on an ObjectEvent whose action is not ADD", "only given when action is ADD"),
                Arguments.of("object-event-without-objects.json", EVENT,
                        "ObjectEvent names no objects", "section 7.4.2"),
                Arguments.of("sensor-report-without-type.json", EVENT + "/sensorElementList/0/sensorReport/0",
                        "missing required field 'type'", "section 7.3.6"),
                Arguments.of("cbv-value-as-uri.json", EVENT + "/bizStep",
                        "invalid value \"urn:epcglobal:cbv:bizstep:shipping\"", "bare name"),
                Arguments.of("epc-list-not-an-array.json", EVENT + "/epcList",
                        "value \"urn:epc:id:sgtin:4012345.011111.1001\" has the wrong type", "a JSON array"),
                Arguments.of("missing-context.json", "(document root)",
                        "missing required field '@context'", "section 10"),
                Arguments.of("single-event-without-context.json", "(document root)",
                        "missing required field '@context'", "carries its own JSON-LD @context"),
                Arguments.of("unknown-document-type.json", "/type",
                        "value \"EPCISMasterDataDocument\" is not allowed", "EPCISDocument, EPCISQueryDocument"),
                Arguments.of("event-not-an-object.json", EVENT,
                        "value \"ObjectEvent\" has the wrong type", "a JSON object"),
                Arguments.of("results-body-empty.json", "/epcisBody/queryResults/resultsBody",
                        "query results carry neither eventList nor vocabularyList", "section 8.2"),
                Arguments.of("malformed.json", "line 8, column 67",
                        "malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate"
                                + " Object entries", "well-formed JSON"),
                Arguments.of("duplicate-field.json", "line 9, column 90",
                        "duplicate field 'action'", "each field at most once"),
                Arguments.of("not-an-object.json", "line 1, column 1",
                        "the document is not a JSON object", "a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void reportsTheOneViolationWhereItIs(String file, String location, String message, String expectedPhrase) {
        List<Violation> violations = TestDocuments.validate("invalid/json/" + file);

        assertThat(violations).hasSize(1);
        Violation violation = violations.get(0);
        assertThat(violation.location()).hasToString(location);
        assertThat(violation.message()).isEqualTo(message);
        assertThat(violation.expected()).contains(expectedPhrase);
    }
}
