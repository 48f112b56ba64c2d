package io.tracewell.epcis.hash;

import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * Renders user extensions (CBV 2.0 event hash ID, rule on user extensions): an element is
 * {@code {namespaceURI}localName}, followed by {@code =value} for a non-empty simple value, followed by its
 * attributes and child elements, which are rendered the same way and sorted as strings. An unqualified name has no
 * braces. The namespace URI is taken verbatim, so a JSON-LD prefix and an XML namespace must be the same string for
 * the two bindings to hash alike (the model maps {@code cbvmda} to the XML form, see docs/formats.md).
 *
 * <p>Values go through the same value rules as standard fields except the timestamp rule, since an extension's
 * type is not known.
 */
final class ExtensionRendering {
    /** {@code rdfs:comment}: a note for readers, not event data; the reference leaves it out of the hash. */
    private static final QName COMMENT = new QName("http://www.w3.org/2000/01/rdf-schema#", "comment");

    private final ValueCanonicaliser values;
    private final String masterDataNamespace;

    ExtensionRendering(ValueCanonicaliser values, String masterDataNamespace) {
        this.values = values;
        this.masterDataNamespace = masterDataNamespace;
    }

    /** False for elements that are not hashed (comments). */
    static boolean isHashed(ExtensionElement element) {
        return !COMMENT.equals(element.name());
    }

    /** The extensions rendered and sorted, concatenated; empty when there are none. */
    String sorted(List<ExtensionElement> extensions) {
        if (extensions.isEmpty()) {
            return "";
        }
        List<String> rendered = new ArrayList<>(extensions.size());
        for (ExtensionElement e : extensions) {
            if (isHashed(e)) {
                rendered.add(render(e));
            }
        }
        return CodePointOrder.sortedConcat(rendered);
    }

    String render(ExtensionElement element) {
        StringBuilder sb = new StringBuilder();
        name(sb, element.name());
        List<String> members = new ArrayList<>();
        ExtensionElement.ExtensionValue value = element.value();
        if (value instanceof ExtensionElement.Simple) {
            ExtensionElement.Simple simple = (ExtensionElement.Simple) value;
            String v = Datatypes.BOOLEAN.equals(simple.datatype())
                    ? booleanValue(simple.lexical())
                    : values.value(simple.lexical());
            if (!v.isEmpty()) {
                sb.append('=').append(v);
            }
        } else if (value instanceof ExtensionElement.Complex) {
            for (ExtensionElement child : ((ExtensionElement.Complex) value).children()) {
                if (isHashed(child)) {
                    members.add(render(child));
                }
            }
        }
        // Nil: the name alone, like an empty value.
        for (ExtensionAttribute attribute : element.attributes()) {
            StringBuilder a = new StringBuilder();
            name(a, attribute.name());
            String v = values.value(attribute.value());
            if (!v.isEmpty()) {
                a.append('=').append(v);
            }
            members.add(a.toString());
        }
        return sb.append(CodePointOrder.sortedConcat(members)).toString();
    }

    private void name(StringBuilder sb, QName name) {
        String ns = name.getNamespaceURI();
        if (CbvMasterData.isMasterDataNamespace(ns)) {
            ns = masterDataNamespace;
        }
        if (ns != null && !ns.isEmpty()) {
            sb.append('{').append(ns).append('}');
        }
        sb.append(name.getLocalPart());
    }

    /** xsd:boolean allows {@code 1} and {@code 0}; the pre-hash writes {@code true} and {@code false}. */
    private String booleanValue(String lexical) {
        String v = lexical.strip();
        if (v.equals("1") || v.equals("true")) {
            return "true";
        }
        if (v.equals("0") || v.equals("false")) {
            return "false";
        }
        return values.value(v);
    }
}
