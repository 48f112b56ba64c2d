package io.tracewell.epcis.query;

import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.model.EpcisTime;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reading parameter values into the forms the store's columns hold (docs/store.md §2): times as UTC
 * {@code DATETIME(6)}, CBV values as canonical Web URIs, identifiers in canonical form, numbers exact.
 */
final class QueryValues {

    private QueryValues() {}

    static String single(String parameter, List<String> values, String expected) {
        if (values.size() != 1) {
            throw new QueryParameterException(parameter, "takes one value, got " + values.size(), expected);
        }
        return values.get(0);
    }

    /** An {@code xsd:dateTimeStamp} (with offset), as the UTC wall-clock time the store keeps. */
    static LocalDateTime time(String parameter, List<String> values) {
        String text = single(parameter, values, "a date and time with offset, e.g. 2024-03-01T10:15:00.000+01:00");
        try {
            return LocalDateTime.ofInstant(EpcisTime.parse(text).instant(), ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw new QueryParameterException(parameter, "\"" + text + "\" is not a date and time with offset",
                    "a date and time with offset, e.g. 2024-03-01T10:15:00.000+01:00 or 2024-03-01T09:15:00Z");
        }
    }

    static BigDecimal number(String parameter, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new QueryParameterException(parameter, "\"" + text + "\" is not a number",
                    "a decimal number, e.g. 12 or 3.5");
        }
    }

    static int positiveInt(String parameter, List<String> values) {
        String text = single(parameter, values, "a whole number of at least 1");
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new QueryParameterException(parameter, "\"" + text + "\" is not a whole number of at least 1",
                "a whole number of at least 1");
    }

    /** CBV values (bare word, URN, Web URI or a URI of one's own) as the store's canonical URIs. */
    static List<String> cbv(String parameter, List<String> values, Function<String, String> canonical, String what) {
        List<String> uris = new ArrayList<>(values.size());
        for (String v : values) {
            try {
                uris.add(canonical.apply(v.trim()));
            } catch (IllegalArgumentException e) { // VocabularyException included
                throw new QueryParameterException(parameter, "\"" + v + "\" is not a " + what,
                        "a " + what + " of the CBV (bare word, URN or Web URI) or an absolute URI of your own");
            }
        }
        return uris;
    }

    /**
     * Identifiers in the form the store indexes them (docs/identifiers.md): GS1 keys written as EPC URI or
     * Digital Link become the same canonical Digital Link; any other URI is kept as written.
     */
    static List<String> identifiers(String parameter, List<String> values) {
        List<String> ids = new ArrayList<>(values.size());
        for (String v : values) {
            ids.add(canonical(v.trim()));
        }
        return ids;
    }

    static String canonical(String identifier) {
        try {
            return Epc.canonicalOf(identifier);
        } catch (IdentifierException e) {
            return identifier;
        }
    }
}
