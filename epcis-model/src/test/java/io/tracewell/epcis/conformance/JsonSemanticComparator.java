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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two JSON-LD EPCIS documents by meaning ({@link JsonNormalizer} says what counts as "the same") and
 * reports the first difference (or all of them, up to a limit) with JSON pointers into the expected document.
 * Parses with Jackson only, independent of the project's JSON-LD reader, so that it can catch that reader's
 * mistakes.
 */
public final class JsonSemanticComparator {

    private static final int SHOWN = 240;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The first difference, in the expected document's member order. */
    public Optional<Difference> compare(byte[] expected, byte[] actual) {
        return differences(expected, actual, 1).stream().findFirst();
    }

    public Optional<Difference> compare(String expected, String actual) {
        return compare(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<Difference> compare(JsonNode expected, JsonNode actual) {
        return differences(expected, actual, 1).stream().findFirst();
    }

    /** Up to {@code limit} differences, the first one first; a differing subtree counts once. */
    public List<Difference> differences(byte[] expected, byte[] actual, int limit) {
        return differences(parse(expected, "expected"), parse(actual, "actual"), limit);
    }

    public List<Difference> differences(JsonNode expected, JsonNode actual, int limit) {
        List<Difference> found = new ArrayList<>();
        compare(JsonNormalizer.normalize(expected), JsonNormalizer.normalize(actual), "", found, limit);
        return found;
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

    private static void compare(NormalizedJson expected, NormalizedJson actual, String pointer,
                                List<Difference> found, int limit) {
        if (found.size() >= limit) {
            return;
        }
        if (expected.getClass() != actual.getClass()) {
            found.add(difference(pointer, "different kind of value (" + kind(expected) + " vs " + kind(actual)
                    + ")", expected, actual));
            return;
        }
        if (expected instanceof NScalar e) {
            if (!e.canonical().equals(((NScalar) actual).canonical())) {
                found.add(difference(pointer, "values differ", expected, actual));
            }
            return;
        }
        if (expected instanceof NArray e) {
            NArray a = (NArray) actual;
            int common = Math.min(e.items().size(), a.items().size());
            for (int i = 0; i < common; i++) {
                compare(e.items().get(i), a.items().get(i), pointer + "/" + i, found, limit);
            }
            if (e.items().size() > common) {
                found.add(new Difference(pointer + "/" + common, "array element missing",
                        show(e.items().get(common)), Difference.NOTHING));
            } else if (a.items().size() > common) {
                found.add(new Difference(pointer + "/" + common, "unexpected array element",
                        Difference.NOTHING, show(a.items().get(common))));
            }
            return;
        }
        NObject e = (NObject) expected;
        NObject a = (NObject) actual;
        for (Map.Entry<String, Member> member : e.members().entrySet()) {
            String at = member.getValue().pointer(pointer);
            Member other = a.members().get(member.getKey());
            if (other == null) {
                found.add(new Difference(at, "member missing (" + member.getKey() + ")",
                        show(member.getValue().value()), Difference.NOTHING));
            } else {
                compare(member.getValue().value(), other.value(), at, found, limit);
            }
        }
        for (Map.Entry<String, Member> member : a.members().entrySet()) {
            if (!e.members().containsKey(member.getKey())) {
                found.add(new Difference(member.getValue().pointer(pointer),
                        "unexpected member (" + member.getKey() + ")", Difference.NOTHING,
                        show(member.getValue().value())));
            }
        }
    }

    private static Difference difference(String pointer, String problem, NormalizedJson expected,
                                         NormalizedJson actual) {
        return new Difference(pointer.isEmpty() ? "/" : pointer, problem, show(expected), show(actual));
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
