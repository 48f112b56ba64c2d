package io.tracewell.epcis.format.jsonld;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one JSON value from a streaming parser into a {@link JsonValue} tree, and turns parse errors into ours. */
final class JsonTrees {

    /** Duplicate member names are an error: JSON-LD gives them no meaning and a silent "last one wins" loses data. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTrees() {
    }

    /** Reads the value whose first token is the parser's current token; leaves the parser on its last token. */
    static JsonValue read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (t) {
            case START_OBJECT: {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    members.put(name, read(p));
                }
                return new JsonValue.Obj(members, line, column);
            }
            case START_ARRAY: {
                List<JsonValue> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                return new JsonValue.Arr(items, line, column);
            }
            case VALUE_STRING:
                return new JsonValue.Str(p.getText(), line, column);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                // getText() returns the number as written in the input, not a re-rendered double.
                return new JsonValue.Num(p.getText(), line, column);
            case VALUE_TRUE:
                return new JsonValue.Bool(true, line, column);
            case VALUE_FALSE:
                return new JsonValue.Bool(false, line, column);
            case VALUE_NULL:
                return new JsonValue.Null(line, column);
            default:
                throw new EpcisFormatException(SourceLocation.of(line, column, pointer(p)),
                        "unexpected JSON token " + t, "a JSON value");
        }
    }

    /** A tree from a Jackson tree (no line or column; numbers as the node renders them). */
    static JsonValue fromNode(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return new JsonValue.Null(0, 0);
        }
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                members.put(e.getKey(), fromNode(e.getValue()));
            }
            return new JsonValue.Obj(members, 0, 0);
        }
        if (node.isArray()) {
            List<JsonValue> items = new ArrayList<>();
            node.forEach(n -> items.add(fromNode(n)));
            return new JsonValue.Arr(items, 0, 0);
        }
        if (node.isNumber()) {
            return new JsonValue.Num(node.isBigDecimal() ? node.decimalValue().toString() : node.asText(), 0, 0);
        }
        if (node.isBoolean()) {
            return new JsonValue.Bool(node.booleanValue(), 0, 0);
        }
        return new JsonValue.Str(node.asText(), 0, 0);
    }

    /** A syntax error (malformed JSON, duplicate member) at the line and column the parser reports. */
    static EpcisFormatException malformed(JsonParser p, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        int column = loc == null ? 0 : loc.getColumnNr();
        return new EpcisFormatException(SourceLocation.of(Math.max(line, 0), Math.max(column, 0), pointer(p)),
                "malformed JSON: " + e.getOriginalMessage(), "well-formed JSON (RFC 8259)", e);
    }

    static String pointer(JsonParser p) {
        return p == null ? null : p.getParsingContext().pathAsPointer().toString();
    }
}
