package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ExtensionElement.ExtensionValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads user extension elements (EPCIS 2.0 §9.4) and master data attribute values into
 * {@link ExtensionElement}: {@code xsi:type} becomes the simple value's datatype, {@code xsi:nil="true"} the
 * {@link ExtensionElement.Nil} value, other attributes are kept, child elements make a complex value. The EPCIS
 * 1.2 reader ({@code format.xml12}) reads its extensions and master data values with it too.
 */
public final class ExtensionReader {
    private static final int MAX_DEPTH = ExtensionElement.MAX_DEPTH;

    private ExtensionReader() {
    }

    /** Reads the extension element at the cursor; the cursor ends on its end tag. */
    public static ExtensionElement element(XmlInput in) {
        return element(in, 1);
    }

    private static ExtensionElement element(XmlInput in, int depth) {
        XMLStreamReader r = in.raw();
        SourceLocation at = in.location();
        if (depth > MAX_DEPTH) {
            throw in.error("extension elements nested deeper than " + MAX_DEPTH + " levels",
                    "at most " + MAX_DEPTH + " levels of nested extension elements");
        }
        QName name = r.getName();
        QName datatype = null;
        boolean nil = false;
        List<ExtensionAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            QName attr = r.getAttributeName(i);
            String value = r.getAttributeValue(i);
            if (XmlNames.XSI_NS.equals(attr.getNamespaceURI()) && attr.getLocalPart().equals("type")) {
                datatype = resolveType(in, value);
            } else if (XmlNames.XSI_NS.equals(attr.getNamespaceURI()) && attr.getLocalPart().equals("nil")) {
                nil = parseNil(in, value);
            } else {
                attributes.add(new ExtensionAttribute(attr, value));
            }
        }
        ExtensionValue value = content(in, at, XmlInput.displayName(name), datatype, nil, depth);
        if (datatype != null && !(value instanceof ExtensionElement.Simple)) {
            // Only simple values carry a datatype in the model; keep the declaration as written.
            attributes.add(new ExtensionAttribute(new QName(XmlNames.XSI_NS, "type", "xsi"), typeLexical(datatype)));
        }
        return new ExtensionElement(name, attributes, value);
    }

    /**
     * Reads the value of a master data {@code attribute} element (mixed content, EPCIS 2.0 §9.3 AttributeType) at
     * the cursor. Only {@code allowed} unqualified attributes and {@code xsi:type} / {@code xsi:nil} may appear.
     */
    public static ExtensionValue attributeValue(XmlInput in, String context, Set<String> allowed) {
        XMLStreamReader r = in.raw();
        SourceLocation at = in.location();
        QName datatype = null;
        boolean nil = false;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            QName attr = r.getAttributeName(i);
            if (XmlNames.XSI_NS.equals(attr.getNamespaceURI()) && attr.getLocalPart().equals("type")) {
                datatype = resolveType(in, r.getAttributeValue(i));
            } else if (XmlNames.XSI_NS.equals(attr.getNamespaceURI()) && attr.getLocalPart().equals("nil")) {
                nil = parseNil(in, r.getAttributeValue(i));
            } else if (!(attr.getNamespaceURI().isEmpty() && allowed.contains(attr.getLocalPart()))) {
                throw in.error("unsupported attribute '" + XmlInput.displayName(attr) + "' on " + context,
                        allowed.isEmpty() ? "no attributes" : "only " + String.join(", ", allowed));
            }
        }
        return content(in, at, context, datatype, nil, 0);
    }

    private static ExtensionValue content(XmlInput in, SourceLocation at, String context, QName datatype,
                                          boolean nil, int depth) {
        XMLStreamReader r = in.raw();
        StringBuilder text = new StringBuilder();
        List<ExtensionElement> children = new ArrayList<>();
        try {
            while (true) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        text.append(r.getText());
                        break;
                    case XMLStreamConstants.START_ELEMENT:
                        children.add(element(in, depth + 1));
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        return value(in, at, context, text.toString(), children, datatype, nil);
                    case XMLStreamConstants.END_DOCUMENT:
                        throw in.error("unexpected end of document in " + context, "the end tag of " + context);
                    default:
                        break;
                }
            }
        } catch (XMLStreamException e) {
            throw XmlInput.malformed(e);
        }
    }

    private static ExtensionValue value(XmlInput in, SourceLocation at, String context, String text,
                                        List<ExtensionElement> children, QName datatype, boolean nil) {
        boolean blank = text.isBlank();
        if (nil) {
            if (!children.isEmpty() || !text.isEmpty()) {
                throw new EpcisFormatException(at, context + " has xsi:nil=\"true\" and content",
                        "an empty element when xsi:nil is true");
            }
            return new ExtensionElement.Nil();
        }
        if (children.isEmpty()) {
            return new ExtensionElement.Simple(text, datatype);
        }
        if (!blank) {
            throw new EpcisFormatException(at, "text '" + XmlInput.abbreviate(text.strip())
                    + "' mixed with child elements in " + context, "either text or child elements in " + context);
        }
        return new ExtensionElement.Complex(children);
    }

    private static boolean parseNil(XmlInput in, String value) {
        switch (value.strip()) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                throw in.error("xsi:nil '" + value + "'", "true or false");
        }
    }

    /** Resolves an {@code xsi:type} QName value with the namespace declarations in scope. */
    private static QName resolveType(XmlInput in, String value) {
        String v = value.strip();
        int colon = v.indexOf(':');
        String prefix = colon < 0 ? "" : v.substring(0, colon);
        String local = colon < 0 ? v : v.substring(colon + 1);
        String ns = in.raw().getNamespaceContext().getNamespaceURI(prefix);
        if (local.isEmpty() || (!prefix.isEmpty() && (ns == null || ns.isEmpty()))) {
            throw in.error("xsi:type '" + value + "' uses an undeclared prefix '" + prefix + "'",
                    "a datatype whose prefix is declared, such as xsd:integer with xmlns:xsd=\"" + XmlNames.XSD_NS
                            + "\"");
        }
        return new QName(ns == null ? "" : ns, local, prefix);
    }

    private static String typeLexical(QName type) {
        return type.getPrefix().isEmpty() ? type.getLocalPart() : type.getPrefix() + ":" + type.getLocalPart();
    }
}
