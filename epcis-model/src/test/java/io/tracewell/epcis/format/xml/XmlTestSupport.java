package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.xsd.SchemaResources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/** Reading, writing and schema validation helpers shared by the XML binding tests. */
final class XmlTestSupport {
    private XmlTestSupport() {
    }

    static byte[] resource(String name) {
        try (InputStream in = XmlTestSupport.class.getResourceAsStream("/xml/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: /xml/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EpcisDocument read(byte[] xml) {
        try (XmlEventReader reader = new XmlEventReader(new ByteArrayInputStream(xml))) {
            List<EpcisEvent> events = new ArrayList<>();
            EpcisEvent event;
            while ((event = reader.next()) != null) {
                events.add(event);
            }
            return new EpcisDocument(reader.header(), events);
        }
    }

    static EpcisDocument read(String xml) {
        return read(xml.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] write(EpcisDocument document, boolean indent) {
        return write(document.header(), document.events(), indent);
    }

    static byte[] write(DocumentHeader header, List<EpcisEvent> events, boolean indent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmlEventWriter writer = new XmlEventWriter(out, indent)) {
            writer.begin(header);
            for (EpcisEvent e : events) {
                writer.write(e);
            }
            writer.end();
        }
        return out.toByteArray();
    }

    static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    /** The project's own EPCIS 2.0 schemas (core and query) from the xsd module, without network access. */
    static Schema projectSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            List<Source> sources = new ArrayList<>();
            for (String resource : List.of(SchemaResources.EPCIS_2_XSD, SchemaResources.EPCIS_2_QUERY_XSD)) {
                URL url = SchemaResources.url(resource);
                sources.add(new StreamSource(url.openStream(), url.toExternalForm()));
            }
            return factory.newSchema(sources.toArray(Source[]::new));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot compile the project's EPCIS schemas", e);
        }
    }

    /**
     * GS1's ratified EPCIS 2.0 schemas (core and query) from a GS1 artefact folder. Their imports name
     * https://ref.gs1.org/standards/epcis/2.0.0/... locations; those are mapped to the local copies (the ratified
     * core and query schemas, the EPCglobal base and SBDH schemas under XSD/), so nothing is fetched.
     */
    static Schema gs1Schema(Path gs1) {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            DOMImplementationLS ls = (DOMImplementationLS) javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance()
                    .newDocumentBuilder().getDOMImplementation();
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                Path local = gs1Location(gs1, systemId);
                if (local == null) {
                    return null;
                }
                LSInput input = ls.createLSInput();
                input.setSystemId(local.toUri().toString());
                try {
                    input.setByteStream(Files.newInputStream(local));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return input;
            });
            Path ratified = gs1.resolve("ratified-2.0.0-copies");
            return factory.newSchema(new Source[] {
                new StreamSource(ratified.resolve("EPCglobal-epcis-2_0.xsd").toFile()),
                new StreamSource(ratified.resolve("EPCglobal-epcis-query-2_0.xsd").toFile())});
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("cannot compile GS1's EPCIS schemas from " + gs1, e);
        }
    }

    private static Path gs1Location(Path gs1, String systemId) {
        if (systemId == null || !systemId.startsWith("https://ref.gs1.org/standards/epcis/2.0.0/")) {
            return null;
        }
        String file = systemId.substring(systemId.lastIndexOf('/') + 1);
        switch (file) {
            case "epcglobal.xsd":
                return gs1.resolve("XSD/EPCglobal.xsd");
            case "StandardBusinessDocumentHeader.xsd":
                return gs1.resolve("XSD/StandardBusinessDocumentHeader.xsd");
            case "epcglobal-epcis.xsd":
                return gs1.resolve("ratified-2.0.0-copies/EPCglobal-epcis-2_0.xsd");
            default:
                throw new IllegalStateException("no local copy of " + systemId);
        }
    }

    /** Validates and returns the problem, or null when the document is valid. */
    static String validate(Schema schema, byte[] xml) {
        try {
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
            return null;
        } catch (SAXException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
