package io.tracewell.epcis.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.tracewell.epcis.format.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns JSON Schema errors into violations that say what is wrong and what the standard expects.
 *
 * <p>The expectation comes from the schema itself: the nearest {@code description} above the failed
 * keyword (within its definition) states the rule or the value space, and the nearest {@code title}
 * names the object or the rule. That keeps the wording in one place, next to the rule it explains.
 */
final class JsonSchemaErrors {

    private static final Set<String> CONTAINER_KEYWORDS = Set.of(
            "properties", "patternProperties", "$defs", "definitions", "dependentRequired", "dependentSchemas");
    private static final String FALLBACK_EXPECTED = "a value valid against the EPCIS 2.0 JSON binding (EPCIS 2.0 section 10)";

    private final JsonNode schemaTree;

    JsonSchemaErrors(JsonNode schemaTree) {
        this.schemaTree = schemaTree;
    }

    /**
     * Violations for {@code errors}, whose instance locations are relative to {@code base}. Two errors
     * from the same subschema at the same place (a date-time that breaks both its pattern and its format)
     * are one violation.
     */
    List<Violation> translate(List<Error> errors, SourceLocation base) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Error error : errors) {
            List<String> keywordPath = schemaPath(error);
            List<String> schemaNodePath = keywordPath.isEmpty() ? keywordPath : keywordPath.subList(0, keywordPath.size() - 1);
            SourceLocation at = Locations.append(base, error.getInstanceLocation().toString());
            String key = at.pointer() + "|" + String.join("/", schemaNodePath) + "|" + error.getProperty();
            if (seen.add(key)) {
                violations.add(translate(error, at, schemaNodePath));
            }
        }
        return violations;
    }

    private Violation translate(Error error, SourceLocation at, List<String> nodePath) {
        String keyword = String.valueOf(error.getKeyword());
        JsonNode schemaNode = node(nodePath);
        String description = nearest(nodePath, "description");
        String title = nearest(nodePath, "title");
        String property = error.getProperty();
        Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
        JsonNode instance = error.getInstanceNode();
        return switch (keyword) {
            case "required" -> new Violation(at, "missing required field '" + property + "'",
                    or(description, "field '" + property + "'" + (title != null ? ", which " + title + " requires" : "")));
            case "additionalProperties" -> new Violation(Locations.child(at, property),
                    "unexpected field '" + property + "'", allowedFields(schemaNode, title));
            case "false", "not" -> new Violation(at, or(title, "a value that is not allowed here"),
                    or(description, "no such value here"));
            case "enum" -> new Violation(at, "value " + render(instance) + " is not allowed",
                    or(description, "one of " + render(schemaNode.path("enum"))));
            case "const" -> new Violation(at, "value " + render(instance) + " is not allowed",
                    or(description, render(schemaNode.path("const"))));
            case "pattern" -> new Violation(at, "invalid value " + render(instance),
                    or(description, "a string matching " + schemaNode.path("pattern").asText()));
            case "format" -> new Violation(at,
                    "invalid value " + render(instance) + ": not a valid " + schemaNode.path("format").asText(),
                    or(description, "a valid " + schemaNode.path("format").asText()));
            case "type" -> new Violation(at, "value " + render(instance) + " has the wrong type",
                    description != null ? description + " (a JSON " + typeNames(schemaNode.path("type")) + ")"
                            : "a JSON " + typeNames(schemaNode.path("type")));
            case "minItems" -> new Violation(at,
                    instance != null && instance.isArray() && instance.isEmpty() ? "empty list"
                            : "too few items in the list",
                    or(description, "at least " + schemaNode.path("minItems").asInt() + " item(s)"));
            case "uniqueItems" -> new Violation(at, "the list repeats an item", "each item at most once");
            case "minProperties" -> new Violation(at, or(title, "empty object"),
                    or(description, "at least " + schemaNode.path("minProperties").asInt() + " field(s)"));
            case "dependentRequired" -> new Violation(at,
                    "field '" + property + "' is given without '" + (args.length > 0 ? args[0] : "?") + "'",
                    or(description, "field '" + (args.length > 0 ? args[0] : "?") + "' whenever '" + property + "' is given"));
            default -> new Violation(at, String.valueOf(error.getMessage()), or(description, FALLBACK_EXPECTED));
        };
    }

    private static String allowedFields(JsonNode schemaNode, String title) {
        String owner = title != null ? title : "this object";
        List<String> names = new ArrayList<>();
        schemaNode.path("properties").fieldNames().forEachRemaining(names::add);
        if (schemaNode.has("patternProperties")) {
            return (names.isEmpty() ? "" : "a field defined for " + owner + ", or ")
                    + "an extension field named prefix:name with the prefix declared in @context, or named by an"
                    + " absolute URI (EPCIS 2.0 section 10)";
        }
        return "one of the fields of " + owner + ": " + String.join(", ", names);
    }

    /** The schema path of the failed keyword, as tokens: [$defs, objectEvent, allOf, 0, then, false]. */
    private static List<String> schemaPath(Error error) {
        String location = String.valueOf(error.getSchemaLocation());
        int hash = location.indexOf('#');
        List<String> tokens = new ArrayList<>();
        if (hash < 0 || hash == location.length() - 1) {
            return tokens;
        }
        for (String token : location.substring(hash + 2).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private JsonNode node(List<String> path) {
        JsonNode node = schemaTree;
        for (String token : path) {
            node = node.isArray() ? node.path(Integer.parseInt(token)) : node.path(token);
        }
        return node;
    }

    /**
     * The nearest value of {@code annotation} at or above the schema at {@code path}, looking no further
     * than the enclosing definition (an entry of $defs) so that a definition's own wording never explains
     * an unrelated error.
     */
    private String nearest(List<String> path, String annotation) {
        for (int end = path.size(); end >= 0; end--) {
            if (end > 0 && CONTAINER_KEYWORDS.contains(path.get(end - 1))) {
                continue; // path[0..end] is a map of schemas such as "properties", not a schema
            }
            JsonNode node = node(path.subList(0, end));
            if (node.isObject() && node.hasNonNull(annotation)) {
                return node.get(annotation).asText();
            }
            if (end == 2 && ("$defs".equals(path.get(0)) || "definitions".equals(path.get(0)))) {
                return null;
            }
        }
        return null;
    }

    private static String typeNames(JsonNode type) {
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(t.asText()));
            return String.join(" or ", names);
        }
        return type.isMissingNode() ? "value" : type.asText();
    }

    private static String render(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "(none)";
        }
        String text = value.isArray() ? joinArray(value) : value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static String joinArray(JsonNode array) {
        List<String> items = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            items.add(it.next().asText());
        }
        return String.join(", ", items);
    }

    private static String or(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }
}
