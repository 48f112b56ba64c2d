package io.tracewell.epcis.format.xml;

import static io.tracewell.epcis.format.xml.XmlTestSupport.read;
import static io.tracewell.epcis.format.xml.XmlTestSupport.text;
import static io.tracewell.epcis.format.xml.XmlTestSupport.validate;
import static io.tracewell.epcis.format.xml.XmlTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.conformance.Difference;
import io.tracewell.epcis.conformance.XmlSemanticComparator;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.model.EpcisDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every XML file among GS1's examples ({@code XML/}) and the event hash vectors ({@code hash-vectors/}) whose root
 * is an EPCIS 2.0 document: read it, write it, read the output again and compare the models; validate the output
 * against GS1's ratified EPCIS 2.0 schemas; and compare the output with the original by meaning
 * ({@link XmlSemanticComparator}, which reads both with the DOM parser, independently of our reader).
 *
 * <p>Files whose root is something else are listed with the reason (capture job, master data document, EPCIS
 * 1.x); those few with an EPCIS 2.0 root that are not EPCIS documents are listed in {@link #NOT_DOCUMENTS} and must
 * be refused by the reader.
 */
@Tag("conformance")
class XmlConformanceTest {
    private static final List<String> FOLDERS = List.of("XML", "hash-vectors");

    /** EPCIS 2.0 roots that are not valid documents; the reader must refuse them, with the reason here. */
    private static final Map<String, String> NOT_DOCUMENTS = Map.of(
            "hash-vectors/RalphTro-snapshot-2025-10-17/tests/examples/epcisXmlQueryDocHavingEventWithIgnoreFields.xml",
            "queryName and resultsBody directly in EPCISQueryDocument, without EPCISBody/QueryResults");

    /**
     * Differences the semantic comparison is expected to find, by file, with the path where it finds them. The
     * hash vectors' query document has an unqualified {@code QueryResults}; the schema wants
     * {@code epcisq:QueryResults}, which is what the writer writes.
     */
    private static final Map<String, String> EXPECTED_DIFFERENCES = Map.of(
            "hash-vectors/RalphTro-snapshot-2025-10-17/tests/examples/epcisQueryDocument.xml",
            "/EPCISBody/QueryResults");

    /** A schema location hint on the root says where to find the schema, not anything about the events. */
    private static final Pattern SCHEMA_LOCATION = Pattern.compile("\\s+xsi:schemaLocation=\"[^\"]*\"");

    private static Path gs1() {
        String dir = System.getProperty("gs1.dir");
        assertThat(dir).as("system property gs1.dir (set by the parent pom for -Pconformance)").isNotBlank();
        Path path = Path.of(dir).toAbsolutePath().normalize();
        assertThat(path.resolve("XML")).isDirectory();
        return path;
    }

    @TestFactory
    Stream<DynamicTest> gs1XmlExamples() throws IOException {
        Path gs1 = gs1();
        Schema schema = XmlTestSupport.gs1Schema(gs1);
        List<DynamicTest> tests = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> included = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.walk(gs1.resolve(folder))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                    String relative = gs1.relativize(file).toString().replace('\\', '/');
                    String notDocument = NOT_DOCUMENTS.get(relative);
                    String exclusion = notDocument != null ? notDocument : exclusion(file);
                    if (notDocument != null) {
                        tests.add(DynamicTest.dynamicTest("refused: " + relative, () -> assertThatThrownBy(
                                () -> read(Files.readAllBytes(file))).isInstanceOf(EpcisFormatException.class)));
                    } else if (exclusion == null) {
                        included.add(relative);
                        tests.add(DynamicTest.dynamicTest(relative, () -> roundTrip(file, relative, schema)));
                    }
                    if (exclusion != null) {
                        excluded.add(relative + ": " + exclusion);
                    }
                }
            }
        }
        tests.add(DynamicTest.dynamicTest("excluded files", () -> {
            System.out.println("GS1 XML files not round-tripped:\n  " + String.join("\n  ", excluded));
            // 31 documents under XML/ and 22 under hash-vectors/ when this test was written
            assertThat(included).as("round-tripped GS1 documents").hasSizeGreaterThanOrEqualTo(53);
        }));
        return tests.stream();
    }

    private static void roundTrip(Path file, String relative, Schema schema) throws IOException {
        byte[] original = Files.readAllBytes(file);
        EpcisDocument read = read(original);
        for (boolean indent : new boolean[] {false, true}) {
            byte[] written = write(read, indent);
            assertThat(read(written)).as("%s read again after writing", relative).isEqualTo(read);
            assertThat(validate(schema, written)).as("GS1 schema validation of %s as written:%n%s", relative,
                    text(written)).isNull();
        }
        byte[] withoutHints = SCHEMA_LOCATION.matcher(text(original)).replaceFirst("")
                .getBytes(StandardCharsets.UTF_8);
        Optional<Difference> difference = new XmlSemanticComparator().compare(withoutHints, write(read, false));
        String expected = EXPECTED_DIFFERENCES.get(relative);
        if (expected == null) {
            assertThat(difference).as("%s compared by meaning with what was written", relative).isEmpty();
        } else {
            assertThat(difference).as("the known difference in %s", relative).isPresent();
            assertThat(difference.get().location()).endsWith(expected);
        }
    }

    /** Why a file is not an EPCIS 2.0 document, from its root element; null when it is one. */
    private static String exclusion(Path file) {
        QName root = rootOf(file);
        String ns = root.getNamespaceURI();
        String name = root.getLocalPart();
        if ((ns.equals("urn:epcglobal:epcis:xsd:2") && name.equals("EPCISDocument"))
                || (ns.equals("urn:epcglobal:epcis-query:xsd:2") && name.equals("EPCISQueryDocument"))) {
            return null;
        }
        if (name.equals("EPCISCaptureJob")) {
            return "a capture job status (EPCIS 2.0 §12 REST binding), not an EPCIS document";
        }
        if (name.equals("EPCISMasterDataDocument")) {
            return "a master data document (" + ns + "), not an EPCIS event document";
        }
        if (ns.endsWith(":xsd:1")) {
            return "an EPCIS 1.x document (" + ns + ")";
        }
        return "root element {" + ns + "}" + name;
    }

    private static QName rootOf(Path file) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.next() != XMLStreamReader.START_ELEMENT) {
                // prolog: declaration, comments, DOCTYPE
            }
            QName root = reader.getName();
            reader.close();
            return root;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot read the root element of " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
