package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.TimeZoneOffset;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to the members of one JSON object, with errors that carry the JSON pointer and line/column of the
 * offending value and say what was expected. Parse, don't validate: every accessor returns a typed value or fails.
 */
final class Members {
    private final JsonValue.Obj obj;
    private final JsonPath path;
    private final ReadContext ctx;
    private final String what;

    private Members(JsonValue.Obj obj, JsonPath path, ReadContext ctx, String what) {
        this.obj = obj;
        this.path = path;
        this.ctx = ctx;
        this.what = what;
    }

    /** The object at {@code path}; {@code what} names it in messages ("an ObjectEvent", "readPoint"). */
    static Members of(JsonValue value, JsonPath path, ReadContext ctx, String what) {
        if (!(value instanceof JsonValue.Obj obj)) {
            throw path.error(value, what + " is " + value.kind(), "a JSON object");
        }
        return new Members(obj, path, ctx, what);
    }

    JsonValue.Obj obj() {
        return obj;
    }

    JsonPath path() {
        return path;
    }

    ReadContext ctx() {
        return ctx;
    }

    Members withContext(ReadContext c) {
        return new Members(obj, path, c, what);
    }

    JsonValue get(String key) {
        return obj.get(key);
    }

    boolean has(String key) {
        return obj.has(key);
    }

    EpcisFormatException error(String key, String problem, String expected) {
        return path.child(key).error(obj.get(key), problem, expected);
    }

    EpcisFormatException missing(String key, String expected) {
        return path.error(obj, what + " has no '" + key + "'", "a member '" + key + "' holding " + expected);
    }

