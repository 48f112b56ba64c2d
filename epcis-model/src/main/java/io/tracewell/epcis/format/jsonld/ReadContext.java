package io.tracewell.epcis.format.jsonld;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * The active JSON-LD context while reading: the standard prefixes, the document's own declarations and, inside an
 * event that carries its own {@code @context}, the event's. Only what EPCIS needs is interpreted (JSON-LD 1.1 §3.1):
 * prefix declarations ({@code "ex": "https://..."}), {@code @vocab}, and type coercion of user properties
 * ({@code "ex:count": {"@type": "xsd:integer"}}). Remote contexts are never fetched; their URLs are kept.
 */
final class ReadContext {
    static final ReadContext STANDARD = new ReadContext(null);

    private final ReadContext parent;
    /** Prefix (or term) to model namespace; a {@code null} value undefines an inherited one. */
    private final Map<String, String> prefixes = new HashMap<>();
    private final Map<QName, QName> coercions = new HashMap<>();
    private String vocab;
    /** What this level declared, for the document header: prefix declarations and context URLs. */
    private final Map<String, String> declared = new LinkedHashMap<>();
    private final List<String> urls = new ArrayList<>();

    private ReadContext(ReadContext parent) {
        this.parent = parent;
        this.vocab = parent == null ? null : parent.vocab;
    }

    /** This context extended by an {@code @context} value: a URL, an object, or an array of both. */
    ReadContext extend(JsonValue context, JsonPath path) {
        ReadContext ctx = new ReadContext(this);
        if (context instanceof JsonValue.Arr arr) {
            for (int i = 0; i < arr.items().size(); i++) {
                ctx.apply(arr.items().get(i), path.child(i), false);
            }
        } else {
            ctx.apply(context, path, true);
        }
        return ctx;
    }

    /** Prefix declarations made by this level (prefix to model namespace), in document order. */
    Map<String, String> declared() {
        return declared;
    }

    /** Context URLs other than the standard context's, in document order. */
    List<String> urls() {
        return urls;
    }

    private void apply(JsonValue value, JsonPath path, boolean topLevel) {
        if (value instanceof JsonValue.Str s) {
            if (!StandardContext.isStandardUrl(s.value()) && !urls.contains(s.value())) {
                urls.add(s.value());
            }
        } else if (value instanceof JsonValue.Obj obj) {
            applyDefinitions(obj, path);
        } else if (!(value instanceof JsonValue.Null)) {
            throw path.error(value, "@context holds " + value.kind(), topLevel
                    ? "a context URL, an object of prefix declarations, or an array of these"
                    : "a context URL or an object of prefix declarations");
        }
    }

    private void applyDefinitions(JsonValue.Obj obj, JsonPath path) {
        // Prefixes first, so that a coercion may use a prefix declared after it in the same object.
        for (Map.Entry<String, JsonValue> e : obj.members().entrySet()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            if ("@vocab".equals(key)) {
                vocab = v instanceof JsonValue.Str s ? StandardContext.toNamespace(s.value()) : null;
            } else if (key.startsWith("@") || key.indexOf(':') >= 0) {
                continue; // @version, @protected, @base ...; compact-IRI terms are handled below
            } else if (v instanceof JsonValue.Str s && !s.value().startsWith("@")) {
                declare(key, s.value(), true);
            } else if (v instanceof JsonValue.Obj def && def.get("@id") instanceof JsonValue.Str id
                    && !id.value().startsWith("@")) {
                declare(key, id.value(), false);
            } else if (v instanceof JsonValue.Null) {
                prefixes.put(key, null);
            }
        }
        for (Map.Entry<String, JsonValue> e : obj.members().entrySet()) {
            if (e.getValue() instanceof JsonValue.Obj def && def.get("@type") instanceof JsonValue.Str type
                    && !type.value().startsWith("@") && !e.getKey().startsWith("@")) {
                JsonPath at = path.child(e.getKey());
                QName property = resolveName(e.getKey(), def, at, false);
                coercions.put(property, resolveDatatype(type.value(), type, at.child("@type")));
            }
        }
    }

