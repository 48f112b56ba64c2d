package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.xsd.SchemaResources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/** Writing, parsing and schema validation helpers for the EPCIS 1.2 writer tests. */
final class Epcis12TestSupport {
    static final String EPCIS_1_NS = "urn:epcglobal:epcis:xsd:1";
    static final String SBDH_NS = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
    static final String CBVMDA_NS = "urn:epcglobal:cbv:mda";
    static final String GS1USHC_NS = "http://epcis.gs1us.org/hc/ns";
    static final EpcisTime T = EpcisTime.parse("2024-05-01T08:15:30.000Z");

    private Epcis12TestSupport() {
    }

    /** The company prefix lengths of the identifiers the tests use: 0614141 (7 digits) and 0012345 (7 digits). */
    static CompanyPrefixLengths lengths() {
        return CompanyPrefixLengths.fixedTable().put("0614141", 7).put("0012345", 7);
    }

    static Sbdh sbdh() {
        return new Sbdh("1.0",
                List.of(new Sbdh.Partner("urn:epc:id:sgln:0614141.00000.0", "SGLN", List.of())),
                List.of(new Sbdh.Partner("urn:epc:id:sgln:0012345.00000.0", "SGLN", List.of())),
                new Sbdh.DocumentIdentification("EPCglobal", "1.0", "8d2f4a51-6f36-4c38-9a0e-3c6b7a0f1e11", "Events",
                        null, "2024-05-01T08:15:30.000Z"),
                List.of());
    }

    static ExtensionElement text(String namespace, String prefix, String local, String value) {
        return ExtensionElement.text(new QName(namespace, local, prefix), value);
    }

    static byte[] write(Epcis12Header header, List<? extends EpcisEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Epcis12XmlWriter writer = new Epcis12XmlWriter(out, lengths(), true)) {
            writer.begin(header);
            for (EpcisEvent e : events) {
                writer.write(e);
            }
            writer.end();
        }
        return out.toByteArray();
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException("the writer's output does not parse", e);
        }
    }

    /**
     * The project's EPCIS 1.2 schema, found through {@link SchemaResources} by its namespace; its imports (EPCglobal
     * base, SBDH) are resolved the same way, so no location is ever opened.
     */
    static Schema projectSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newDefaultInstance()
                    .newDocumentBuilder().getDOMImplementation();
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                String resource = SchemaResources.xmlSchemaFor(namespace).orElseThrow(
                        () -> new IllegalStateException("no schema of the project for namespace " + namespace));
                return input(ls, SchemaResources.url(resource));
            });
            String root = SchemaResources.xmlSchemaFor(SchemaResources.EPCIS_1_2_NAMESPACE).orElseThrow();
            URL url = SchemaResources.url(root);
            return factory.newSchema(new StreamSource(url.openStream(), url.toExternalForm()));
        } catch (SAXException | IOException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("cannot compile the project's EPCIS 1.2 schema", e);
        }
    }

    private static LSInput input(DOMImplementationLS ls, URL url) {
        LSInput input = ls.createLSInput();
        input.setSystemId(url.toExternalForm());
        try {
            input.setByteStream(url.openStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return input;
    }

    /** Where GS1's EPCIS 1.2 XSD would be: {@code gs1.dir} (set by the build) or {@code ../../shared/gs1}. */
    static Path gs1Epcis12Xsd() {
        return Path.of(System.getProperty("gs1.dir", "../../shared/gs1"), "XSD", "EPCglobal-epcis-1_2.xsd");
    }

    /** GS1's EPCIS 1.2 XSD, read from the GS1 folder at test time; its imports are the files next to it. */
    static Schema gs1Schema(Path xsd) {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(xsd.toFile());
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile GS1's EPCIS 1.2 schema " + xsd, e);
        }
    }

    static boolean exists(Path path) {
        return Files.isRegularFile(path);
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
