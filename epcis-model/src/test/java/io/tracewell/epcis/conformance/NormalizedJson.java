package io.tracewell.epcis.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A JSON-LD document reduced to what it means (see {@link JsonNormalizer}); each node keeps the JSON it came from,
 * so that a difference can be shown as written.
 */
sealed interface NormalizedJson {

    JsonNode source();

    /** Members by expanded name; the member keeps the name as written for the JSON pointer. */
    record NObject(Map<String, Member> members, JsonNode source) implements NormalizedJson {
    }

    /**
     * @param singleton the value was written as a one-element array (the JSON pointer to it then ends in
     *                  {@code /0})
     */
    record Member(String writtenName, NormalizedJson value, boolean singleton) {
        String pointer(String parent) {
            return parent + "/" + JsonSemanticComparator.escape(writtenName) + (singleton ? "/0" : "");
        }
    }

    /** An array of two or more values (empty arrays are absent members, one-element arrays their element). */
    record NArray(List<NormalizedJson> items, JsonNode source) implements NormalizedJson {
    }

    /**
     * A string, number, boolean or null, reduced to a value to compare: a {@link String}, a
     * {@link java.math.BigDecimal} without trailing zeros, a {@link Boolean}, an {@link java.time.Instant} for
     * standard time fields, or {@link #NULL}.
     */
    record NScalar(Object canonical, JsonNode source) implements NormalizedJson {
    }

    /** The canonical value of JSON {@code null}. */
    Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
}
