package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * A user extension (EPCIS 2.0 §9.4 for XML, §10 for JSON-LD): a namespaced element with optional attributes and
 * either a simple value or child elements.
 *
 * <p>This is the one representation both bindings map onto. In XML it is an element in a non-EPCIS namespace; in
 * JSON-LD a member whose key is a CURIE ({@code example:myField}) or an absolute IRI. Repeated elements of the same
 * name are a JSON array; an element with children is a JSON object; a simple value keeps its lexical form and its
 * datatype ({@link Simple#datatype()}, from {@code xsi:type} in XML or the JSON value kind). Child elements of
 * an extension may be in no namespace (the XML binding allows unqualified children).
 *
 * <p>{@link QName#equals} ignores the prefix, so two extensions are equal when namespace URI, local name, attributes
 * and value are.
 */
public record ExtensionElement(QName name, List<ExtensionAttribute> attributes, ExtensionValue value) {

    /**
     * How deeply extension elements may nest (the extension element itself is level 1). Both readers and both
     * validators refuse deeper nesting, so that a hostile document cannot exhaust the stack and every document one
     * binding accepts converts into one the other accepts.
     */
    public static final int MAX_DEPTH = 64;

    public ExtensionElement {
        Objects.requireNonNull(name, "name");
        attributes = Lists.copy(attributes);
        Objects.requireNonNull(value, "value");
    }

    public static ExtensionElement text(QName name, String text) {
        return new ExtensionElement(name, List.of(), new Simple(text, null));
    }

    public static ExtensionElement of(QName name, List<ExtensionElement> children) {
        return new ExtensionElement(name, List.of(), new Complex(children));
    }

    /** The value of an extension element. */
    public sealed interface ExtensionValue permits Simple, Complex, Nil {
    }

    /**
     * A simple (text) value. {@code datatype} is the XML Schema type it carries ({@code xsi:type} or the JSON kind:
     * {@link Datatypes#INTEGER}, {@link Datatypes#DECIMAL}, {@link Datatypes#DOUBLE}, {@link Datatypes#BOOLEAN}),
     * or {@code null} for an untyped string.
     */
    public record Simple(String lexical, QName datatype) implements ExtensionValue {
        public Simple {
            Objects.requireNonNull(lexical, "lexical");
        }
    }

    /** Child elements, in document order. */
    public record Complex(List<ExtensionElement> children) implements ExtensionValue {
        public Complex {
            children = Lists.copy(children);
        }
    }

    /** An explicit null: JSON {@code null}, XML {@code xsi:nil="true"}. */
    public record Nil() implements ExtensionValue {
    }
}
