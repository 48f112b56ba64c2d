package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ExtensionElement.ExtensionValue;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads user extension elements (elements of other namespaces, and the unqualified content of the 1.2 binding's
 * innermost {@code extension} elements where the model keeps it) and master data attribute values into
 * {@link ExtensionElement}s, exactly as written: name with namespace and prefix, attributes, {@code xsi:type} as
 * the datatype of a simple value, {@code xsi:nil="true"} as {@link ExtensionElement.Nil}, child elements in order.
 * The inverse of {@link Extensions12}.
 */
final class Extension12Reader {
    private static final int MAX_DEPTH = ExtensionElement.MAX_DEPTH;

    private Extension12Reader() {
    }

    /** Reads the element at the cursor; the cursor ends on its end tag. */
    static ExtensionElement element(Xml12Input in) {
        return element(in, 1);
    }

    private static ExtensionElement element(Xml12Input in, int depth) {
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
            if (isXsi(attr, "type")) {
                datatype = resolveType(in, value);
            } else if (isXsi(attr, "nil")) {
                nil = parseNil(in, value);
            } else {
                attributes.add(new ExtensionAttribute(attr, value));
            }
        }
        ExtensionValue value = content(in, at, Xml12Input.displayName(name), datatype, nil, depth);
        if (datatype != null && !(value instanceof ExtensionElement.Simple)) {
            // Only simple values carry a datatype in the model; the declaration is kept as written.
            attributes.add(new ExtensionAttribute(new QName(Datatypes.XSI_NS, "type", "xsi"), typeLexical(datatype)));
        }
        return new ExtensionElement(name, attributes, value);
    }

    /**
     * The value of a master data {@code attribute} element at the cursor (mixed content): text, child elements,
     * or nothing. Only its {@code id} and {@code xsi:} attributes may appear on it.
     */
    static ExtensionValue attributeValue(Xml12Input in, String context) {
        XMLStreamReader r = in.raw();
        SourceLocation at = in.location();
        QName datatype = null;
        boolean nil = false;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            QName attr = r.getAttributeName(i);
            if (isXsi(attr, "type")) {
                datatype = resolveType(in, r.getAttributeValue(i));
            } else if (isXsi(attr, "nil")) {
                nil = parseNil(in, r.getAttributeValue(i));
            } else if (!(attr.getNamespaceURI().isEmpty() && attr.getLocalPart().equals("id"))) {
                throw in.error("unsupported attribute '" + Xml12Input.displayName(attr) + "' on " + context,
                        "only the attribute id");
            }
        }
        return content(in, at, context, datatype, nil, 0);
    }

    private static boolean isXsi(QName attr, String localName) {
        return Datatypes.XSI_NS.equals(attr.getNamespaceURI()) && attr.getLocalPart().equals(localName);
    }

    private static ExtensionValue content(Xml12Input in, SourceLocation at, String context, QName datatype,
                                          boolean nil, int depth) {
        XMLStreamReader r = in.raw();
        StringBuilder text = new StringBuilder();
        List<ExtensionElement> children = new ArrayList<>();
        try {
            while (true) {
                switch (r.next()) {
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        text.append(r.getText());
                        break;
                    case XMLStreamConstants.START_ELEMENT:
                        children.add(element(in, depth + 1));
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        return value(at, context, text.toString(), children, datatype, nil);
                    case XMLStreamConstants.END_DOCUMENT:
                        throw in.error("unexpected end of document in " + context, "the end tag of " + context);
                    default:
                        break;
                }
            }
        } catch (XMLStreamException e) {
            throw Xml12Input.malformed(e);
        }
    }

    private static ExtensionValue value(SourceLocation at, String context, String text,
                                        List<ExtensionElement> children, QName datatype, boolean nil) {
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
        if (!text.isBlank()) {
            throw new EpcisFormatException(at, "text '" + Xml12Input.abbreviate(text.strip())
                    + "' mixed with child elements in " + context, "either text or child elements in " + context);
        }
        return new ExtensionElement.Complex(children);
    }

    private static boolean parseNil(Xml12Input in, String value) {
        return switch (value.strip()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw in.error("xsi:nil '" + value + "'", "true or false");
        };
    }

    /** Resolves an {@code xsi:type} QName value with the namespace declarations in scope. */
    private static QName resolveType(Xml12Input in, String value) {
        String v = value.strip();
        int colon = v.indexOf(':');
        String prefix = colon < 0 ? "" : v.substring(0, colon);
        String local = colon < 0 ? v : v.substring(colon + 1);
        String ns = in.raw().getNamespaceContext().getNamespaceURI(prefix);
        if (local.isEmpty() || (!prefix.isEmpty() && (ns == null || ns.isEmpty()))) {
            throw in.error("xsi:type '" + value + "' uses an undeclared prefix '" + prefix + "'",
                    "a datatype whose prefix is declared, such as xsd:integer with xmlns:xsd=\"" + Datatypes.XSD_NS
                            + "\"");
        }
        return new QName(ns == null ? "" : ns, local, prefix);
    }

    private static String typeLexical(QName type) {
        return type.getPrefix().isEmpty() ? type.getLocalPart() : type.getPrefix() + ":" + type.getLocalPart();
    }
}
