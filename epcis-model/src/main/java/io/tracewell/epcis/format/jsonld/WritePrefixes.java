package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Namespaces;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Which key the writer uses for a qualified name: {@code prefix:local} with a prefix declared in the document's
 * {@code @context} (the header's namespaces, or a standard prefix), else with a prefix declared where it is needed
 * (the document's or the event's own {@code @context}), else the absolute IRI when it splits back into the same
 * namespace and local name.
 */
final class WritePrefixes {
    /** XML binding namespaces that a JSON-LD document has no use for (the XML reader may list them). */
    private static final Set<String> XML_ONLY = Set.of(Datatypes.XSI_NS,
            "urn:epcglobal:epcis:xsd:1", "urn:epcglobal:epcis:xsd:2",
            "urn:epcglobal:epcis-query:xsd:1", "urn:epcglobal:epcis-query:xsd:2",
            "urn:epcglobal:epcis-masterdata:xsd:1", "urn:epcglobal:epcis-masterdata:xsd:2",
            "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/");

    private final WritePrefixes parent;
    /** Prefix to namespace for the prefixes this scope writes into its {@code @context}. */
    private final Map<String, String> declared = new LinkedHashMap<>();
    /** Prefixes in force here (including standard ones, unless the document rebinds them). */
    private final Map<String, String> bound = new HashMap<>();
    private final Map<String, String> prefixByNamespace = new HashMap<>();

    private WritePrefixes(WritePrefixes parent) {
        this.parent = parent;
    }

    /** The document scope: the standard prefixes and the header's own declarations. */
    static WritePrefixes document(Namespaces namespaces) {
        WritePrefixes w = new WritePrefixes(null);
        Map<String, String> own = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : namespaces.byPrefix().entrySet()) {
            String prefix = e.getKey();
            String ns = e.getValue();
            // A standard prefix re-declared with its standard IRI is kept: JSON-LD allows the identical
            // definition of a protected term, and the header's namespaces then survive a round trip as they are.
            if (Names.isNcName(prefix) && !XML_ONLY.contains(ns) && !StandardContext.RESERVED_TERMS.contains(prefix)) {
                own.put(prefix, ns);
            }
        }
        for (String prefix : List.of("epcis", "cbv", "cbvmda", "gs1", "rdfs", "owl", "xsd", "dcterms")) {
            if (!own.containsKey(prefix)) {
                w.bind(prefix, StandardContext.namespace(prefix));
            }
        }
        own.forEach(w::declare);
        return w;
    }

    /** A scope for one event, whose own declarations go into the event's {@code @context}. */
    WritePrefixes child() {
        return new WritePrefixes(this);
    }

    /** Prefix to JSON-LD IRI, for this scope's {@code @context}. */
    Map<String, String> declarations() {
        Map<String, String> out = new LinkedHashMap<>();
        declared.forEach((p, ns) -> out.put(p, StandardContext.toIri(ns)));
        return out;
    }

    /** Makes sure every name in these extensions can be written, declaring prefixes in this scope as needed. */
    void requireAll(List<ExtensionElement> elements) {
        for (ExtensionElement e : elements) {
            require(e);
        }
    }

    void require(ExtensionElement e) {
        require(e.name());
        for (ExtensionAttribute a : e.attributes()) {
            require(a.name());
        }
        requireValue(e.value());
    }

    void requireValue(ExtensionElement.ExtensionValue v) {
        if (v instanceof ExtensionElement.Complex c) {
            requireAll(c.children());
        } else if (v instanceof ExtensionElement.Simple s && s.datatype() != null) {
            require(s.datatype());
        }
    }

    void require(QName name) {
        String ns = name.getNamespaceURI();
        if (ns.isEmpty() || prefixOf(ns) != null) {
            return;
        }
        String wanted = name.getPrefix();
        if (Names.isNcName(wanted) && isFree(wanted)) {
            declare(wanted, ns);
        } else if (!Names.splitsBack(ns, name.getLocalPart()) || !StandardContext.toNamespace(ns).equals(ns)) {
            int n = 1;
            while (!isFree("ns" + n)) {
                n++;
            }
            declare("ns" + n, ns);
        }
    }

    /** The member name for an element or attribute (without the {@code @} of an attribute). */
    String key(QName name) {
        String ns = name.getNamespaceURI();
        if (ns.isEmpty()) {
            return name.getLocalPart();
        }
        String prefix = prefixOf(ns);
        return prefix != null ? prefix + ":" + name.getLocalPart() : ns + name.getLocalPart();
    }

    /** Event scopes only add prefixes that are free in every outer scope, so the first match is in force. */
    private String prefixOf(String ns) {
        for (WritePrefixes w = this; w != null; w = w.parent) {
            String p = w.prefixByNamespace.get(ns);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private boolean isFree(String prefix) {
        if (StandardContext.RESERVED_TERMS.contains(prefix) || StandardContext.isStandardPrefix(prefix)) {
            return false;
        }
        for (WritePrefixes w = this; w != null; w = w.parent) {
            if (w.bound.containsKey(prefix)) {
                return false;
            }
        }
        return true;
    }

    private void declare(String prefix, String ns) {
        declared.put(prefix, ns);
        bind(prefix, ns);
    }

    private void bind(String prefix, String ns) {
        bound.put(prefix, ns);
        prefixByNamespace.putIfAbsent(ns, prefix);
    }
}
