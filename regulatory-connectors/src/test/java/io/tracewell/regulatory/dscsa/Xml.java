package io.tracewell.regulatory.dscsa;

import io.tracewell.xsd.SchemaResources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/** A parsed DSCSA document with XPath look-ups, and validation against the project's EPCIS 1.2 schema. */
final class Xml {
    static final Map<String, String> PREFIXES = Map.of(
            "epcis", SchemaResources.EPCIS_1_2_NAMESPACE,
            "sbdh", SchemaResources.SBDH_NAMESPACE,
            "cbvmda", "urn:epcglobal:cbv:mda",
            "gs1ushc", DscsaDocumentBuilder.GS1USHC_NS);

    private final Document document;
    private final XPath xpath;

    Xml(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new IllegalStateException("the document does not parse", e);
        }
        xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new Prefixes());
    }

    String value(String expression) {
        try {
            return xpath.evaluate(expression, document);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    List<String> values(String expression) {
        try {
            NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
            return IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    int count(String expression) {
        return Integer.parseInt(value("count(" + expression + ")"));
    }

    /** Validates the document against the project's EPCIS 1.2 schema (which imports the SBDH schema). */
    static String problemsAgainstEpcis12Schema(byte[] xml) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
            return null;
        } catch (SAXException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Schema SCHEMA = projectSchema();

    /** The schema found through {@link SchemaResources} by namespace; its imports resolved the same way. */
    private static Schema projectSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newDefaultInstance()
                    .newDocumentBuilder().getDOMImplementation();
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                String resource = SchemaResources.xmlSchemaFor(namespace).orElseThrow(
                        () -> new IllegalStateException("no schema of the project for namespace " + namespace));
                URL url = SchemaResources.url(resource);
                LSInput input = ls.createLSInput();
                input.setSystemId(url.toExternalForm());
                try {
                    input.setByteStream(url.openStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return input;
            });
            URL root = SchemaResources.url(SchemaResources.EPCIS_1_2_XSD);
            return factory.newSchema(new StreamSource(root.openStream(), root.toExternalForm()));
        } catch (SAXException | IOException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("cannot compile the project's EPCIS 1.2 schema", e);
        }
    }

    private static final class Prefixes implements NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            return PREFIXES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
        }

        @Override
        public String getPrefix(String namespaceURI) {
            return null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceURI) {
            return List.<String>of().iterator();
        }
    }
}
