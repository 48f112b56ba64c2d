package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ExtensionElement.ExtensionValue;
import java.util.List;
import javax.xml.namespace.QName;

/** Writes {@link ExtensionElement}s as XML elements: the inverse of {@link ExtensionReader}. */
final class ExtensionWriter {
    private static final QName XSI_TYPE = new QName(XmlNames.XSI_NS, "type", "xsi");
    private static final QName XSI_NIL = new QName(XmlNames.XSI_NS, "nil", "xsi");

    private ExtensionWriter() {
    }

    static void element(XmlOutput out, ExtensionElement e) {
        out.start(e.name());
        for (ExtensionAttribute a : e.attributes()) {
            out.attribute(a.name(), a.value());
        }
        value(out, e.value());
        out.end();
    }

    /**
     * The value of a master data {@code attribute} element. Its schema type (AttributeType) is neither nillable nor
     * a base for {@code xsi:type}, so a valid document can carry neither: a typed value is written as its text, a
     * nil value as an empty element.
     */
    static void attributeValue(XmlOutput out, ExtensionValue value) {
        if (value instanceof ExtensionElement.Simple simple) {
            if (!simple.lexical().isEmpty()) {
                out.text(simple.lexical());
            }
        } else if (value instanceof ExtensionElement.Complex) {
            value(out, value);
        }
    }

    /** The attributes and content for a value, on the element just started. */
    static void value(XmlOutput out, ExtensionValue value) {
        if (value instanceof ExtensionElement.Simple simple) {
            QName type = simple.datatype();
            if (type != null) {
                String lexical = type.getNamespaceURI().isEmpty() ? type.getLocalPart()
                        : out.prefixFor(type.getNamespaceURI(), type.getPrefix()) + ":" + type.getLocalPart();
                out.attribute(XSI_TYPE, lexical);
            }
            if (!simple.lexical().isEmpty()) {
                out.text(simple.lexical());
            }
        } else if (value instanceof ExtensionElement.Complex complex) {
            for (ExtensionElement child : complex.children()) {
                element(out, child);
            }
        } else {
            out.attribute(XSI_NIL, "true");
        }
    }

    /**
     * The extensions of an element whose schema has an {@code <extension>} element for unqualified content (##local)
     * followed by a wildcard for other namespaces: extensions without a namespace go in {@code <extension>} first,
     * then the namespaced ones.
     */
    static void withLocalWrapper(XmlOutput out, List<ExtensionElement> extensions) {
        boolean anyLocal = extensions.stream().anyMatch(e -> e.name().getNamespaceURI().isEmpty());
        if (anyLocal) {
            out.start("extension");
            for (ExtensionElement e : extensions) {
                if (e.name().getNamespaceURI().isEmpty()) {
                    element(out, e);
                }
            }
            out.end();
        }
        for (ExtensionElement e : extensions) {
            if (!e.name().getNamespaceURI().isEmpty()) {
                element(out, e);
            }
        }
    }

    /** Event-level extensions: the schema admits only elements in other namespaces (EPCIS 2.0 §9.4). */
    static void namespacedOnly(XmlOutput out, List<ExtensionElement> extensions, String context) {
        for (ExtensionElement e : extensions) {
            String ns = e.name().getNamespaceURI();
            if (ns.isEmpty() || ns.equals(XmlNames.EPCIS_NS) || ns.equals(XmlNames.EPCIS_QUERY_NS)) {
                throw new IllegalArgumentException("extension '" + e.name() + "' of " + context
                        + " needs a namespace of its own: XML admits only namespaced user extensions there"
                        + " (EPCIS 2.0 §9.4)");
            }
            element(out, e);
        }
    }

    /**
     * Extensions that XML carries as attributes ({@code sensorMetadata}, {@code sensorReport}): only simple values
     * can be attributes, and an attribute has no {@code xsi:type}, so the datatype is not written.
     */
    static void asAttributes(XmlOutput out, List<ExtensionElement> extensions, String context) {
        for (ExtensionElement e : extensions) {
            if (!(e.value() instanceof ExtensionElement.Simple simple) || !e.attributes().isEmpty()
                    || e.name().getNamespaceURI().isEmpty()) {
                throw new IllegalArgumentException("extension '" + e.name() + "' of " + context
                        + " cannot be written in XML: " + context + " extensions are namespaced attributes, so they"
                        + " must be namespaced simple values without attributes");
            }
            out.attribute(e.name(), simple.lexical());
        }
    }
}
