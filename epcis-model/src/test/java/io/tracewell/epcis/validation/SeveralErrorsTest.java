package io.tracewell.epcis.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tracewell.epcis.format.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator reports every error of a document, not only the first, in document order. */
class SeveralErrorsTest {

    @Test
    void xmlReportsEveryErrorInDocumentOrder() {
        List<Violation> violations = TestDocuments.validate("invalid/xml/several-errors.xml");

        assertThat(violations)
                .extracting(v -> v.location().toString(), Violation::message)
                .containsExactly(
                        tuple("line 7, column 51", "invalid value '2024-03-01T09:30:00' of element 'eventTime'"),
                        tuple("line 8, column 57", "invalid value '+1:00' of element 'eventTimeZoneOffset'"),
                        tuple("line 10, column 33", "invalid value 'observe' of element 'action'"),
                        tuple("line 12, column 25", "AggregationEvent with action ADD or DELETE has no parentID"),
                        tuple("line 17, column 25", "TransactionEvent names no objects"),
                        tuple("line 20, column 30", "element 'bizTransactionList' is incomplete"));
        assertThat(violations.get(5).expected()).isEqualTo("bizTransaction");
    }

    @Test
    void jsonReportsEveryErrorInDocumentOrder() {
        List<Violation> violations = TestDocuments.validate("invalid/json/several-errors.json");

        assertThat(violations)
                .extracting(v -> v.location().toString(), Violation::message)
                .containsExactly(
                        tuple("/epcisBody/eventList/0/eventTime", "invalid value \"2024-03-01T09:30:00\""),
                        tuple("/epcisBody/eventList/0/eventTimeZoneOffset", "invalid value \"+1:00\""),
                        tuple("/epcisBody/eventList/0/action", "value \"observe\" is not allowed"),
                        tuple("/epcisBody/eventList/1", "missing required field 'parentID'"),
                        tuple("/epcisBody/eventList/2/bizTransactionList", "empty list"),
                        tuple("/epcisBody/eventList/2", "TransactionEvent names no objects"));
    }

    @Test
    void theLimitAlsoStopsAnXmlRun() {
        List<Violation> violations;
        try (var in = TestDocuments.open("invalid/xml/several-errors.xml")) {
            violations = DocumentValidator.withMaxViolations(3).validate(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(violations).extracting(v -> v.location().toString()).containsExactly(
                "line 7, column 51", "line 8, column 57", "line 10, column 33", "(document)");
        assertThat(violations.get(3).message()).isEqualTo("validation stopped after 3 violations; the document may have more");
    }

    @Test
    void aViolationLimitCutsTheReportShortAndSaysSo() {
        List<Violation> violations;
        try (var in = TestDocuments.open("invalid/json/several-errors.json")) {
            violations = DocumentValidator.withMaxViolations(2).validate(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(violations).hasSize(3);
        assertThat(violations.get(1).location()).hasToString("/epcisBody/eventList/0/eventTimeZoneOffset");
        assertThat(violations.get(2).location()).isEqualTo(SourceLocation.NONE);
        assertThat(violations.get(2).message()).isEqualTo("validation stopped after 2 violations; the document may have more");
    }
}
