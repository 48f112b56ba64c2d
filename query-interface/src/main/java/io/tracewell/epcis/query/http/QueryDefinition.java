package io.tracewell.epcis.query.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.query.QueryContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A named query's definition as {@code POST /queries} takes it (EPCIS 2.0 §12, REST-binding named queries):
 * {@code {"name": ..., "query": {...}}}, where each member of {@code query} is a SimpleEventQuery parameter with
 * a JSON array for a list (a single string or number for the others) and {@code @context} may bind the CURIE
 * prefixes of extension field names. Read into the same parameter map a URL gives, so that one parser checks
 * and runs both.
 *
 * @param parameters each parameter with its values, in the order written
 * @param context    the prefixes of {@code @context}
 */
record QueryDefinition(Map<String, List<String>> parameters, QueryContext context) {

    /** 1 to 128 letters, digits, {@code -}, {@code _} and {@code .}: a name that is one path segment as it is. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    static final String NAME_EXPECTED = "1 to 128 characters, each a letter, digit, '-', '_' or '.'";

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A definition that cannot be read: where (a JSON pointer, or a line and column) and what was expected. */
    static final class InvalidDefinition extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient SourceLocation location;
        private final String expected;

        InvalidDefinition(SourceLocation location, String message, String expected) {
            super(message, null, false, false);
            this.location = location;
            this.expected = expected;
        }

        SourceLocation location() {
            return location;
        }

        String expected() {
            return expected;
        }
    }

    /** The body of {@code POST /queries}: the name and the {@code query} object. */
    record Body(String name, ObjectNode query) {}

    /** Reads and checks the shape of a {@code POST /queries} body (the parameters are checked by the parser). */
    static Body readBody(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InvalidDefinition(at == null ? SourceLocation.NONE
                    : SourceLocation.of(Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0)),
                    "the body is not JSON: " + e.getOriginalMessage(), "a JSON object {\"name\": ..., \"query\": {...}}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reading a byte array failed", e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDefinition(SourceLocation.of(0, 0, ""), "the body is not a JSON object",
                    "a JSON object {\"name\": ..., \"query\": {...}}");
        }
        JsonNode name = root.get("name");
        if (name == null || !name.isTextual()) {
            throw new InvalidDefinition(SourceLocation.of(0, 0, "/name"),
                    name == null ? "the query's name is missing" : "the name is not a string",
                    "the query's name: " + NAME_EXPECTED);
        }
        if (!NAME.matcher(name.asText()).matches()) {
            throw new InvalidDefinition(SourceLocation.of(0, 0, "/name"),
                    "\"" + name.asText() + "\" is not a valid query name", NAME_EXPECTED);
        }
        JsonNode query = root.get("query");
        if (query == null || !query.isObject()) {
            throw new InvalidDefinition(SourceLocation.of(0, 0, "/query"),
                    query == null ? "the query is missing" : "the query is not a JSON object",
                    "a JSON object of SimpleEventQuery parameters, e.g. {\"eventType\": [\"ObjectEvent\"]}");
        }
        return new Body(name.asText(), (ObjectNode) query);
    }

    /**
     * The parameters and prefixes of a {@code query} object.
     *
     * @param pointer the JSON pointer of the object, for errors
     */
    static QueryDefinition of(ObjectNode query, String pointer) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        Namespaces prefixes = Namespaces.NONE;
        for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String at = pointer + "/" + escape(member.getKey());
            if (member.getKey().equals("@context")) {
                prefixes = context(member.getValue(), at, prefixes);
            } else {
                parameters.put(member.getKey(), values(member.getValue(), at));
            }
        }
        return new QueryDefinition(parameters, new QueryContext(prefixes));
    }

    /** The JSON pointer of a parameter of the {@code query} object at {@code pointer}. */
    static String pointerOf(String pointer, String parameter) {
        return pointer + "/" + escape(parameter);
    }

    private static List<String> values(JsonNode value, String at) {
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                values.add(scalar(value.get(i), at + "/" + i));
            }
        } else {
            values.add(scalar(value, at));
        }
        return values;
    }

    private static String scalar(JsonNode value, String at) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isNull()) {
            return "";
        }
        throw new InvalidDefinition(SourceLocation.of(0, 0, at), "a parameter value is a JSON "
                + (value.isArray() ? "array" : "object") + " here",
                "a string or number, or an array of them for a list");
    }

    /** {@code @context}: a context URL (nothing to bind), an object of prefix to IRI, or an array of these. */
    private static Namespaces context(JsonNode context, String at, Namespaces prefixes) {
        if (context.isTextual()) {
            return prefixes;
        }
        if (context.isArray()) {
            Namespaces result = prefixes;
            for (int i = 0; i < context.size(); i++) {
                result = context(context.get(i), at + "/" + i, result);
            }
            return result;
        }
        if (context.isObject()) {
            Namespaces result = prefixes;
            for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> binding = it.next();
                if (!binding.getValue().isTextual()) {
                    throw new InvalidDefinition(SourceLocation.of(0, 0, at + "/" + escape(binding.getKey())),
                            "the prefix " + binding.getKey() + " is not bound to a string",
                            "\"prefix\": \"namespace IRI\"");
                }
                result = result.with(binding.getKey(), binding.getValue().asText());
            }
            return result;
        }
        throw new InvalidDefinition(SourceLocation.of(0, 0, at), "@context is neither a URL, an object nor an array",
                "{\"prefix\": \"namespace IRI\", ...}, a context URL, or an array of these");
    }

    /** RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
