package io.tracewell.epcis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Small valid documents of every kind the validator accepts, covering the fields each rule turns on. */
class ValidDocumentTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "object-event.xml",
        "all-event-types.xml",
        "query-document.xml",
        "master-data.xml",
        "object-event.jsonld",
        "all-event-types.jsonld",
        "query-document.jsonld",
        "master-data-query-result.jsonld",
        "single-event.jsonld"})
    void hasNoViolations(String file) {
        assertThat(TestDocuments.validate("valid/" + file)).isEmpty();
    }
}
