package io.tracewell.epcis.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.conformance.NormalizedJson.Member;
import io.tracewell.epcis.conformance.NormalizedJson.NArray;
import io.tracewell.epcis.conformance.NormalizedJson.NObject;
import io.tracewell.epcis.conformance.NormalizedJson.NScalar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two JSON-LD EPCIS documents by meaning ({@link JsonNormalizer} says what counts as "the same") and
 * reports the first difference with its JSON pointer. Parses with Jackson only, independent of the project's
 * JSON-LD reader, so that it can catch that reader's mistakes.
 */
public final class JsonSemanticComparator {

    private static final int SHOWN = 240;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public Optional<Difference> compare(byte[] expected, byte[] actual) {
        return compare(parse(expected, "expected"), parse(actual, "actual"));
    }

    public Optional<Difference> compare(String expected, String actual) {
        return compare(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<Difference> compare(JsonNode expected, JsonNode actual) {
        return compare(JsonNormalizer.normalize(expected), JsonNormalizer.normalize(actual), "");
    }

    private JsonNode parse(byte[] json, String which) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the " + which + " document is not JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Difference> compare(NormalizedJson expected, NormalizedJson actual, String pointer) {
        if (expected.getClass() != actual.getClass()) {
            return difference(pointer, "different kind of value (" + kind(expected) + " vs " + kind(actual) + ")",
                    expected, actual);
        }
        if (expected instanceof NScalar e) {
            return e.canonical().equals(((NScalar) actual).canonical())
                    ? Optional.empty()
                    : difference(pointer, "values differ", expected, actual);
        }
        if (expected instanceof NArray e) {
            NArray a = (NArray) actual;
            int common = Math.min(e.items().size(), a.items().size());
            for (int i = 0; i < common; i++) {
                Optional<Difference> d = compare(e.items().get(i), a.items().get(i), pointer + "/" + i);
                if (d.isPresent()) {
                    return d;
                }
            }
            if (e.items().size() > common) {
                return Optional.of(new Difference(pointer + "/" + common, "array element missing",
                        show(e.items().get(common)), Difference.NOTHING));
            }
            if (a.items().size() > common) {
                return Optional.of(new Difference(pointer + "/" + common, "unexpected array element",
                        Difference.NOTHING, show(a.items().get(common))));
            }
            return Optional.empty();
        }
        NObject e = (NObject) expected;
        NObject a = (NObject) actual;
        for (Map.Entry<String, Member> member : e.members().entrySet()) {
            String at = member.getValue().pointer(pointer);
            Member other = a.members().get(member.getKey());
            if (other == null) {
                return Optional.of(new Difference(at, "member missing (" + member.getKey() + ")",
                        show(member.getValue().value()), Difference.NOTHING));
            }
            Optional<Difference> d = compare(member.getValue().value(), other.value(), at);
            if (d.isPresent()) {
                return d;
            }
        }
        for (Map.Entry<String, Member> member : a.members().entrySet()) {
            if (!e.members().containsKey(member.getKey())) {
                return Optional.of(new Difference(member.getValue().pointer(pointer),
                        "unexpected member (" + member.getKey() + ")", Difference.NOTHING,
                        show(member.getValue().value())));
            }
        }
        return Optional.empty();
    }

    private static Optional<Difference> difference(String pointer, String problem, NormalizedJson expected,
                                                   NormalizedJson actual) {
        return Optional.of(new Difference(pointer.isEmpty() ? "/" : pointer, problem, show(expected),
                show(actual)));
    }

    private static String kind(NormalizedJson value) {
        if (value instanceof NObject) {
            return "object";
        }
        return value instanceof NArray ? "array" : "scalar";
    }

    /** RFC 6901 §3: '~' is written '~0' and '/' is written '~1'. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String show(NormalizedJson value) {
        String text = value.source().toString();
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
    }
}