    private void declare(String prefix, String iri, boolean asNamespace) {
        String namespace = StandardContext.toNamespace(iri);
        prefixes.put(prefix, namespace);
        if (asNamespace) {
            declared.put(prefix, namespace);
        }
    }

    /** The model namespace bound to a prefix here, or {@code null}. */
    String namespace(String prefix) {
        for (ReadContext c = this; c != null; c = c.parent) {
            if (c.prefixes.containsKey(prefix)) {
                return c.prefixes.get(prefix);
            }
        }
        return StandardContext.namespace(prefix);
    }

    /** A term or prefix the document itself defined (not a standard prefix), as a model namespace. */
    private String declaredIri(String term) {
        for (ReadContext c = this; c != null; c = c.parent) {
            if (c.prefixes.containsKey(term)) {
                return c.prefixes.get(term);
            }
        }
        return null;
    }

    /** The datatype the context coerces a property's string values to, or {@code null}. */
    QName coercion(QName property) {
        for (ReadContext c = this; c != null; c = c.parent) {
            QName t = c.coercions.get(property);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /**
     * Resolves a member name (or a datatype IRI) to a qualified name: a CURIE with a declared prefix, an
     * absolute IRI (split after its last {@code /}, {@code #} or {@code :}), a term of the context, a name under
     * {@code @vocab}, or, where {@code unqualifiedAllowed} (children and attributes inside an extension), a name
     * in no namespace.
     */
    QName resolveName(String key, JsonValue at, JsonPath path, boolean unqualifiedAllowed) {
        int colon = key.indexOf(':');
        if (colon > 0) {
            String prefix = key.substring(0, colon);
            String local = key.substring(colon + 1);
            String ns = local.startsWith("//") ? null : namespace(prefix);
            if (ns != null) {
                if (!Names.isNcName(local)) {
                    throw path.error(at, "the local part of '" + key + "' is not an XML name",
                            "a name that starts with a letter or '_' followed by letters, digits, '.', '-' or '_'");
                }
                return new QName(ns, local, prefix);
            }
            if (Names.isAbsoluteIri(key)) {
                return splitIri(key, at, path);
            }
            throw path.error(at, "the prefix '" + prefix + "' of '" + key + "' is not declared in @context",
                    "a CURIE with a declared prefix (in the document's @context or one of the standard prefixes "
                            + "epcis, cbv, cbvmda, gs1, rdfs, owl, xsd, dcterms) or an absolute IRI");
        }
        if (colon < 0 && Names.isNcName(key)) {
            String termIri = declaredIri(key);
            if (termIri != null) {
                int split = Names.splitPoint(termIri);
                if (split > 0 && Names.isNcName(termIri.substring(split))) {
                    return new QName(StandardContext.toNamespace(termIri.substring(0, split)),
                            termIri.substring(split));
                }
            }
            if (vocab != null) {
                return new QName(vocab, key);
            }
            if (unqualifiedAllowed) {
                return new QName(key);
            }
        }
        throw path.error(at, "extension keys must be namespaced: '" + key + "' at " + path,
                "a CURIE with a declared prefix or an absolute IRI");
    }

    /** A datatype named by a value object's {@code @type} or a coercion: a CURIE or an absolute IRI. */
    QName resolveDatatype(String iri, JsonValue at, JsonPath path) {
        if (iri.indexOf(':') <= 0) {
            throw path.error(at, "the datatype '" + iri + "' is not an IRI",
                    "a datatype CURIE or IRI such as \"xsd:dateTime\"");
        }
        return resolveName(iri, at, path, false);
    }

    private static QName splitIri(String iri, JsonValue at, JsonPath path) {
        int split = Names.splitPoint(iri);
        String local = split < 0 ? "" : iri.substring(split);
        if (!Names.isNcName(local)) {
            throw path.error(at, "the IRI '" + iri + "' does not end in an XML name",
                    "an IRI whose last segment (after '/', '#' or ':') is a name such as 'myField'");
        }
        return new QName(StandardContext.toNamespace(iri.substring(0, split)), local);
    }
}
