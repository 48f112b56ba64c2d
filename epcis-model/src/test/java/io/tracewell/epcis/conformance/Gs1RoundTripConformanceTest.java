package io.tracewell.epcis.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GS1 example document, converted into the other binding and back, means the same as the original: JSON-LD
 * → XML → JSON-LD compared with {@link JsonSemanticComparator}, XML → JSON-LD → XML with
 * {@link XmlSemanticComparator}. Files that are not EPCIS documents are reported as skipped with the reason;
 * invalid documents must be rejected where they break the rules; every exclusion and every known difference is
 * listed in docs/formats.md under "Conformance exclusions".
 */
@Tag("conformance")
class Gs1RoundTripConformanceTest {

    /**
     * Differences that the bindings cannot avoid, by file: the exact locations that are expected to differ (so that
     * any other difference, or the disappearance of one of these, still fails). Reasons in docs/formats.md.
     */
    static final Map<String, List<String>> KNOWN_DIFFERENCES = Map.of(
            "JSON/Example-TransactionEvents-2020_07_03y.jsonld", List.of("/@context"),
            "JSON-simple-context/Example-TransactionEvents-2020_07_03y.jsonld", List.of("/@context"));

    static Stream<Gs1Examples.Example> examples() {
        return Gs1Examples.all(Gs1Examples.gs1Dir()).stream();
    }

    static Stream<Gs1Examples.Example> invalidExamples() {
        return examples().filter(e -> e.invalid() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void roundTripKeepsTheMeaning(Gs1Examples.Example example) throws IOException {
        Assumptions.assumeTrue(example.included(), () -> "excluded: " + example.exclusion());
        RoundTrip trip = RoundTrip.of(example.format(), Files.readAllBytes(example.file()));
        List<String> known = KNOWN_DIFFERENCES.getOrDefault(example.relative(), List.of());
        assertThat(trip.differences())
                .as(() -> example.relative() + " " + direction(example.format()) + ":\n" + trip.report())
                .extracting(Difference::location)
                .containsExactlyElementsOf(known);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void invalidExamplesAreRejectedWhereTheyBreakTheRules(Gs1Examples.Example example) throws IOException {
        byte[] bytes = Files.readAllBytes(example.file());
        EpcisFormatException e = catchThrowableOfType(EpcisFormatException.class,
                () -> EpcisFormats.readDocument(new ByteArrayInputStream(bytes)));
        assertThat(e).as("%s is rejected", example.relative()).isNotNull();
        assertThat(e.location().pointer()).isEqualTo(example.invalid().pointer());
        assertThat(e.location().line()).isPositive();
        assertThat(e.problem()).isNotBlank();
    }

    @Test
    void everyExampleFolderHoldsDocumentsOfItsBinding() {
        List<Gs1Examples.Example> all = Gs1Examples.all(Gs1Examples.gs1Dir());
        for (String folder : List.of("JSON/", "JSON-simple-context/", "XML/")) {
            assertThat(all).filteredOn(e -> e.relative().startsWith(folder) && e.included())
                    .as("included documents in %s", folder)
                    .isNotEmpty();
        }
        assertThat(all).filteredOn(e -> e.included() && e.relative().endsWith(".xml"))
                .allMatch(e -> e.format() == Format.XML);
        assertThat(Gs1Examples.INVALID.keySet()).as("every listed invalid example exists")
                .allMatch(relative -> all.stream().anyMatch(e -> e.relative().equals(relative)));
    }

    @Test
    void everyExclusionAndKnownDifferenceIsDocumented() throws IOException {
        String formats = Files.readString(Path.of("..", "docs", "formats.md"));
        int section = formats.indexOf("## Conformance exclusions");
        assertThat(section).as("docs/formats.md has a section 'Conformance exclusions'").isNotNegative();
        String exclusions = formats.substring(section);
        for (Gs1Examples.Example example : Gs1Examples.all(Gs1Examples.gs1Dir())) {
            if (!example.included() || KNOWN_DIFFERENCES.containsKey(example.relative())) {
                assertThat(exclusions).as("docs/formats.md lists %s", example.relative())
                        .contains("`" + example.relative() + "`");
            }
        }
    }

    private static String direction(Format format) {
        return format == Format.XML ? "XML → JSON-LD → XML" : "JSON-LD → XML → JSON-LD";
    }
}
