package io.tracewell.server.reliability;

import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of text input for the fuzz tests: spans deleted, duplicated, swapped or cut off, and tokens that
 * break parsers (brackets, quotes, markup, entities, absurd numbers and dates, identifier prefixes, control and
 * surrogate characters) inserted or put in place of a value. The same seed gives the same mutations, so a failing
 * case can be replayed from the seed and case number its message gives.
 */
final class Mutator {

    /** Tokens that are meaningful to one of the parsers behind the server, or to the rules after them. */
    static final List<String> TOKENS = List.of(
            "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "\\ud800", "\u0000", "\ud800", "\u202e", "\uffff",
            "<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#xD800;", "&x;", "<![CDATA[", "]]>", "<!--", "<?pi?>",
            "<!DOCTYPE d>", " xmlns=\"urn:x\"", " xmlns:epcis=\"urn:other\"", " xsi:type=\"x\"",
            "null", "true", "false", "-1", "0", "1e999", "-0.0", "99999999999999999999999999999", "NaN",
            "\"\"", "[]", "{}", "\"type\":\"ObjectEvent\"", "\"type\":\"EPCISQueryDocument\"", "\"@context\":{}",
            "9999-99-99T99:99:99Z", "2026-02-30T00:00:00Z", "+25:00", "-00:00", "1970-01-01T00:00:00.0000000001Z",
            "urn:epc:id:sgtin:", "urn:epc:id:sgtin:0614141.107346.", "urn:epc:class:lgtin:0614141.107346.",
            "urn:epc:id:sgln:0614141.00777.0", "https://id.gs1.org/01/09521568251204/21/", "https://id.gs1.org/",
            "urn:epcglobal:cbv:bizstep:", "ni:///sha-256;", "%", "%00", "%zz", "|", "||", "*", "'", "';--",
            "x".repeat(600), "\u00e9\u4e2d\ud83d\ude00");

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** One to four mutations of {@code input}. */
    String mutate(String input) {
        String s = input;
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            s = once(s);
        }
        return s;
    }

    String token() {
        return TOKENS.get(random.nextInt(TOKENS.size()));
    }

    private String once(String s) {
        if (s.isEmpty()) {
            return token();
        }
        int at = random.nextInt(s.length());
        int length = Math.min(s.length() - at, 1 + random.nextInt(24));
        return switch (random.nextInt(7)) {
            case 0 -> s.substring(0, at) + s.substring(at + length); // delete a span
            case 1 -> s.substring(0, at + length) + s.substring(at, at + length) + s.substring(at + length);
            case 2 -> s.substring(0, at) + token() + s.substring(at); // insert a token
            case 3 -> s.substring(0, at) + token() + s.substring(at + length); // replace a span with a token
            case 4 -> replaceValue(s);
            case 5 -> {
                int other = random.nextInt(s.length());
                int otherLength = Math.min(s.length() - other, 1 + random.nextInt(24));
                yield at + length <= other
                        ? s.substring(0, at) + s.substring(other, other + otherLength)
                                + s.substring(at + length, other) + s.substring(at, at + length)
                                + s.substring(other + otherLength)
                        : s; // overlapping spans: left as is
            }
            default -> s.substring(0, at); // cut off
        };
    }

    /** Puts a token in place of a JSON string's content or an XML element's text. */
    private String replaceValue(String s) {
        int start = random.nextInt(s.length());
        char open = s.indexOf('"', start) >= 0 && (s.indexOf('>', start) < 0 || random.nextBoolean()) ? '"' : '>';
        int from = s.indexOf(open, start);
        if (from < 0) {
            return s;
        }
        int to = s.indexOf(open == '"' ? '"' : '<', from + 1);
        if (to < 0) {
            return s;
        }
        return s.substring(0, from + 1) + token() + s.substring(to);
    }
}
