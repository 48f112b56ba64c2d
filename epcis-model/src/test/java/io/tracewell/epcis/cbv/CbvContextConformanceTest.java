package io.tracewell.epcis.cbv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our vocabulary tables against the standard's JSON-LD context files: the same terms, and each term's expanded IRI
 * equals our Web URI.
 */
@Tag("conformance")
class CbvContextConformanceTest {

    private static final Map<CbvVocabulary, Function<String, CbvValue>> PARSERS = Map.of(
            CbvVocabulary.BIZ_STEP, BizStep::of,
            CbvVocabulary.DISPOSITION, Disposition::of,
            CbvVocabulary.BIZ_TRANSACTION_TYPE, BizTransactionType::of,
            CbvVocabulary.SOURCE_DEST_TYPE, SourceDestType::of,
            CbvVocabulary.ERROR_REASON, ErrorReason::of,
            CbvVocabulary.SENSOR_MEASUREMENT_TYPE, SensorMeasurementType::of,
            CbvVocabulary.SENSOR_ALERT_TYPE, SensorAlertType::of,
            CbvVocabulary.SENSOR_COMPONENT, SensorComponent::of);

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "BIZ_STEP, cbv-context-bizstep.jsonld",
        "DISPOSITION, cbv-context-disposition.jsonld",
        "BIZ_TRANSACTION_TYPE, cbv-context-biztransaction-type.jsonld",
        "SOURCE_DEST_TYPE, cbv-context-sourcedest-type.jsonld",
        "ERROR_REASON, cbv-context-error-reason.jsonld",
        "SENSOR_MEASUREMENT_TYPE, gs1-context-measurement-type.jsonld",
        "SENSOR_ALERT_TYPE, gs1-context-sensor-alert-type.jsonld",
        "SENSOR_COMPONENT, cbv-context-component.jsonld",
    })
    void sameTermsAndIrisAsTheJsonLdContext(CbvVocabulary vocabulary, String file) throws IOException {
        String dir = System.getProperty("gs1.dir");
        if (dir == null) {
            fail("system property gs1.dir (GS1 reference folder) is not set");
        }
        JsonNode context = new ObjectMapper().readTree(Path.of(dir, "JSON-LD-Context", file).toFile())
                .get("@context");
        List<String> terms = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String term = e.getKey();
            if (term.startsWith("@") || term.equals("cbv") || term.equals("gs1")) {
                continue;
            }
            terms.add(term);
            String compact = e.getValue().asText();
            String prefix = compact.substring(0, compact.indexOf(':'));
            String iri = context.get(prefix).asText() + compact.substring(prefix.length() + 1);
            CbvValue value = PARSERS.get(vocabulary).apply(term);
            assertThat(value.isStandard()).as(term).isTrue();
            assertThat(value.toWebUri()).as(term).isEqualTo(iri);
            assertThat(value.toCurie()).as(term).isEqualTo(compact);
            assertThat(PARSERS.get(vocabulary).apply(iri)).isEqualTo(value);
        }
        assertThat(vocabulary.terms()).containsExactlyInAnyOrderElementsOf(terms);
    }
}
