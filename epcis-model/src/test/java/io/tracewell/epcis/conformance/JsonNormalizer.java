package io.tracewell.epcis.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.conformance.NormalizedJson.Member;
import io.tracewell.epcis.conformance.NormalizedJson.NArray;
import io.tracewell.epcis.conformance.NormalizedJson.NObject;
import io.tracewell.epcis.conformance.NormalizedJson.NScalar;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reduces a JSON-LD EPCIS document to what it means, so that two documents that say the same thing compare equal:
 *
 * <ul>
 *   <li>{@code @context}: the standard EPCIS context (any of its published URLs, full or simple) is dropped; prefix
 *       definitions are applied to member names and then dropped, so that {@code ext1:x} and {@code e:x} are the
 *       same name when both prefixes mean the same IRI. Term definitions that coerce strings to numbers or
 *       booleans are applied to the values ({@code "4"} as {@code xsd:integer} equals {@code 4}, JSON-LD 1.1
 *       §4.2.3) and then dropped. What remains (other remote contexts, other term definitions such as
 *       {@code "@type": "@id"}) is compared.</li>
 *   <li>Member names that are CURIEs are expanded to IRIs (JSON-LD 1.1 §4.1.3); standard names stay as they
 *       are. {@code @type} values of typed values are expanded the same way.</li>
 *   <li>A one-element array is its element and an empty array is an absent member (JSON-LD 1.1 §4.3: a set holds
 *       no order of one and no values when empty).</li>
 *   <li>Numbers are compared by value; standard time fields as instants; CBV and GS1 vocabulary values after
 *       mapping bare word, URN and Web URI to one form ({@link StandardFields}).</li>
 *   <li>Member order is not kept; array order is (EPCIS lists keep their order through both bindings).</li>
 * </ul>
 */
final class JsonNormalizer {

    /** Prefixes the standard EPCIS 2.0 JSON-LD context defines (EPCIS 2.0 §10.1). */
    static final Map<String, String> STANDARD_PREFIXES = Map.of(
            "epcis", "https://ref.gs1.org/epcis/",
            "cbv", "https://ref.gs1.org/cbv/",
            "cbvmda", "urn:epcglobal:cbv:mda:",
            "gs1", "https://gs1.org/voc/",
            "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
            "owl", "http://www.w3.org/2002/07/owl#",
            "xsd", "http://www.w3.org/2001/XMLSchema#",
            "dcterms", "http://purl.org/dc/terms/");

    private static final String CONTEXT = "@context";
    private static final String REMOTE_CONTEXTS = "@remoteContexts";

    private JsonNormalizer() {
    }

    static NormalizedJson normalize(JsonNode document) {
        return value(document, null, null, null, Scope.STANDARD.copy(), false);
    }

