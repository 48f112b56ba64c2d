package io.tracewell.epcis.conformance;

import io.tracewell.epcis.conformance.NormalizedXml.Attribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reduces an EPCIS XML document to what it means, so that two documents that say the same thing compare equal:
 *
 * <ul>
 *   <li>Names are namespace + local name; prefixes and {@code xmlns} declarations do not matter.</li>
 *   <li>Comments, processing instructions and white space between elements are dropped; text is trimmed.</li>
 *   <li>The EPCIS 1.x {@code <extension>} and {@code <baseExtension>} wrappers (kept by the 2.0 schema for
 *       compatibility, EPCIS 2.0 §9.1) are dissolved: their children count as children of the enclosing
 *       element.</li>
 *   <li>{@code xsi:type="xsd:string"} is the same as no type (an untyped value is a string), {@code xsi:nil="false"}
 *       the same as none; other {@code xsi:type} values are compared as resolved QNames, and a typed value by its
 *       XML Schema value (numbers, booleans, date-times).</li>
 *   <li>Standard fields: times as instants, quantities and sensor values as numbers, CBV and GS1 vocabulary values
 *       after mapping URN and Web URI to one form ({@link StandardFields}).</li>
 *   <li>An empty standard list element ({@code <epcList/>}) is the same as an absent one: EPCIS 2.0 makes every
 *       such list optional, and an empty list says nothing. Likewise a nil standard element
 *       ({@code <quantity xsi:nil="true"/>}, allowed by the 2.0 schema's QuantityElementType): the abstract model
 *       (EPCIS 2.0 §7.3.3.3) knows an optional quantity only as present or absent.</li>
 * </ul>
 *
 * <p>Order: siblings of the same name keep their order (EPCIS lists, repeated extension elements); the relative
 * order of differently named siblings is not significant. For standard elements the schema fixes that order, so it
 * carries no information; for user extensions JSON-LD cannot keep it (it groups members by name), see
 * docs/formats.md.
 */
final class XmlNormalizer {

    /** Namespaces of the EPCIS, query, master data and SBDH schemas: elements there are standard fields. */
    static final Set<String> STANDARD_NAMESPACES = Set.of(
            "urn:epcglobal:epcis:xsd:1",
            "urn:epcglobal:epcis:xsd:2",
            "urn:epcglobal:epcis-query:xsd:1",
            "urn:epcglobal:epcis-query:xsd:2",
            "urn:epcglobal:epcis-masterdata:xsd:1",
            "urn:epcglobal:epcis-masterdata:xsd:2",
            "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader");

    private static final Set<String> WRAPPERS = Set.of("extension", "baseExtension");

    private static final Set<String> LIST_CONTAINERS = Set.of("epcList", "childEPCs", "inputEPCList",
            "outputEPCList", "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList",
            "bizTransactionList", "sourceList", "destinationList", "sensorElementList", "correctiveEventIDs");

    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private static final Set<String> XSD_NUMBERS = Set.of("decimal", "integer", "double", "float", "long", "int",
            "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
            "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte");

    private XmlNormalizer() {
    }

    static NormalizedXml normalize(Document document) {
        Element root = document.getDocumentElement();
        return element(root, null, !isStandard(root.getNamespaceURI()));
    }

    private static boolean isStandard(String namespace) {
        return namespace == null || namespace.isEmpty() || STANDARD_NAMESPACES.contains(namespace);
    }

    private static NormalizedXml element(Element e, String parentName, boolean inExtension) {
        String local = e.getLocalName();
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        String xsiType = null;
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr attr = (Attr) attrs.item(i);
            String ns = attr.getNamespaceURI();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)) {
                continue;
            }
            String name = attr.getLocalName();
            String value = attr.getValue();
            Object canonical;
            if (XSI.equals(ns) && name.equals("type")) {
                xsiType = resolve(e, value);
                if (xsiType.equals(NormalizedXml.key(XSD, "string"))) {
                    continue;
                }
                canonical = xsiType;
            } else if (XSI.equals(ns) && name.equals("nil")) {
                boolean nil = value.strip().equals("true") || value.strip().equals("1");
                if (!nil) {
                    continue;
                }
                canonical = Boolean.TRUE;
            } else if (!inExtension && (ns == null || ns.isEmpty())) {
                canonical = StandardFields.canonical(StandardFields.kindOf(local, name), value);
            } else {
                canonical = value;
            }
            attributes.put(NormalizedXml.key(ns, name), new Attribute(attr.getName(), canonical, value));
        }
        List<NormalizedXml> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        collect(e, local, inExtension, children, text);
        String written = text.toString().strip();
        Object canonicalText;
        if (xsiType != null) {
            canonicalText = typed(xsiType, written);
        } else if (!inExtension) {
            canonicalText = StandardFields.canonical(StandardFields.kindOf(parentName, local), written);
        } else {
            canonicalText = written;
        }
        boolean empty = children.isEmpty() && written.isEmpty();
        if (!inExtension && e.getNamespaceURI() == null && empty
                && (attributes.isEmpty() && LIST_CONTAINERS.contains(local)
                    || attributes.size() == 1 && attributes.containsKey(NormalizedXml.key(XSI, "nil")))) {
            return null;
        }
        return new NormalizedXml(NormalizedXml.key(e.getNamespaceURI(), local), e.getTagName(), attributes,
                canonicalText, written, children);
    }

    /** Collects child elements (dissolving 1.x wrappers) and direct text of {@code e}. */
    private static void collect(Element e, String name, boolean inExtension, List<NormalizedXml> children,
                                StringBuilder text) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            } else if (n.getNodeType() == Node.ELEMENT_NODE) {
                Element child = (Element) n;
                String ns = child.getNamespaceURI();
                boolean childInExtension = inExtension || !isStandard(ns);
                if (!childInExtension && (ns == null || ns.isEmpty()) && WRAPPERS.contains(child.getLocalName())) {
                    collect(child, name, false, children, new StringBuilder());
                    continue;
                }
                NormalizedXml normalized = element(child, name, childInExtension);
                if (normalized != null) {
                    children.add(normalized);
                }
            }
        }
    }

    /** Resolves a QName-valued attribute ({@code xsd:integer}) against the element's namespace declarations. */
    private static String resolve(Element e, String qname) {
        String q = qname.strip();
        int colon = q.indexOf(':');
        String prefix = colon < 0 ? null : q.substring(0, colon);
        String ns = e.lookupNamespaceURI(prefix);
        return NormalizedXml.key(ns, q.substring(colon + 1));
    }

    /** The XML Schema value of a typed simple value, where the value space differs from the lexical space. */
    private static Object typed(String type, String text) {
        if (!type.startsWith("{" + XSD + "}")) {
            return text;
        }
        String local = type.substring(XSD.length() + 2);
        if (XSD_NUMBERS.contains(local)) {
            return StandardFields.decimalOrText(text);
        }
        if (local.equals("boolean")) {
            switch (text) {
                case "true":
                case "1":
                    return Boolean.TRUE;
                case "false":
                case "0":
                    return Boolean.FALSE;
                default:
                    return text;
            }
        }
        if (local.equals("dateTime") || local.equals("dateTimeStamp")) {
            return StandardFields.canonical(StandardFields.Kind.TIME, text);
        }
        return text;
    }
}
