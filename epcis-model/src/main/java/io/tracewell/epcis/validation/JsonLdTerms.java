package io.tracewell.epcis.validation;

import io.tracewell.epcis.model.ExtensionElement;
import com.fasterxml.jackson.databind.JsonNode;
import io.tracewell.epcis.format.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule JSON Schema cannot state: a namespaced field name ({@code prefix:name}) must use a prefix that
 * the document's {@code @context} declares, and fields nested inside an extension value must be
 * namespaced too (EPCIS 2.0 section 10: user extensions are identified by namespace). A JSON-LD processor
 * would otherwise read {@code ext9:weight} as an IRI with the scheme {@code ext9}, or drop a bare
 * {@code weight}, and the data would be lost without a word.
 *
 * <p>Accepted field names, besides those the schema defines: a compact IRI whose prefix is declared in an
 * {@code @context} in scope (the document's, the event's, or one nested on the way) or by the standard
 * EPCIS context; an absolute IRI with an authority ({@code https://example.com/ns/weight}) or a URN.
 */
final class JsonLdTerms {

    /** Prefixes that the standard EPCIS 2.0 context (epcis-context.jsonld) itself defines. */
    static final Set<String> STANDARD_PREFIXES =
            Set.of("epcis", "cbv", "cbvmda", "gs1", "rdfs", "owl", "xsd", "dcterms");

    /** Bare names allowed inside extension values: the EPCIS context aliases id and type to @id and @type. */
    private static final Set<String> BARE_NAMES_IN_EXTENSIONS = Set.of("id", "type");

    static final String EXPECTED_PREFIX = "a prefix declared in @context, e.g. \"@context\": [..., {\"ext\": "
            + "\"https://example.com/ns/\"}], or an absolute URI as the field name (EPCIS 2.0 section 10)";
    static final String EXPECTED_NAMESPACED = "namespaced fields (prefix:name) inside extension values, so that"
            + " JSON-LD processing keeps them (EPCIS 2.0 section 10)";

    /** A field name that breaks the rule. {@code prefix} is null for a bare name inside an extension. */
    record Finding(SourceLocation at, String name, String prefix, boolean tooDeep) {
        Finding(SourceLocation at, String name, String prefix) {
            this(at, name, prefix, false);
        }

        Violation toViolation() {
            if (tooDeep) {
                return new Violation(at, "extension value nested deeper than " + ExtensionElement.MAX_DEPTH
                        + " levels", "at most " + ExtensionElement.MAX_DEPTH + " levels of nested extension fields");
            }
            if (prefix == null) {
                return new Violation(at, "field '" + name + "' inside an extension value is not namespaced",
                        EXPECTED_NAMESPACED);
            }
            return new Violation(at, "extension field '" + name + "' uses prefix '" + prefix
                    + "', which no @context in scope declares", EXPECTED_PREFIX);
        }
    }

    private JsonLdTerms() {
    }

    /** The terms (possible prefixes) an {@code @context} value declares. */
    static Set<String> declaredBy(JsonNode context) {
        Set<String> terms = new HashSet<>();
        collect(context, terms);
        return terms;
    }

    private static void collect(JsonNode context, Set<String> terms) {
        if (context == null) {
            return;
        }
        if (context.isArray()) {
            context.forEach(entry -> collect(entry, terms));
        } else if (context.isObject()) {
            context.fieldNames().forEachRemaining(name -> {
                if (!name.startsWith("@")) {
                    terms.add(name);
                }
            });
        }
    }

    /**
     * The field names in {@code node} (found at {@code at}) that break the rule, given the terms in scope
     * above it. A node's own {@code @context} adds to the scope of its fields.
     */
    static List<Finding> check(JsonNode node, SourceLocation at, Set<String> inScope) {
        List<Finding> findings = new ArrayList<>();
        walk(node, at, inScope, 0, findings);
        return findings;
    }

    /** {@code extensionDepth}: 0 outside extension values, else the nesting level of the field being walked. */
    private static void walk(JsonNode node, SourceLocation at, Set<String> inScope, int extensionDepth,
            List<Finding> findings) {
        boolean inExtension = extensionDepth > 0;
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), Locations.child(at, i), inScope, extensionDepth, findings);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Set<String> scope = inScope;
        if (node.has("@context")) {
            scope = new HashSet<>(inScope);
            scope.addAll(declaredBy(node.get("@context")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.startsWith("@")) {
                continue; // JSON-LD keywords, @context included: not data
            }
            SourceLocation fieldAt = Locations.child(at, name);
            int colon = name.indexOf(':');
            if (colon > 0) {
                String prefix = name.substring(0, colon);
                if (!scope.contains(prefix) && !STANDARD_PREFIXES.contains(prefix) && !isAbsoluteIri(name, colon)) {
                    findings.add(new Finding(fieldAt, name, prefix));
                }
                descend(field.getValue(), fieldAt, scope, extensionDepth + 1, findings, name);
            } else {
                if (inExtension && !BARE_NAMES_IN_EXTENSIONS.contains(name)) {
                    findings.add(new Finding(fieldAt, name, null));
                }
                descend(field.getValue(), fieldAt, scope, inExtension ? extensionDepth + 1 : 0, findings, name);
            }
        }
    }

    private static void descend(JsonNode value, SourceLocation at, Set<String> scope, int extensionDepth,
            List<Finding> findings, String name) {
        if (extensionDepth > ExtensionElement.MAX_DEPTH) {
            findings.add(new Finding(at, name, null, true));
            return;
        }
        walk(value, at, scope, extensionDepth, findings);
    }

    private static boolean isAbsoluteIri(String name, int colon) {
        return name.startsWith("//", colon + 1) || name.regionMatches(true, 0, "urn", 0, 3) && colon == 3;
    }
}
