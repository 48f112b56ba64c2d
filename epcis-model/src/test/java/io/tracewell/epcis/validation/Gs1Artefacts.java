package io.tracewell.epcis.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * GS1's ratified EPCIS 2.0 schemas and examples, read from the folder named by the system property
 * {@code gs1.dir} (the conformance profile sets it). Nothing of them is copied into the project.
 */
final class Gs1Artefacts {

    private static final String RATIFIED_BASE = "https://ref.gs1.org/standards/epcis/2.0.0/";

    final Path root;

    Gs1Artefacts(Path root) {
        this.root = root;
    }

    static Gs1Artefacts fromSystemProperty() {
        String dir = System.getProperty("gs1.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir, "ratified-2.0.0-copies"))) {
            throw new IllegalStateException("the conformance suite needs the GS1 EPCIS folder: set -Dgs1.dir to"
                    + " a directory with ratified-2.0.0-copies/, XSD/, JSON/ and XML/ (was: " + dir + ")");
        }
        return new Gs1Artefacts(Path.of(dir).toAbsolutePath().normalize());
    }

    /** Files under {@code folder} whose names end with one of {@code suffixes}, sorted. */
    List<Path> files(String folder, String... suffixes) {
        try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String relative(Path file) {
        return root.relativize(file).toString();
    }

    /** GS1's ratified JSON Schema (draft-07), with format assertions on, as our own schema is used. */
    Schema ratifiedJsonSchema() {
        String id = RATIFIED_BASE + "epcis-json-schema.json";
        String content = read(root.resolve("ratified-2.0.0-copies/epcis-json-schema.json"));
        SchemaRegistry registry = JsonSchemas.registry(SpecificationVersion.DRAFT_7);
        SchemaRegistry local = SchemaRegistry.builder(registry).schemas(Map.of(id, content)).build();
        return local.getSchema(SchemaLocation.of(id));
    }

    /**
     * GS1's ratified XML Schemas (core, query, master data). Their imports name locations on
     * ref.gs1.org; the resolver maps each to the local copy: the ratified files for EPCIS 2.0, gs1/XSD for
     * the EPCglobal base schema and the SBDH, which the ratified copies do not include.
     */
    javax.xml.validation.Schema ratifiedXmlSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setResourceResolver(new LocalGs1Resolver());
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            Path ratified = root.resolve("ratified-2.0.0-copies");
            return factory.newSchema(new Source[] {
                source(ratified.resolve("EPCglobal-epcis-2_0.xsd"), RATIFIED_BASE + "epcglobal-epcis.xsd"),
                source(ratified.resolve("EPCglobal-epcis-query-2_0.xsd"), RATIFIED_BASE + "epcglobal-epcis-query.xsd"),
                source(ratified.resolve("EPCglobal-epcis-masterdata-2_0.xsd"), RATIFIED_BASE + "epcglobal-epcis-masterdata.xsd")});
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("GS1's ratified XSDs do not compile: " + e.getMessage(), e);
        }
    }

    /** The errors a schema reports for an XML document; empty when it accepts it. */
    static List<String> xmlSchemaErrors(javax.xml.validation.Schema schema, Path document) {
        List<String> errors = new ArrayList<>();
        try {
            javax.xml.validation.Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override public void warning(SAXParseException e) { }
                @Override public void error(SAXParseException e) { errors.add(e.getLineNumber() + ": " + e.getMessage()); }
                @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
            });
            validator.validate(new StreamSource(document.toFile()));
        } catch (SAXException e) {
            errors.add("fatal: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    static List<String> jsonSchemaErrors(Schema schema, JsonNode document) {
        return schema.validate(document).stream().map(Object::toString).toList();
    }

    private static Source source(Path file, String systemId) throws IOException {
        return new StreamSource(Files.newInputStream(file), systemId);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class LocalGs1Resolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            Path local = localCopy(systemId, baseUri);
            try {
                return new FileInput(Files.newInputStream(local), local.toUri().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Path localCopy(String systemId, String baseUri) {
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            if (systemId.startsWith(RATIFIED_BASE)) {
                return switch (name) {
                    case "epcglobal.xsd" -> root.resolve("XSD/EPCglobal.xsd");
                    case "StandardBusinessDocumentHeader.xsd" -> root.resolve("XSD/StandardBusinessDocumentHeader.xsd");
                    case "epcglobal-epcis.xsd" -> root.resolve("ratified-2.0.0-copies/EPCglobal-epcis-2_0.xsd");
                    default -> throw new IllegalArgumentException("no local copy of " + systemId);
                };
            }
            // The SBDH's own includes are relative to it, in gs1/XSD.
            if (baseUri != null && baseUri.startsWith("file:") && !systemId.contains(":")) {
                return Path.of(java.net.URI.create(baseUri)).resolveSibling(systemId);
            }
            throw new IllegalArgumentException("refusing to load " + systemId + " (from " + baseUri + ")");
        }
    }

    private record FileInput(InputStream byteStream, String systemId) implements LSInput {
        @Override public InputStream getByteStream() { return byteStream; }
        @Override public String getSystemId() { return systemId; }
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseUri) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