    /** True for the URLs under which GS1 publishes the standard context, in its full and its simple form. */
    static boolean isStandardContext(String url) {
        try {
            URI uri = URI.create(url.strip());
            String host = uri.getHost();
            String path = uri.getPath();
            return host != null && path != null
                    && (host.equals("ref.gs1.org") || host.equals("gs1.github.io") || host.equals("gs1.org"))
                    && (path.endsWith("/epcis-context.jsonld") || path.endsWith("/epcis-context-simple.jsonld"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * What a {@code @context} defines for the values below it: prefixes, and the datatypes that term definitions
     * coerce string values to ({@code "ex:count": {"@type": "xsd:integer"}}).
     */
    private record Scope(Map<String, String> prefixes, Map<String, String> coercions) {
        static final Scope STANDARD = new Scope(STANDARD_PREFIXES, Map.of());

        Scope copy() {
            return new Scope(new LinkedHashMap<>(prefixes), new LinkedHashMap<>(coercions));
        }
    }

    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private static final Set<String> XSD_NUMBERS = Set.of(XSD + "integer", XSD + "decimal", XSD + "double",
            XSD + "float", XSD + "int", XSD + "long", XSD + "nonNegativeInteger", XSD + "positiveInteger");

    /**
     * @param parent      the name of the member that encloses this value's object (for JSON, where a field's meaning
     *                    depends on where it stands, e.g. {@code type} in {@code bizTransactionList})
     * @param name        the member name of this value (array items share their array's name)
     * @param coercion    the datatype the context coerces this member's strings to, or {@code null}
     * @param inExtension true below a user extension member: no standard field rules there
     */
    private static NormalizedJson value(JsonNode node, String parent, String name, String coercion, Scope scope,
                                        boolean inExtension) {
        if (node.isObject()) {
            return object(node, name, scope, inExtension);
        }
        if (node.isArray()) {
            List<NormalizedJson> items = new ArrayList<>();
            for (JsonNode item : node) {
                items.add(value(item, parent, name, coercion, scope, inExtension));
            }
            return items.size() == 1 ? items.get(0) : new NArray(items, node);
        }
        return scalar(node, parent, name, coercion, inExtension);
    }

    private static NScalar scalar(JsonNode node, String parent, String name, String coercion,
                                  boolean inExtension) {
        if (node.isNull()) {
            return new NScalar(NormalizedJson.NULL, node);
        }
        if (node.isNumber()) {
            return new NScalar(StandardFields.normalise(node.decimalValue()), node);
        }
        if (node.isBoolean()) {
            return new NScalar(node.booleanValue(), node);
        }
        String text = node.asText();
        if (coercion != null) {
            // JSON-LD 1.1 §4.2.3: a coerced string is a typed value; "4" as xsd:integer is the integer 4, the same
            // RDF literal as the native number 4.
            if (XSD_NUMBERS.contains(coercion)) {
                return new NScalar(StandardFields.decimalOrText(text), node);
            }
            if (coercion.equals(XSD + "boolean") && (text.equals("true") || text.equals("false"))) {
                return new NScalar(Boolean.valueOf(text), node);
            }
        }
        if (inExtension || name == null) {
            return new NScalar(text, node);
        }
        StandardFields.Kind kind = StandardFields.kindOf(parent, name);
        // A quantity or sensor value written as a string is a different JSON value (the JSON schema wants a number).
        return new NScalar(kind == StandardFields.Kind.DECIMAL ? text : StandardFields.canonical(kind, text), node);
    }

    private static NObject object(JsonNode node, String name, Scope outer, boolean inExtension) {
        Scope scope = outer;
        Map<String, Member> members = new LinkedHashMap<>();
        JsonNode context = node.get(CONTEXT);
        if (context != null) {
            // JSON-LD processes @context before the other members, wherever it stands.
            scope = outer.copy();
            NObject remaining = context(context, scope);
            if (!remaining.members().isEmpty()) {
                members.put(CONTEXT, new Member(CONTEXT, remaining, false));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String written = field.getKey();
            JsonNode value = field.getValue();
            if (written.equals(CONTEXT) || (value.isArray() && value.isEmpty())) {
                continue;
            }
            String expanded = expand(written, scope.prefixes());
            boolean extension = inExtension || isExtensionName(written);
            NormalizedJson normalized;
            if (written.equals("@type") && value.isTextual()) {
                normalized = new NScalar(expand(value.asText(), scope.prefixes()), value);
            } else {
                normalized = value(value, name, written, scope.coercions().get(expanded), scope, extension);
            }
            Member previous = members.get(expanded);
            if (previous == null) {
                members.put(expanded, new Member(written, normalized, value.isArray() && value.size() == 1));
            } else {
                // Two spellings of one IRI (e.g. a CURIE and the full IRI) are one property with several values.
                List<NormalizedJson> items = new ArrayList<>();
                addAll(items, previous.value());
                addAll(items, normalized);
                members.put(expanded, new Member(previous.writtenName(), new NArray(items, node), false));
            }
        }
        return new NObject(members, node);
    }

    private static void addAll(List<NormalizedJson> items, NormalizedJson value) {
        if (value instanceof NArray array) {
            items.addAll(array.items());
        } else {
            items.add(value);
        }
    }

    /**
     * Applies a {@code @context} value to the scope and returns what is left to compare: remote contexts other
     * than the standard one (as a sorted array) and term definitions that are neither plain prefix IRIs nor
     * number or boolean coercions (those are applied to the values instead).
     */
    private static NObject context(JsonNode context, Scope scope) {
        List<JsonNode> entries = new ArrayList<>();
        if (context.isArray()) {
            context.forEach(entries::add);
        } else {
            entries.add(context);
        }
        TreeSet<String> remote = new TreeSet<>();
        Map<String, JsonNode> definitions = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            if (entry.isTextual()) {
                if (!isStandardContext(entry.asText())) {
                    remote.add(entry.asText().strip());
                }
            } else if (entry.isObject()) {
                entry.fields().forEachRemaining(d -> {
                    if (d.getValue().isTextual() && !d.getKey().startsWith("@")) {
                        scope.prefixes().put(d.getKey(), d.getValue().asText());
                    } else {
                        definitions.put(d.getKey(), d.getValue());
                    }
                });
            }
        }
        Map<String, Member> members = new LinkedHashMap<>();
        JsonNodeFactory f = JsonNodeFactory.instance;
        // What is shown in a report: only the part of the context that is compared.
        ObjectNode shown = f.objectNode();
        if (!remote.isEmpty()) {
            List<NormalizedJson> urls = new ArrayList<>();
            remote.forEach(u -> urls.add(new NScalar(u, f.textNode(u))));
            ArrayNode source = f.arrayNode().addAll(urls.stream().map(NormalizedJson::source).toList());
            shown.set(REMOTE_CONTEXTS, source);
            members.put(REMOTE_CONTEXTS, new Member(REMOTE_CONTEXTS,
                    urls.size() == 1 ? urls.get(0) : new NArray(urls, source), false));
        }
        definitions.forEach((term, definition) -> {
            String expanded = expand(term, scope.prefixes());
            JsonNode type = definition.get("@type");
            if (definition.isObject() && definition.size() == 1 && type != null && type.isTextual()) {
                String datatype = expand(type.asText(), scope.prefixes());
                if (XSD_NUMBERS.contains(datatype) || datatype.equals(XSD + "boolean")) {
                    scope.coercions().put(expanded, datatype);
                    return;
                }
            }
            shown.set(term, definition);
            members.put(expanded, new Member(term, value(definition, null, null, null, scope, true), false));
        });
        return new NObject(members, shown);
    }

    /** A member name that is not one of the standard's own terms: a CURIE, an IRI or a keyword-free term. */
    private static boolean isExtensionName(String name) {
        return name.indexOf(':') >= 0;
    }

    /** Expands a CURIE with a known prefix; absolute IRIs, keywords and plain terms stay as written. */
    static String expand(String name, Map<String, String> prefixes) {
        if (name.startsWith("@")) {
            return name;
        }
        int colon = name.indexOf(':');
        if (colon < 0) {
            String iri = prefixes.get(name);
            return iri != null && !STANDARD_PREFIXES.containsKey(name) ? iri : name;
        }
        String suffix = name.substring(colon + 1);
        if (suffix.startsWith("//")) {
            return name;
        }
        String iri = prefixes.get(name.substring(0, colon));
        return iri == null ? name : iri + suffix;
    }
}
