package io.tracewell.epcis.capture.http;

import java.util.Locale;

/**
 * One entry of an {@code Accept} header (RFC 9110 §12.5.1): {@code type/subtype} with wildcards and a
 * quality weight.
 */
record MediaRange(String type, String subtype, double quality) {

    boolean matches(String mediaType) {
        int slash = mediaType.indexOf('/');
        String t = mediaType.substring(0, slash);
        String s = mediaType.substring(slash + 1);
        return (type.equals("*") || type.equals(t)) && (subtype.equals("*") || subtype.equals(s));
    }

    /** More specific ranges decide over less specific ones (RFC 9110 §12.5.1). */
    int specificity() {
        return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
    }

    /** Parses one comma-separated element; {@code null} when it is not a media range. */
    static MediaRange parse(String element) {
        String[] parts = element.split(";");
        String range = parts[0].trim().toLowerCase(Locale.ROOT);
        int slash = range.indexOf('/');
        if (slash <= 0 || slash == range.length() - 1) {
            return null;
        }
        double quality = 1.0;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    quality = Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return new MediaRange(range.substring(0, slash), range.substring(slash + 1), quality);
    }
}
