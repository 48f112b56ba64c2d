package io.tracewell.epcis.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance against GS1's EPCIS 2.0 artefacts (folder from {@code -Dgs1.dir}):
 *
 * <ol>
 *   <li>every GS1 example document, JSON and XML, passes our validator;
 *   <li>over GS1's examples and our own test documents, our JSON Schema and GS1's ratified JSON Schema
 *       accept the same documents, and so do our XSDs and GS1's ratified XSDs, except for the
 *       differences listed here and in docs/schemas.md, each of which is asserted in its direction.
 * </ol>
 */
@Tag("conformance")
class Gs1ConformanceTest {

    /** GS1 files that are not EPCIS documents; the validator rightly refuses them. */
    private static final Map<String, String> NOT_EPCIS_DOCUMENTS = Map.of(
            "XML/CaptureJob/", "capture job resources of the REST binding, not EPCIS documents");

    /**
     * GS1 examples our validator rejects on purpose, with the one violation it reports. The schemas agree
     * on them (checked below): the objection is at the syntax level.
     */
    private static final Map<String, String> REJECTED_EXAMPLES = Map.of(
            "JSON/AssociationEvent/AssociationEvent-h.jsonld",
            "line 15, column 14: duplicate field 'eventID' (expected: each field at most once in an object"
                    + " (RFC 8259 section 4))");

    /** Documents our schema rejects and GS1's ratified schema accepts: rules GS1's schema does not state, or
     *  states in the other binding only. */
    private static final Map<String, String> STRICTER_JSON = Map.of(
            "invalid/json/aggregation-add-without-parent.json",
            "EPCIS 2.0 section 7.4.3: parentID required for action ADD and DELETE",
            "invalid/json/uom-without-quantity.json",
            "EPCIS 2.0 section 7.3.3.3: uom only together with quantity");

    private static final Map<String, String> STRICTER_XML = Map.of(
            "invalid/xml/bad-time-zone-offset.xml",
            "eventTimeZoneOffset has a [+-]HH:MM pattern here; GS1's XSD types it xsd:string",
            "invalid/xml/unknown-attribute.xml",
            "unqualified attributes the standard does not define are rejected; GS1's XSD accepts any attribute",
            "invalid/xml/creation-date-without-zone.xml",
            "creationDate needs a time zone here; GS1's base schema types it plain xsd:dateTime",
            "invalid/xml/quantity-infinite.xml",
            "quantity is a finite number here; GS1's XSD accepts xsd:double INF and NaN",
            "invalid/xml/uom-not-a-code.xml",
            "uom is a UN/CEFACT Rec. 20 code here, as in GS1's JSON Schema; GS1's XSD types it xsd:string");

    /** Documents our schema accepts and GS1's ratified schema rejects. */
    private static final Map<String, String> LOOSER_JSON = Map.of(
            "valid/master-data-query-result.jsonld",
            "master data query results carry a vocabularyList without an eventList; GS1's schema requires eventList");

    /** Our test documents that cannot be compared at schema level, and why. */
    private static final Map<String, String> NOT_COMPARABLE = Map.of(
            "invalid/json/malformed.json", "not well-formed JSON: no schema sees it",
            "invalid/xml/malformed.xml", "not well-formed XML: no schema sees it",
            "invalid/xml/xxe.xml", "refused before parsing for security; feeding it to a schema validator is the attack",
            "invalid/xml/billion-laughs.xml", "refused before parsing for security; feeding it to a schema validator is the attack",
            "invalid/xml/external-dtd.xml", "refused before parsing for security; its DTD would be fetched");

    private static Gs1Artefacts gs1;
    private static Schema gs1Json;
    private static javax.xml.validation.Schema gs1Xml;
    private static Path ours;
    private static final ObjectMapper LENIENT = new ObjectMapper();

    @BeforeAll
    static void load() throws URISyntaxException {
        gs1 = Gs1Artefacts.fromSystemProperty();
        gs1Json = gs1.ratifiedJsonSchema();
        gs1Xml = gs1.ratifiedXmlSchema();
        ours = Path.of(Gs1ConformanceTest.class.getResource("/validation").toURI());
    }

    @TestFactory
    Stream<DynamicTest> everyGs1JsonExamplePassesOurValidator() {
        return gs1.files("JSON", ".jsonld", ".json").stream()
                .map(file -> dynamicTest(gs1.relative(file), () -> assertPassesOrRejectedOnPurpose(file)));
    }

