package io.tracewell.epcis.format.jsonld;

import java.util.List;
import java.util.Map;

/**
 * One JSON value read from the input, with the line and column where it starts. The reader builds this small
 * tree for one event at a time (never for the whole document) so that errors can name the line and column of the
 * offending value, and numbers keep their lexical form ({@code 26.0} stays {@code 26.0}), which a decimal's scale
 * and an extension's datatype depend on.
 */
sealed interface JsonValue {

    /** 1-based line, 0 when unknown (a tree that did not come from text). */
    int line();

    /** 1-based column, 0 when unknown. */
    int column();

    /** The kind of value, worded for error messages: "an object", "a string", ... */
    String kind();

    /** An object; members keep document order. Duplicate names are rejected while parsing. */
    record Obj(Map<String, JsonValue> members, int line, int column) implements JsonValue {
        public JsonValue get(String name) {
            return members.get(name);
        }

        public boolean has(String name) {
            return members.containsKey(name);
        }

        @Override
        public String kind() {
            return "an object";
        }
    }

    record Arr(List<JsonValue> items, int line, int column) implements JsonValue {
        @Override
        public String kind() {
            return "an array";
        }
    }

    record Str(String value, int line, int column) implements JsonValue {
        @Override
        public String kind() {
            return "a string";
        }
    }

    /** A number exactly as written, e.g. {@code 26.0}, {@code 1e3}, {@code -0}. */
    record Num(String lexical, int line, int column) implements JsonValue {
        @Override
        public String kind() {
            return "a number";
        }
    }

    record Bool(boolean value, int line, int column) implements JsonValue {
        @Override
        public String kind() {
            return "a boolean";
        }
    }

    record Null(int line, int column) implements JsonValue {
        @Override
        public String kind() {
            return "null";
        }
    }
}
