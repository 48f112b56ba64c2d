package io.tracewell.epcis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each invalid XML document breaks one rule and gets exactly one violation, at the right line and column,
 * with a message that names the problem and an expectation that says what the standard wants.
 */
class XmlInvalidDocumentTest {

    static Stream<Arguments> documents() {
        return Stream.of(
                // file, location, message, a phrase the expectation must contain
                Arguments.of("missing-action.xml", "line 10, column 18",
                        "unexpected element 'bizStep'", "action"),
                Arguments.of("bad-action.xml", "line 10, column 30",
                        "invalid value 'MOVE' of element 'action'", "one of ADD, OBSERVE, DELETE"),
                Arguments.of("bad-time-zone-offset.xml", "line 8, column 58",
                        "invalid value '+15:00' of element 'eventTimeZoneOffset'", "[+-]HH:MM between -14:00 and +14:00"),
                Arguments.of("date-time-without-zone.xml", "line 7, column 51",
                        "invalid value '2024-03-01T09:30:00' of element 'eventTime'", "xsd:dateTime with a time zone"),
                Arguments.of("impossible-date.xml", "line 7, column 52",
                        "invalid value '2024-02-30T09:30:00Z' of element 'eventTime'", "xsd:dateTime with a time zone"),
                Arguments.of("transaction-without-biztransactionlist.xml", "line 9, column 18",
                        "unexpected element 'epcList'", "bizTransactionList"),
                Arguments.of("association-without-parent.xml", "line 9, column 20",
                        "unexpected element 'childEPCs'", "parentID"),
                Arguments.of("aggregation-add-without-parent.xml", "line 6, column 25",
                        "AggregationEvent with action ADD or DELETE has no parentID", "section 7.4.3"),
                Arguments.of("quantity-without-epcclass.xml", "line 11, column 38",
                        "unexpected element 'quantity'", "epcClass"),
                Arguments.of("quantity-not-numeric.xml", "line 13, column 38",
                        "invalid value 'five' of element 'quantity'", "a finite number"),
                Arguments.of("uom-without-quantity.xml", "line 13, column 18",
                        "unexpected element 'uom'", "quantity"),
                Arguments.of("transformation-with-action.xml", "line 11, column 17",
                        "unexpected element 'action'", "transformationID"),
                Arguments.of("transformation-without-outputs.xml", "line 6, column 28",
                        "TransformationEvent has no inputs and outputs, nor a transformationID with inputs or outputs",
                        "section 7.4.5"),
                Arguments.of("error-declaration-without-time.xml", "line 9, column 27",
                        "errorDeclaration without exactly one declarationTime", "section 7.4.1.2"),
                Arguments.of("unqualified-extension.xml", "line 11, column 20",
                        "unexpected element 'batchNote'", "an extension element in a namespace of its own"),
                Arguments.of("unknown-attribute.xml", "line 6, column 36",
                        "attribute 'priority' is not allowed on element 'ObjectEvent'", "namespace of their own"),
                Arguments.of("ilmd-on-observe.xml", "line 11, column 15",
                        "ilmd on an ObjectEvent whose action is not ADD", "only given when action is ADD"),
                Arguments.of("object-event-without-objects.xml", "line 6, column 20",
                        "ObjectEvent names no objects", "section 7.4.2"),
                Arguments.of("sensor-report-without-type.xml", "line 13, column 50",
                        "sensorReport without type", "section 7.3.6"),
                Arguments.of("unknown-event-type.xml", "line 6, column 24",
                        "unexpected element 'InspectionEvent'", "ObjectEvent, AggregationEvent"),
                Arguments.of("creation-date-without-zone.xml", "line 2, column 117",
                        "invalid value '2024-03-01T10:00:00' of attribute 'creationDate' on element 'epcis:EPCISDocument'",
                        "xsd:dateTime with a time zone"),
                Arguments.of("quantity-infinite.xml", "line 13, column 37",
                        "invalid value 'INF' of element 'quantity'", "a finite number"),
                Arguments.of("uom-not-a-code.xml", "line 14, column 32",
                        "invalid value 'kilogram' of element 'uom'", "UN/CEFACT Recommendation 20"),
                Arguments.of("missing-creation-date.xml", "line 2, column 82",
                        "missing attribute 'creationDate' on element 'epcis:EPCISDocument'", "creationDate"),
                Arguments.of("malformed.xml", "line 7, column 9",
                        "malformed XML: The element type \"ObjectEvent\" must be terminated by the matching end-tag"
                                + " \"</ObjectEvent>\".", "well-formed XML"),
                Arguments.of("epcis-1.2-namespace.xml", "line 2, column 118",
                        "root element {urn:epcglobal:epcis:xsd:1}EPCISDocument is in the EPCIS 1.x namespace"
                                + " urn:epcglobal:epcis:xsd:1; this is an EPCIS 1.x document, not EPCIS 2.0",
                        "urn:epcglobal:epcis:xsd:2"),
                Arguments.of("not-epcis.xml", "line 2, column 43",
                        "root element {https://example.com/orders}order is not an EPCIS 2.0 document",
                        "EPCISDocument in namespace urn:epcglobal:epcis:xsd:2"),
                Arguments.of("xxe.xml", "line 3, column 47",
                        "DTD refused: the DTD declares external entity 'secret' (file:///etc/passwd)",
                        "without a DTD"),
                Arguments.of("billion-laughs.xml", "line 3, column 22",
                        "DTD refused: the DTD declares entity 'lol'", "entity expansion"),
                Arguments.of("external-dtd.xml", "line 2, column 73",
                        "DTD refused: the document type declaration refers to an external DTD"
                                + " (http://attacker.example/epcis.dtd)", "without a DTD"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void reportsTheOneViolationWhereItIs(String file, String location, String message, String expectedPhrase) {
        List<Violation> violations = TestDocuments.validate("invalid/xml/" + file);

        assertThat(violations).hasSize(1);
        Violation violation = violations.get(0);
        assertThat(violation.location()).hasToString(location);
        assertThat(violation.message()).isEqualTo(message);
        assertThat(violation.expected()).contains(expectedPhrase);
    }
}