    @TestFactory
    Stream<DynamicTest> everyGs1XmlExamplePassesOurValidator() {
        return gs1.files("XML", ".xml").stream()
                .map(file -> dynamicTest(gs1.relative(file), () -> {
                    String relative = gs1.relative(file);
                    NOT_EPCIS_DOCUMENTS.forEach((prefix, reason) ->
                            Assumptions.assumeFalse(relative.startsWith(prefix), "skipped: " + reason));
                    assertPassesOrRejectedOnPurpose(file);
                }));
    }

    @TestFactory
    Stream<DynamicTest> ourJsonSchemaAndGs1sAcceptTheSameDocuments() {
        List<Path> corpus = new ArrayList<>(gs1.files("JSON", ".jsonld", ".json"));
        corpus.addAll(gs1.files("XML", ".json"));
        // The examples rewritten for the "simple" context: not all valid (blank node ids, a source list
        // written as an object), which makes them good material for the comparison.
        corpus.addAll(gs1.files("JSON-simple-context", ".jsonld", ".json"));
        corpus.addAll(ourDocuments(".json", ".jsonld"));
        return corpus.stream().map(file -> dynamicTest(name(file), () -> {
            Assumptions.assumeFalse(NOT_COMPARABLE.containsKey(name(file)), () -> NOT_COMPARABLE.get(name(file)));
            JsonNode document = LENIENT.readTree(file.toFile());
            List<String> oursErrors = Gs1Artefacts.jsonSchemaErrors(JsonSchemas.epcis2().root, document);
            List<String> gs1Errors = Gs1Artefacts.jsonSchemaErrors(gs1Json, document);
            if (LOOSER_JSON.containsKey(name(file))) {
                assertThat(oursErrors).as("ours accepts " + name(file) + ": " + LOOSER_JSON.get(name(file))).isEmpty();
                assertThat(gs1Errors).as("GS1 rejects " + name(file)).isNotEmpty();
                return;
            }
            assertAgreement(name(file), oursErrors, gs1Errors, STRICTER_JSON);
        }));
    }

    @TestFactory
    Stream<DynamicTest> ourXsdAndGs1sAcceptTheSameDocuments() {
        List<Path> corpus = new ArrayList<>(gs1.files("XML", ".xml"));
        corpus.addAll(ourDocuments(".xml"));
        return corpus.stream().map(file -> dynamicTest(name(file), () -> {
            Assumptions.assumeFalse(NOT_COMPARABLE.containsKey(name(file)), () -> NOT_COMPARABLE.get(name(file)));
            List<String> oursErrors = Gs1Artefacts.xmlSchemaErrors(XmlSchemas.epcis2(), file);
            List<String> gs1Errors = Gs1Artefacts.xmlSchemaErrors(gs1Xml, file);
            assertAgreement(name(file), oursErrors, gs1Errors, STRICTER_XML);
        }));
    }

    private static void assertPassesOrRejectedOnPurpose(Path file) throws IOException {
        List<Violation> violations;
        try (InputStream in = Files.newInputStream(file)) {
            violations = DocumentValidator.create().validate(in);
        }
        String expected = REJECTED_EXAMPLES.get(gs1.relative(file));
        if (expected == null) {
            assertThat(violations).as(gs1.relative(file)).isEmpty();
        } else {
            assertThat(violations).extracting(Violation::toString).containsExactly(expected);
        }
    }

    private static void assertAgreement(String name, List<String> oursErrors, List<String> gs1Errors,
            Map<String, String> stricter) {
        if (stricter.containsKey(name)) {
            assertThat(oursErrors).as("ours rejects " + name + ": " + stricter.get(name)).isNotEmpty();
            assertThat(gs1Errors).as("GS1 accepts " + name).isEmpty();
        } else {
            assertThat(oursErrors.isEmpty())
                    .as("%s: ours %s (%s), GS1 %s (%s)", name, verdict(oursErrors), oursErrors, verdict(gs1Errors), gs1Errors)
                    .isEqualTo(gs1Errors.isEmpty());
        }
    }

    private static String verdict(List<String> errors) {
        return errors.isEmpty() ? "accepts" : "rejects";
    }

    private static List<Path> ourDocuments(String... suffixes) {
        try (Stream<Path> walk = Files.walk(ours)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        return file.startsWith(ours) ? ours.relativize(file).toString() : gs1.relative(file);
    }
}
