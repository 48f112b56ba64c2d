package io.tracewell.epcis.format.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.conformance.Difference;
import io.tracewell.epcis.conformance.JsonSemanticComparator;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.model.EpcisDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every GS1 JSON-LD example under {@code gs1.dir}/JSON: read, written, read again to an equal model, and the
 * written document compared by meaning with the original. Files that cannot be read, or whose rewrite differs,
 * are listed here with the reason; any other outcome fails.
 */
@Tag("conformance")
class JsonLdConformanceTest {

    /** Examples that are rejected, with the start of the error message. */
    private static final Map<String, String> UNREADABLE = Map.of(
            "AssociationEvent/AssociationEvent-h.jsonld",
            // The example's event has "eventID" twice; JSON gives duplicate names no meaning and a last-wins
            // parser would silently drop one of the two identifiers.
            "/epcisBody/eventList/0/eventID (line 15, column 14): malformed JSON: Duplicate field 'eventID'");

    /** Examples whose rewrite differs from the original by meaning, with the pointer of the first difference. */
    private static final Map<String, String> REWRITTEN = Map.of(
            "Example-TransactionEvents-2020_07_03y.jsonld",
            // Its @context coerces rail:* members to xsd:integer/xsd:boolean. The reader applies the coercion
            // (the values become typed, written as JSON numbers and booleans); the term definitions themselves
            // have no place in the model and are not written back.
            "/@context");

    private static Path jsonDir() {
        String dir = System.getProperty("gs1.dir");
        assertThat(dir).as("system property gs1.dir (set by the parent pom)").isNotBlank();
        Path json = Path.of(dir).resolve("JSON");
        assertThat(json).isDirectory();
        return json;
    }

    @Test
    void everyGs1JsonExampleReadsWritesAndReadsBackEqual() throws IOException {
        Path root = jsonDir();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".jsonld") || f.toString().endsWith(".json"))
                    .sorted().toList();
        }
        assertThat(files).as("GS1 JSON examples").hasSizeGreaterThan(40);

        Map<String, String> unreadable = new TreeMap<>();
        Map<String, String> rewritten = new TreeMap<>();
        JsonSemanticComparator comparator = new JsonSemanticComparator();
        int roundTripped = 0;
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            byte[] original = Files.readAllBytes(file);
            EpcisDocument first;
            try {
                first = JsonLd.read(original);
            } catch (EpcisFormatException e) {
                unreadable.put(name, e.getMessage());
                continue;
            }
            byte[] written = JsonLd.write(first, false);
            EpcisDocument again = JsonLd.read(written);
            assertThat(again).as("read, write, read of %s", name).isEqualTo(first);
            roundTripped++;
            Optional<Difference> difference = comparator.compare(original, written);
            difference.ifPresent(d -> rewritten.put(name, d.toString()));
        }

        assertThat(unreadable.keySet()).as("examples that cannot be read: %s", unreadable)
                .isEqualTo(UNREADABLE.keySet());
        UNREADABLE.forEach((name, message) -> assertThat(unreadable.get(name)).startsWith(message));
        assertThat(rewritten.keySet()).as("examples whose rewrite differs: %s", rewritten)
                .isEqualTo(REWRITTEN.keySet());
        REWRITTEN.forEach((name, pointer) -> assertThat(rewritten.get(name)).startsWith(pointer));
        assertThat(roundTripped).isEqualTo(files.size() - UNREADABLE.size());
    }
}
