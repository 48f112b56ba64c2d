package io.tracewell.epcis.hash;

import io.tracewell.epcis.model.EpcisTime;
import java.math.BigDecimal;
import java.util.List;

/**
 * Applies the value rules of the CBV 2.0 event hash ID to one value: trim white space; CBV URNs and the
 * {@code cbv:}, {@code gs1:} and {@code epcis:} CURIEs to Web URIs; numbers without trailing zeros; GS1 keys to
 * constrained canonical Digital Link. Timestamps, booleans and the field-specific bare words have their own methods.
 */
final class ValueCanonicaliser {
    private static final String EPCIS_BASE = "https://ref.gs1.org/epcis/";

    /** Spellings of the GS1 Web Vocabulary namespace that sensor types and alert types are found in. */
    private static final List<String> GS1_VOCABULARY_BASES = List.of(
            "https://ref.gs1.org/voc/", "https://gs1.org/voc/", "https://www.gs1.org/voc/",
            "http://gs1.org/voc/", "http://www.gs1.org/voc/");

    private final HashProfile profile;
    private final IdentifierNormaliser identifiers;

    ValueCanonicaliser(HashProfile profile, IdentifierNormaliser identifiers) {
        this.profile = profile;
        this.identifiers = identifiers;
    }

    /** Any text value; {@code null} stays {@code null}. */
    String value(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        if (v.isEmpty()) {
            return v;
        }
        char first = v.charAt(0);
        if (first == 'u') {
            String web = CbvVocabulary.fromUrn(v);
            if (web != null) {
                return web;
            }
        } else if (first == 'c' && v.startsWith("cbv:")) {
            return CbvVocabulary.WEB_BASE + v.substring(4);
        } else if (first == 'g' && v.startsWith("gs1:")) {
            return profile.vocabularyBase() + v.substring(4);
        } else if (first == 'e' && v.startsWith("epcis:")) {
            return EPCIS_BASE + v.substring(6);
        } else {
            String number = HashNumbers.canonical(v, profile.numberStyle());
            if (number != null) {
                return number;
            }
        }
        return identifiers.canonical(v);
    }

    /** A value of a CBV vocabulary field: a bare word is a term of that vocabulary. */
    /** The typed value's held URI through the same rules as a string (unknown URIs keep their spelling). */
    String vocabulary(io.tracewell.epcis.cbv.CbvValue value, CbvVocabulary vocabulary) {
        return value == null ? null : vocabulary(value.uri(), vocabulary);
    }

    String sensorTerm(io.tracewell.epcis.cbv.CbvValue value) {
        return value == null ? null : sensorTerm(value.uri());
    }

    String vocabulary(String raw, CbvVocabulary vocabulary) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        return isBareWord(v) ? vocabulary.webUri(v) : value(v);
    }

    /**
     * A sensor measurement type or alert type (EPCIS 2.0 §7.3.7.3): a term of the GS1 Web Vocabulary as bare word,
     * {@code gs1:} CURIE or full URI, or any other URI. GS1 terms are written under the profile's vocabulary base.
     */
    String sensorTerm(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        if (isBareWord(v)) {
            return profile.vocabularyBase() + v;
        }
        for (String base : GS1_VOCABULARY_BASES) {
            if (v.startsWith(base)) {
                return profile.vocabularyBase() + v.substring(base.length());
            }
        }
        return value(v);
    }

    String number(BigDecimal value) {
        return value == null ? null : HashNumbers.canonical(value, profile.numberStyle());
    }

    String time(EpcisTime time) {
        return time == null ? null : HashTimestamps.render(time, profile.timeRounding());
    }

    static String bool(Boolean value) {
        return value == null ? null : value.toString();
    }

    private static boolean isBareWord(String v) {
        return !v.isEmpty() && v.indexOf(':') < 0;
    }
}
