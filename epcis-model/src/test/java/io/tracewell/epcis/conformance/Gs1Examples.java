package io.tracewell.epcis.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.format.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * The GS1 example files under {@code gs1.dir}: every {@code .json}, {@code .jsonld} and {@code .xml} file in the
 * example folders, each either an EPCIS document to round-trip or excluded with the reason. The classification
 * reads each file's root (JSON {@code type}, XML root element), so a new example is picked up without a change
 * here.
 */
final class Gs1Examples {

    /** The example folders of the GS1 artefacts (the JSON-LD examples exist with the full and the simple context). */
    static final List<String> FOLDERS = List.of("JSON", "JSON-simple-context", "XML");

    /** An example that is not a valid EPCIS document: the reader must reject it, at {@code pointer}. */
    record Invalid(String pointer, String reason) {
    }

    private static final String SENSOR_TYPE = "a sensor element has a member 'type', which the EPCIS 2.0 JSON "
            + "schema does not allow there (sensorElement: sensorMetadata, sensorReport and extensions only)";

    /** GS1 examples that break the EPCIS 2.0 JSON schema or RFC 8259; each is rejected with its location. */
    static final Map<String, Invalid> INVALID = Map.ofEntries(
            invalid("JSON/AssociationEvent/AssociationEvent-h.jsonld", "/epcisBody/eventList/0/eventID",
                    "the event has the member 'eventID' twice (RFC 8259 §4: names should be unique; which one "
                            + "a JSON-LD processor keeps is undefined)"),
            invalid("JSON-simple-context/AssociationEvent/AssociationEvent-h.jsonld",
                    "/epcisBody/eventList/0/eventID", "the event has the member 'eventID' twice (as above)"),
            invalid("JSON-simple-context/PersistentDisposition-example.jsonld", "/epcisBody/eventList/0/id",
                    "the events carry their identifier as 'id'; the EPCIS 2.0 JSON schema names it 'eventID'"),
            invalid("JSON-simple-context/WithFullCombinationOfFields/aggregation_event_all_possible_fields.jsonld",
                    "/epcisBody/eventList/0/sensorElementList/0/type", SENSOR_TYPE),
            invalid("JSON-simple-context/WithFullCombinationOfFields/association_event_all_possible_fields.jsonld",
                    "/epcisBody/eventList/0/sensorElementList/0/type", SENSOR_TYPE),
            invalid("JSON-simple-context/WithFullCombinationOfFields/object_event_all_possible_fields.jsonld",
                    "/epcisBody/eventList/0/sensorElementList/0/type", SENSOR_TYPE),
            invalid("JSON-simple-context/WithFullCombinationOfFields/transaction_event_all_possible_fields.jsonld",
                    "/epcisBody/eventList/0/sensorElementList/0/type", SENSOR_TYPE),
            invalid("JSON-simple-context/WithFullCombinationOfFields/"
                    + "transformation_event_all_possible_fields.jsonld",
                    "/epcisBody/eventList/0/sensorElementList/0/type", SENSOR_TYPE),
            invalid("JSON-simple-context/WithSensorData/SensorDataExample12.jsonld",
                    "/epcisBody/eventList/0/sensorElementList/0/type", SENSOR_TYPE),
            invalid("JSON-simple-context/WithSensorData/SensorDataExample14.jsonld",
                    "/epcisBody/eventList/0/sensorElementList/0/type", SENSOR_TYPE),
            invalid("JSON-simple-context/WithSensorData/SensorDataExample15.jsonld",
                    "/epcisBody/eventList/0/sensorElementList/0/type", SENSOR_TYPE),
            invalid("JSON-simple-context/WithSensorData/SensorDataExample17.jsonld", "/schemaVersion",
                    "'schemaVersion' is the number 2.0; the EPCIS 2.0 JSON schema wants the string \"2.0\""));

    private static Map.Entry<String, Invalid> invalid(String relative, String pointer, String reason) {
        return Map.entry(relative, new Invalid(pointer, reason));
    }

    private Gs1Examples() {
    }

    /**
     * @param relative  the path under {@code gs1.dir}, with '/' separators
     * @param exclusion why the file is not round-tripped, or {@code null} when it is
     */
    record Example(Path file, String relative, Format format, String exclusion) {
        boolean included() {
            return exclusion == null;
        }

        /** Where the reader must reject this example, when it is an invalid document. */
        Invalid invalid() {
            return INVALID.get(relative);
        }

        @Override
        public String toString() {
            return relative;
        }
    }

    /** The GS1 folder from the {@code gs1.dir} system property that the parent pom sets. */
    static Path gs1Dir() {
        String dir = System.getProperty("gs1.dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property gs1.dir is not set; run with -Pconformance "
                    + "(the parent pom points it at ../shared/gs1) or -Dgs1.dir=/path/to/gs1");
        }
        Path path = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(path.resolve("XML")) || !Files.isDirectory(path.resolve("JSON"))) {
            throw new IllegalStateException("gs1.dir " + path + " has no XML and JSON example folders");
        }
        return path;
    }

    static List<Example> all(Path gs1) {
        List<Example> examples = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = gs1.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> name(f).endsWith(".json") || name(f).endsWith(".jsonld")
                                || name(f).endsWith(".xml"))
                        .sorted(Comparator.comparing(Path::toString))
                        .forEach(f -> examples.add(classify(gs1, f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return examples;
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private static Example classify(Path gs1, Path file) {
        String relative = gs1.relativize(file).toString().replace('\\', '/');
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (name(file).endsWith(".xml")) {
                Element root = SafeXml.parse(bytes, relative).getDocumentElement();
                String reason = switch (root.getLocalName()) {
                    case "EPCISDocument", "EPCISQueryDocument" -> null;
                    case "EPCISCaptureJob" -> "a capture job resource of the REST binding (EPCIS 2.0 §12.4), "
                            + "not an EPCIS document";
                    case "EPCISMasterDataDocument" -> "an EPCIS 1.x-style master data document; Tracewell reads "
                            + "master data in the header of an EPCISDocument, and JSON-LD has no master data "
                            + "document";
                    default -> "root element " + root.getTagName() + " is not an EPCIS document";
                };
                return new Example(file, relative, Format.XML, reason);
            }
            Invalid invalid = INVALID.get(relative);
            if (invalid != null) {
                return new Example(file, relative, Format.JSON_LD, "invalid: " + invalid.reason());
            }
            JsonNode root = new ObjectMapper().readTree(bytes);
            String type = root.path("type").asText("");
            String reason = type.equals("EPCISDocument") || type.equals("EPCISQueryDocument") ? null
                    : "JSON type '" + type + "' is not an EPCIS document";
            return new Example(file, relative, Format.JSON_LD, reason);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            return new Example(file, relative, null, "not parseable: " + e.getMessage());
        }
    }
}
