package io.tracewell.epcis.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Prefix to namespace IRI declarations for user extensions: the JSON-LD {@code @context} term definitions of
 * the form {@code "example": "https://ns.example.com/epcis/"} and the XML {@code xmlns:example} declarations.
 * The same IRI string is used in both bindings, so an extension converts without a change of namespace.
 */
public record Namespaces(Map<String, String> byPrefix) {
    public static final Namespaces NONE = new Namespaces(Map.of());

    public Namespaces {
        Objects.requireNonNull(byPrefix, "byPrefix");
        byPrefix = Collections.unmodifiableMap(new LinkedHashMap<>(byPrefix));
    }

    public String iri(String prefix) {
        return byPrefix.get(prefix);
    }

    /** The first prefix declared for an IRI, or {@code null}. */
    public String prefixOf(String iri) {
        for (Map.Entry<String, String> e : byPrefix.entrySet()) {
            if (e.getValue().equals(iri)) {
                return e.getKey();
            }
        }
        return null;
    }

    public Namespaces with(String prefix, String iri) {
        Map<String, String> copy = new LinkedHashMap<>(byPrefix);
        copy.put(prefix, iri);
        return new Namespaces(copy);
    }

    public boolean isEmpty() {
        return byPrefix.isEmpty();
    }
}
