package io.tracewell.epcis.hash;

import java.util.List;
import java.util.Map;

/**
 * Rewrites a GS1 Digital Link URI to the constrained canonical form the event hash uses (CBV 2.0, event hash ID,
 * rule on Digital Link URIs): host {@code https://id.gs1.org}, numeric AIs instead of short names, GTINs padded to
 * 14 digits, no query string, and only the primary key with the qualifiers of its identification level
 * ({@code /01/g/22/c/10/l/21/s} becomes {@code /01/g/21/s}). Any host is accepted, and path segments before the
 * primary key are a prefix that the canonical form drops (GS1 Digital Link URI Syntax 1.2 §4).
 *
 * <p>Values are checked against the AI formats (digits, lengths, character sets) so that an ordinary URI whose path
 * happens to contain {@code /01/} is not mistaken for a key; check digits are not verified, since the hash
 * canonicalises and does not validate.
 */
final class DigitalLinkConstrainer {
    private static final String BASE = "https://id.gs1.org/";

    /** Short names of Digital Link 1.x and the spellings seen in the field, mapped to AIs. */
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("sscc", "00"), Map.entry("gtin", "01"), Map.entry("gdti", "253"), Map.entry("gcn", "255"),
            Map.entry("ginc", "401"), Map.entry("gsin", "402"), Map.entry("loc", "414"), Map.entry("gln", "414"),
            Map.entry("party", "417"), Map.entry("partygln", "417"), Map.entry("grai", "8003"),
            Map.entry("giai", "8004"), Map.entry("itip", "8006"), Map.entry("cpid", "8010"),
            Map.entry("gsrnp", "8017"), Map.entry("gsrn", "8018"), Map.entry("cpv", "22"), Map.entry("lot", "10"),
            Map.entry("ser", "21"), Map.entry("tpx", "235"), Map.entry("glnx", "254"), Map.entry("cpsn", "8011"),
            Map.entry("srin", "8019"));

    /**
     * Primary keys and their qualifier paths (GS1 Barcode Syntax Dictionary, {@code dlpkey}): each alternative
     * lists qualifiers that may appear in this order, each optional.
     */
    private static final Map<String, List<List<String>>> QUALIFIERS = Map.ofEntries(
            Map.entry("00", List.of()), Map.entry("01", List.of(List.of("22", "10", "21"), List.of("235"))),
            Map.entry("253", List.of()), Map.entry("255", List.of()), Map.entry("401", List.of()),
            Map.entry("402", List.of()), Map.entry("414", List.of(List.of("254"), List.of("7040"))),
            Map.entry("417", List.of(List.of("7040"))), Map.entry("8003", List.of()),
            Map.entry("8004", List.of(List.of("7040"))), Map.entry("8006", List.of(List.of("22", "10", "21"))),
            Map.entry("8010", List.of(List.of("8011"))), Map.entry("8017", List.of(List.of("8019"))),
            Map.entry("8018", List.of(List.of("8019"))));

    /** Qualifiers the constrained form keeps, finest first; at most one applies to a key. */
    private static final List<String> FINEST_FIRST = List.of("21", "235", "254", "8011", "10");

    private final DigitalLinkEscaping escaping;

    DigitalLinkConstrainer(DigitalLinkEscaping escaping) {
        this.escaping = escaping;
    }

    /** The constrained canonical URI, or {@code null} when {@code uri} is not a GS1 Digital Link URI. */
    String constrain(String uri) {
        int start;
        if (uri.regionMatches(true, 0, "https://", 0, 8)) {
            start = 8;
        } else if (uri.regionMatches(true, 0, "http://", 0, 7)) {
            start = 7;
        } else {
            return null;
        }
        int pathStart = uri.indexOf('/', start);
        if (pathStart < 0) {
            return null;
        }
        int end = uri.length();
        int query = uri.indexOf('?', pathStart);
        int fragment = uri.indexOf('#', pathStart);
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        String[] segments = uri.substring(pathStart + 1, end).split("/", -1);
        for (int s = 0; s + 1 < segments.length; s++) {
            if ((segments.length - s) % 2 != 0) {
                continue;
            }
            String ai = aiCode(segments[s]);
            if (ai != null && QUALIFIERS.containsKey(ai)) {
                String result = fromKey(segments, s, ai);
                if (result != null) {
                    return result;
                }
            }
        }
        return null;
    }

    private String fromKey(String[] segments, int s, String key) {
        String keyValue = decodedValue(key, segments[s + 1]);
        if (keyValue == null) {
            return null;
        }
        int pairs = (segments.length - s) / 2 - 1;
        String[] ais = new String[pairs];
        String[] values = new String[pairs];
        for (int i = 0; i < pairs; i++) {
            ais[i] = aiCode(segments[s + 2 + 2 * i]);
            values[i] = ais[i] == null ? null : decodedValue(ais[i], segments[s + 3 + 2 * i]);
            if (values[i] == null) {
                return null;
            }
        }
        if (!qualifiersAllowed(key, ais)) {
            return null;
        }
        if (key.equals("01") && keyValue.length() < 14) {
            keyValue = "0".repeat(14 - keyValue.length()) + keyValue;
        }
        // Keep only the finest identification level (instance before class); 22, 7040 and 8019 are dropped.
        int kept = -1;
        for (String preferred : FINEST_FIRST) {
            for (int i = 0; i < pairs && kept < 0; i++) {
                if (ais[i].equals(preferred)) {
                    kept = i;
                }
            }
        }
        StringBuilder sb = new StringBuilder(BASE).append(key).append('/').append(escaping.encode(keyValue));
        if (kept >= 0) {
            sb.append('/').append(ais[kept]).append('/').append(escaping.encode(values[kept]));
        }
        return sb.toString();
    }

    private static boolean qualifiersAllowed(String key, String[] ais) {
        if (ais.length == 0) {
            return true;
        }
        for (List<String> path : QUALIFIERS.get(key)) {
            int position = 0;
            boolean ok = true;
            for (String ai : ais) {
                int at = path.subList(position, path.size()).indexOf(ai);
                if (at < 0) {
                    ok = false;
                    break;
                }
                position += at + 1;
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private static String aiCode(String segment) {
        if (Gs1Keys.isDigits(segment)) {
            return segment;
        }
        return SHORT_NAMES.get(segment);
    }

    /** The percent-decoded value when it has the format of the AI (GS1 General Specifications §3), else null. */
    private static String decodedValue(String ai, String segment) {
        String v = Gs1Keys.percentDecode(segment);
        if (v == null || v.isEmpty()) {
            return null;
        }
        boolean ok;
        switch (ai) {
            case "00":
            case "8006":
            case "8017":
            case "8018":
                ok = digits(v, 18);
                break;
            case "01":
                ok = digits(v, 8) || digits(v, 12) || digits(v, 13) || digits(v, 14);
                break;
            case "402":
                ok = digits(v, 17);
                break;
            case "414":
            case "417":
                ok = digits(v, 13);
                break;
            case "253":
                ok = v.length() >= 13 && v.length() <= 30 && Gs1Keys.isDigits(v.substring(0, 13))
                        && Gs1Keys.isCharacterSet82(v.substring(13));
                break;
            case "255":
                ok = v.length() >= 13 && v.length() <= 25 && Gs1Keys.isDigits(v);
                break;
            case "8003":
                ok = v.length() >= 14 && v.length() <= 30 && v.charAt(0) == '0'
                        && Gs1Keys.isDigits(v.substring(0, 14)) && Gs1Keys.isCharacterSet82(v.substring(14));
                break;
            case "401":
            case "8004":
                ok = v.length() <= 30 && Gs1Keys.isCharacterSet82(v);
                break;
            case "8010":
                ok = v.length() <= 30 && Gs1Keys.isCharacterSet39(v);
                break;
            case "10":
            case "21":
            case "22":
            case "254":
                ok = v.length() <= 20 && Gs1Keys.isCharacterSet82(v);
                break;
            case "235":
                ok = v.length() <= 28 && Gs1Keys.isCharacterSet82(v);
                break;
            case "8011":
                ok = v.length() <= 12 && Gs1Keys.isDigits(v);
                break;
            case "8019":
                ok = v.length() <= 10 && Gs1Keys.isDigits(v);
                break;
            case "7040":
                ok = v.length() == 4 && Gs1Keys.isCharacterSet82(v);
                break;
            default:
                ok = false;
        }
        return ok ? v : null;
    }

    private static boolean digits(String v, int n) {
        return v.length() == n && Gs1Keys.isDigits(v);
    }
}