    String string(String key) {
        JsonValue v = obj.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonValue.Str s) {
            return s.value();
        }
        throw error(key, "'" + key + "' is " + v.kind(), "a string");
    }

    String requiredString(String key) {
        String s = string(key);
        if (s == null) {
            throw missing(key, "a string");
        }
        return s;
    }

    EpcisTime time(String key) {
        String s = string(key);
        if (s == null) {
            return null;
        }
        try {
            return EpcisTime.parse(s);
        } catch (IllegalArgumentException e) {
            throw error(key, "'" + key + "' is not a date-time: '" + s + "'",
                    "a date-time with time zone such as 2024-05-01T10:15:30.000+02:00 or 2024-05-01T08:15:30Z");
        }
    }

    EpcisTime requiredTime(String key) {
        EpcisTime t = time(key);
        if (t == null) {
            throw missing(key, "a date-time with time zone");
        }
        return t;
    }

    TimeZoneOffset requiredOffset(String key) {
        String s = string(key);
        if (s == null) {
            throw missing(key, "a time zone offset +HH:MM or -HH:MM");
        }
        try {
            return TimeZoneOffset.parse(s);
        } catch (IllegalArgumentException e) {
            throw error(key, "'" + key + "' is not a time zone offset: '" + s + "'",
                    "a time zone offset +HH:MM or -HH:MM between -14:00 and +14:00");
        }
    }

    /** A JSON number, kept with its scale ({@code 26.0} stays 26.0). */
    BigDecimal decimal(String key) {
        JsonValue v = obj.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonValue.Num n) {
            return new BigDecimal(n.lexical());
        }
        throw error(key, "'" + key + "' is " + v.kind(), "a JSON number");
    }

    Boolean bool(String key) {
        JsonValue v = obj.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonValue.Bool b) {
            return b.value();
        }
        throw error(key, "'" + key + "' is " + v.kind(), "true or false");
    }

    /** An array of strings; a single string counts as a one-element array (JSON-LD treats them alike). */
    /**
     * A CBV value: a bare word, URN or Web URI of a standard term, or any other absolute URI. A bare word that is
     * not a term of the vocabulary is an error here (in JSON-LD it would expand to a term the CBV does not have).
     */
    <T> T cbv(String key, Function<String, T> parse) {
        String s = string(key);
        if (s == null) {
            return null;
        }
        try {
            return parse.apply(s);
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage(), "a term of the CBV vocabulary (bare word, URN or Web URI) or an absolute URI");
        }
    }

    <T> T requiredCbv(String key, Function<String, T> parse) {
        T value = cbv(key, parse);
        if (value == null) {
            throw missing(key, "a term of the CBV vocabulary (bare word, URN or Web URI) or an absolute URI");
        }
        return value;
    }

    <T> List<T> cbvs(String key, Function<String, T> parse) {
        List<String> values = strings(key);
        List<T> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                out.add(parse.apply(values.get(i)));
            } catch (IllegalArgumentException e) {
                throw path.child(key).child(i).error(null, e.getMessage(),
                        "a term of the CBV vocabulary (bare word, URN or Web URI) or an absolute URI");
            }
        }
        return out;
    }

    List<String> strings(String key) {
        JsonValue v = obj.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof JsonValue.Str s) {
            return List.of(s.value());
        }
        if (!(v instanceof JsonValue.Arr arr)) {
            throw error(key, "'" + key + "' is " + v.kind(), "an array of strings");
        }
        List<String> out = new ArrayList<>(arr.items().size());
        JsonPath p = path.child(key);
        for (int i = 0; i < arr.items().size(); i++) {
            JsonValue item = arr.items().get(i);
            if (!(item instanceof JsonValue.Str s)) {
                throw p.child(i).error(item, "an entry of '" + key + "' is " + item.kind(), "a string");
            }
            out.add(s.value());
        }
        return out;
    }

    /** A nested object, or {@code null} when absent. */
    Members object(String key) {
        JsonValue v = obj.get(key);
        return v == null ? null : of(v, path.child(key), ctx, "'" + key + "'");
    }

    /** An array of objects; a single object counts as a one-element array. */
    List<Members> objects(String key) {
        JsonValue v = obj.get(key);
        if (v == null) {
            return List.of();
        }
        JsonPath p = path.child(key);
        if (v instanceof JsonValue.Obj) {
            return List.of(of(v, p, ctx, "'" + key + "'"));
        }
        if (!(v instanceof JsonValue.Arr arr)) {
            throw error(key, "'" + key + "' is " + v.kind(), "an array of objects");
        }
        List<Members> out = new ArrayList<>(arr.items().size());
        for (int i = 0; i < arr.items().size(); i++) {
            out.add(of(arr.items().get(i), p.child(i), ctx, "an entry of '" + key + "'"));
        }
        return out;
    }

    /** Rejects any member outside {@code allowed}: structures the binding closes to extensions. */
    void onlyMembers(Set<String> allowed) {
        for (Map.Entry<String, JsonValue> e : obj.members().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw path.child(e.getKey()).error(e.getValue(),
                        "'" + e.getKey() + "' is not a member of " + what,
                        "only " + String.join(", ", EpcisMembers.sorted(allowed)) + " (no extensions here)");
            }
        }
    }

    /**
     * The user extensions of this object: every member that is not one of {@code standard}, in document order.
     * A member that is not namespaced is an error; one that is an EPCIS member of some other structure gets a
     * message saying so.
     */
    List<ExtensionElement> extensions(Set<String> standard) {
        List<ExtensionElement> out = null;
        for (Map.Entry<String, JsonValue> e : obj.members().entrySet()) {
            String key = e.getKey();
            if (standard.contains(key)) {
                continue;
            }
            JsonPath p = path.child(key);
            if (key.indexOf(':') < 0 && EpcisMembers.ALL.contains(key)) {
                throw p.error(e.getValue(), "'" + key + "' is not a member of " + what,
                        "one of " + String.join(", ", EpcisMembers.sorted(standard))
                                + ", or a namespaced extension");
            }
            if (key.startsWith("@")) {
                throw p.error(e.getValue(), "the JSON-LD keyword '" + key + "' is not supported in " + what,
                        "EPCIS members and namespaced extensions");
            }
            if (out == null) {
                out = new ArrayList<>();
            }
            out.addAll(ExtensionReader.read(key, e.getValue(), p, ctx, false));
        }
        return out == null ? List.of() : out;
    }
}
