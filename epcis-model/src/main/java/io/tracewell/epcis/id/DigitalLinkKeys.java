package io.tracewell.epcis.id;

import java.util.List;
import java.util.Map;

/**
 * GS1 Digital Link primary keys that have an EPC scheme, with their key qualifiers (GS1 Digital Link URI Syntax 1.2+
 * and the AI table's qualifier paths), and the short names that older Digital Links use instead of AI numbers.
 * AIs 415 (pay-to GLN) and 8013 (GMN) are Digital Link keys too but have no EPC scheme; they are not read here.
 */
final class DigitalLinkKeys {

    /** Key AI to its alternative qualifier sequences (each a list in the required order). */
    static final Map<String, List<List<String>>> QUALIFIERS = Map.ofEntries(
            Map.entry("00", List.of()),
            Map.entry("01", List.of(List.of("22", "10", "21"), List.of("235"))),
            Map.entry("253", List.of()),
            Map.entry("255", List.of()),
            Map.entry("401", List.of()),
            Map.entry("402", List.of()),
            Map.entry("414", List.of(List.of("254"), List.of("7040"))),
            Map.entry("417", List.of(List.of("7040"))),
            Map.entry("8003", List.of()),
            Map.entry("8004", List.of(List.of("7040"))),
            Map.entry("8006", List.of(List.of("22", "10", "21"))),
            Map.entry("8010", List.of(List.of("8011"))),
            Map.entry("8017", List.of(List.of("8019"))),
            Map.entry("8018", List.of(List.of("8019"))));

    /** Short names of Digital Link 1.0/1.1 (accepted on input, never written). */
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("sscc", "00"), Map.entry("gtin", "01"), Map.entry("lot", "10"), Map.entry("ser", "21"),
            Map.entry("cpv", "22"), Map.entry("gdti", "253"), Map.entry("glnx", "254"), Map.entry("gcn", "255"),
            Map.entry("ginc", "401"), Map.entry("gsin", "402"), Map.entry("gln", "414"), Map.entry("loc", "414"),
            Map.entry("party", "417"), Map.entry("partygln", "417"), Map.entry("grai", "8003"),
            Map.entry("giai", "8004"), Map.entry("itip", "8006"), Map.entry("cpid", "8010"),
            Map.entry("cpsn", "8011"), Map.entry("gsrnp", "8017"), Map.entry("gsrn", "8018"),
            Map.entry("srin", "8019"), Map.entry("exp", "17"), Map.entry("expdt", "7003"));

    private DigitalLinkKeys() {
    }

    /** The AI code for a path segment or query key: numeric AI as is, short name translated, else null. */
    static String aiCode(String segment) {
        if (allDigits(segment)) {
            return AiTable.get(segment) != null ? segment : null;
        }
        return SHORT_NAMES.get(segment);
    }

    static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isPrimaryKey(String ai) {
        return QUALIFIERS.containsKey(ai);
    }

    /** Whether the AI is a primary key or a key qualifier of any key (those belong in the path, not the query). */
    static boolean isPathAi(String ai) {
        if (QUALIFIERS.containsKey(ai)) {
            return true;
        }
        for (List<List<String>> alternatives : QUALIFIERS.values()) {
            for (List<String> seq : alternatives) {
                if (seq.contains(ai)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "22, 10, 21 or 235" for messages. */
    static String describe(String key) {
        List<List<String>> alternatives = QUALIFIERS.get(key);
        if (alternatives.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < alternatives.size(); i++) {
            if (i > 0) {
                sb.append(" or ");
            }
            sb.append(String.join(", ", alternatives.get(i)));
        }
        return sb.toString();
    }
}
