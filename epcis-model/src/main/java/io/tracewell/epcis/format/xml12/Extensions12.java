package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ExtensionElement.ExtensionValue;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * Writes the model's {@link ExtensionElement}s as XML elements, as the EPCIS 2.0 writer does: the datatype of a
 * simple value as {@code xsi:type}, a nil value as {@code xsi:nil="true"}, children in document order.
 */
final class Extensions12 {
    private static final QName XSI_TYPE = new QName(Datatypes.XSI_NS, "type", "xsi");
    private static final QName XSI_NIL = new QName(Datatypes.XSI_NS, "nil", "xsi");

    private Extensions12() {
    }

    static void element(Xml12Output out, ExtensionElement e) {
        out.start(e.name());
        for (ExtensionAttribute a : e.attributes()) {
            out.attribute(a.name(), a.value());
        }
        value(out, e.value());
        out.end();
    }

    /** The attributes and content of a value, on the element just started. */
    static void value(Xml12Output out, ExtensionValue value) {
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
     * The value of a master data {@code attribute}: its schema type is neither nillable nor a base for
     * {@code xsi:type}, so a typed value is written as its text and a nil value as an empty element.
     */
    static void attributeValue(Xml12Output out, ExtensionValue value) {
        if (value instanceof ExtensionElement.Simple simple) {
            if (!simple.lexical().isEmpty()) {
                out.text(simple.lexical());
            }
        } else if (value instanceof ExtensionElement.Complex) {
            value(out, value);
        }
    }

    /**
     * Extensions where the schema has an {@code extension} element for unqualified content followed by elements of
     * other namespaces: the unqualified ones go into {@code extension} first, then the namespaced ones.
     */
    static void withLocalWrapper(Xml12Output out, List<ExtensionElement> extensions) {
        if (extensions.stream().anyMatch(e -> e.name().getNamespaceURI().isEmpty())) {
            out.start("extension");
            for (ExtensionElement e : extensions) {
                if (e.name().getNamespaceURI().isEmpty()) {
                    element(out, e);
                }
            }
            out.end();
        }
        namespaced(out, extensions);
    }

    /** Only the namespaced extensions (the unqualified ones were refused or written elsewhere). */
    static void namespaced(Xml12Output out, List<ExtensionElement> extensions) {
        for (ExtensionElement e : extensions) {
            if (!e.name().getNamespaceURI().isEmpty()) {
                element(out, e);
            }
        }
    }
}
