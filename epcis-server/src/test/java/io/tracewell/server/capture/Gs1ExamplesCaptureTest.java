package io.tracewell.server.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.validation.DocumentValidator;
import io.tracewell.epcis.validation.Violation;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every GS1 example EPCISDocument and EPCISQueryDocument that our validator accepts goes through
 * {@code POST /capture}, and every one of its events comes back from {@code GET /events/{eventID}} in the other
 * format (XML in, JSON-LD out; JSON-LD in, XML out) with the same meaning, read back with our readers: equal
 * as model values once the recordTime the repository sets is left aside. An event without eventID is looked up
 * by its CBV 2.0 hash ID.
 *
 * <p>The examples come from {@code gs1.dir} (the build sets it to the reactor's {@code ../shared/gs1}); the test
 * is skipped when they are not there. The XML and the JSON-LD examples go to two servers with databases of their
 * own, so that an XML event is never a duplicate of the JSON-LD event it was written from. Within one format
 * the same event recurs (the JSON examples exist with the full and the simple context): a repeated event is
 * not stored again, so it is compared with the copy that was stored first, found by that copy's eventID.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Gs1ExamplesCaptureTest {

    private static final Path DATA = Path.of("target", "gs1 examples capture test").toAbsolutePath();
    private static final List<String> FOLDERS = List.of("XML", "JSON", "JSON-simple-context");
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    private static final EventHasher HASHER = EventHasher.standard();
    /**
     * The examples outside {@code JSON-simple-context} that the validator rejects, with the reasons in
     * docs/schemas.md (the simple-context copies are mostly invalid, also listed there).
     */
    private static final Set<String> DOCUMENTED_REJECTIONS = Set.of(
            "JSON/AssociationEvent/AssociationEvent-h.jsonld",
            "XML/WithEventHashID/event_with_identical_hash_id_7.json");

    private Path gs1;
    private TestServers servers;
    private CaptureHttp xmlServer;
    private CaptureHttp jsonServer;

    /** An example file and how it is sent. */
    private record Example(Path file, String relative, Format format, String contentType) {}

    /** The event that was stored for a hash: the eventID it has in the store and the event as it was sent. */
    private record Stored(String eventID, EpcisEvent sent, String example) {}

    @BeforeAll
    void start() throws Exception {
        gs1 = gs1Dir();
        String skip = "the GS1 examples are not in " + gs1 + " (system property gs1.dir, by default the reactor's"
                + " ../shared/gs1), so there is nothing to capture";
        boolean present = Files.isDirectory(gs1.resolve("XML")) && Files.isDirectory(gs1.resolve("JSON"));
        if (!present) {
            System.err.println("Skipping " + getClass().getSimpleName() + ": " + skip);
        }
        assumeTrue(present, skip);
        servers = TestServers.embedded(DATA);
        xmlServer = new CaptureHttp(servers.main().baseUri());
        jsonServer = new CaptureHttp(servers.startOnFreshDatabase(Map.of()).baseUri());
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private static Path gs1Dir() {
        String property = System.getProperty("gs1.dir");
        Path dir = property == null || property.isBlank() ? Path.of("..", "..", "shared", "gs1") : Path.of(property);
        return dir.toAbsolutePath().normalize();
    }

    @Test
    void everyValidExampleIsCapturedAndEveryEventComesBackInTheOtherFormat() throws Exception {
        List<String> rejected = new ArrayList<>();
        List<String> notDocuments = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, Stored> storedByHash = new HashMap<>();
        int captured = 0;
        int events = 0;
        int repeated = 0;

        for (Example example : examples()) {
            String root = rootOf(example);
            if (!root.equals("EPCISDocument") && !root.equals("EPCISQueryDocument")) {
                notDocuments.add(example.relative() + " (" + root + ")");
                continue;
            }
            List<Violation> violations;
            try (InputStream in = Files.newInputStream(example.file())) {
                violations = DocumentValidator.create().validate(in, example.format());
            }
            if (!violations.isEmpty()) {
                rejected.add(example.relative() + ": " + violations.get(0));
                if (!example.relative().startsWith("JSON-simple-context/")
                        && !DOCUMENTED_REJECTIONS.contains(example.relative())) {
                    failures.add(example.relative() + ": rejected by the validator, which docs/schemas.md does not"
                            + " expect: " + violations);
                }
                continue;
            }
            List<EpcisEvent> sent;
            try (InputStream in = Files.newInputStream(example.file())) {
                sent = EpcisFormats.readDocument(in).events();
            }
            boolean xml = example.format() == Format.XML;
            CaptureHttp server = xml ? xmlServer : jsonServer;
            JsonObject job = server.awaitFinished(CaptureHttp.accepted(server.capture(example.contentType(), "rollback",
                    Files.readString(example.file(), StandardCharsets.UTF_8))), JOB_TIMEOUT);
            captured++;
            if (!job.getBoolean("success")) {
                failures.add(example.relative() + ": the capture job failed: " + job.encode());
                continue;
            }
            for (int i = 0; i < sent.size(); i++) {
                EpcisEvent event = sent.get(i);
                events++;
                String hash = HASHER.hashId(event).toString();
                String where = example.relative() + " event " + i;
                Stored expected = new Stored(event.eventID() != null ? event.eventID() : hash, event, where);
                if (event.errorDeclaration() == null) {
                    // Among events without an error declaration one hash is stored once (docs/store.md §3).
                    Stored first = storedByHash.putIfAbsent(xml + "|" + hash, expected);
                    if (first != null) {
                        expected = first;
                        repeated++;
                    }
                }
                CaptureHttp.StoredLookup lookup = server.events(expected.eventID(),
                        xml ? "application/json" : "application/xml");
                if (lookup.status() != 200) {
                    failures.add(where + ": GET /events/" + expected.eventID() + " answered " + lookup.status()
                            + ": " + lookup.body());
                    continue;
                }
                String want = comparable(expected.sent(), expected.eventID());
                List<String> got = lookup.events().stream().map(e -> comparable(e, e.eventID())).toList();
                if (!got.contains(want)) {
                    failures.add(where + (expected.example().equals(where) ? "" : " (stored as " + expected.example()
                            + ")") + " differs from what GET /events/" + expected.eventID() + " returns: "
                            + firstDifference(want, got));
                }
            }
        }

        System.out.println(getClass().getSimpleName() + ": captured " + captured + " examples with " + events
                + " events (" + repeated + " repeated an event stored before); not EPCIS documents: " + notDocuments
                + "; rejected by the validator (" + rejected.size() + "):\n  " + String.join("\n  ", rejected));
        assertThat(captured).as("examples captured").isGreaterThan(50);
        assertThat(failures).as("examples whose capture or events differ").isEmpty();
    }

    /** Where the sent event's text first differs from each stored one, with some context. */
    private static String firstDifference(String sent, List<String> stored) {
        StringBuilder out = new StringBuilder();
        for (String one : stored) {
            int at = 0;
            while (at < sent.length() && at < one.length() && sent.charAt(at) == one.charAt(at)) {
                at++;
            }
            int from = Math.max(0, at - 120);
            out.append("\n  sent:   ...").append(sent, from, Math.min(sent.length(), at + 120))
                    .append("\n  stored: ...").append(one, from, Math.min(one.length(), at + 120));
        }
        return out.toString();
    }

    private static final String XSD_STRING = "datatype={" + XMLConstants.W3C_XML_SCHEMA_NS_URI + "}string]";

    /**
     * The event as a value to compare: the repository's recordTime left aside, the eventID it must have in the
     * store, and an extension value typed {@code xsd:string} the same as an untyped one (XML's
     * {@code xsi:type="xsd:string"} has no JSON-LD form; docs/formats.md lists it among the equivalences). The
     * model's records print every component, so equal texts are equal events but for that one equivalence.
     */
    private static String comparable(EpcisEvent event, String eventID) {
        return event.withCommon(event.common().withRecordTime(null).withEventID(eventID)).toString()
                .replace(XSD_STRING, "datatype=null]");
    }

    private List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = gs1.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString))
                        .toList()) {
                    String name = file.getFileName().toString();
                    String relative = gs1.relativize(file).toString().replace('\\', '/');
                    if (name.endsWith(".xml")) {
                        examples.add(new Example(file, relative, Format.XML, "application/xml"));
                    } else if (name.endsWith(".jsonld")) {
                        examples.add(new Example(file, relative, Format.JSON_LD, "application/ld+json"));
                    } else if (name.endsWith(".json")) {
                        examples.add(new Example(file, relative, Format.JSON_LD, "application/json"));
                    }
                }
            }
        }
        return examples;
    }

    /** The local name of the root element, or the JSON {@code type}; a short reason when the file does not parse. */
    private static String rootOf(Example example) {
        try (InputStream in = Files.newInputStream(example.file())) {
            if (example.format() == Format.XML) {
                XMLInputFactory factory = XMLInputFactory.newFactory();
                factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
                XMLStreamReader reader = factory.createXMLStreamReader(in);
                try {
                    while (reader.hasNext()) {
                        if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                            return reader.getLocalName();
                        }
                    }
                    return "no root element";
                } finally {
                    reader.close();
                }
            }
            return new ObjectMapper().readTree(in).path("type").asText("no type");
        } catch (XMLStreamException | IOException e) {
            return "not parseable: " + e.getMessage();
        }
    }
}
