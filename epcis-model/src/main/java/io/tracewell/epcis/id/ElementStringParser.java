package io.tracewell.epcis.id;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Reads bracketed and raw (FNC1-separated) GS1 element strings. */
final class ElementStringParser {

    /** FNC1 as transmitted by scanners: ASCII 29, group separator (GS1 General Specifications). */
    static final char GS = '\u001d';

    /** Symbology identifiers announcing GS1 data: DataMatrix, QR Code, GS1-128, DataBar, DotCode (ISO/IEC 15424). */
    private static final Set<String> GS1_SYMBOLOGY_IDS = Set.of("]d2", "]Q3", "]C1", "]e0", "]J1");

    private ElementStringParser() {
    }

    static ElementString parse(String input) {
        Objects.requireNonNull(input, "input");
        int p = 0;
        if (input.startsWith("]")) {
            String id = input.substring(0, Math.min(3, input.length()));
            if (!GS1_SYMBOLOGY_IDS.contains(id)) {
                throw new IdentifierException("symbology identifier " + id
                        + " does not announce GS1 data (expected ]d2, ]Q3, ]C1, ]e0 or ]J1)", input, 0);
            }
            p = 3;
        }
        if (p == input.length()) {
            throw new IdentifierException("empty element string", input, p);
        }
        return input.charAt(p) == '(' ? bracketed(input, p) : raw(input, p);
    }

    private static ElementString raw(String input, int start) {
        List<AiValue> values = new ArrayList<>();
        int n = input.length();
        int p = start;
        while (p < n) {
            if (input.charAt(p) == GS) {
                p++;
                continue;
            }
            ApplicationIdentifier ai = null;
            int k = 2;
            for (; k <= AiTable.MAX_CODE_LENGTH && p + k <= n; k++) {
                if (!isDigit(input.charAt(p + k - 1)) || !isDigit(input.charAt(p))) {
                    break;
                }
                ai = AiTable.get(input.substring(p, p + k));
                if (ai != null) {
                    break;
                }
            }
            if (ai == null) {
                throw new IdentifierException("unknown AI (no AI matches '"
                        + input.substring(p, Math.min(p + 4, n)) + "')", input, p);
            }
            int valueStart = p + k;
            int gs = input.indexOf(GS, valueStart);
            int valueEnd = gs < 0 ? n : gs;
            if (ai.fixedLength()) {
                valueEnd = Math.min(valueEnd, valueStart + ai.maxLength());
            } else if (valueEnd - valueStart > ai.maxLength()) {
                throw new IdentifierException(ai.name() + " (AI " + ai.code() + ") longer than " + ai.maxLength()
                        + " characters (FNC1 separator missing?)", input, valueStart + ai.maxLength());
            }
            values.add(value(ai.code(), input.substring(valueStart, valueEnd), input, valueStart));
            p = valueEnd;
            if (p < n) {
                if (input.charAt(p) == GS) {
                    p++;
                } else if (ai.needsSeparator()) {
                    throw new IdentifierException("FNC1 separator required after AI " + ai.code()
                            + " (not a predefined-length AI)", input, p);
                }
            }
        }
        return new ElementString(values);
    }

    private static ElementString bracketed(String input, int start) {
        List<AiValue> values = new ArrayList<>();
        int n = input.length();
        int p = start;
        while (p < n) {
            if (input.charAt(p) != '(') {
                throw new IdentifierException("expected '(' opening an AI", input, p);
            }
            int close = input.indexOf(')', p);
            if (close < 0) {
                throw new IdentifierException("missing ')' after AI", input, p);
            }
            String code = input.substring(p + 1, close);
            if (code.length() < 2 || code.length() > 4 || !code.chars().allMatch(c -> isDigit((char) c))) {
                throw new IdentifierException("AI must be 2 to 4 digits, found '" + code + "'", input, p + 1);
            }
            if (AiTable.get(code) == null) {
                throw new IdentifierException("unknown AI " + code, input, p + 1);
            }
            int valueStart = close + 1;
            StringBuilder value = new StringBuilder();
            int q = valueStart;
            while (q < n) {
                char c = input.charAt(q);
                if (c == '\\' && q + 1 < n && input.charAt(q + 1) == '(') {
                    value.append('(');
                    q += 2;
                } else if (c == '(' && startsAi(input, q)) {
                    break;
                } else {
                    value.append(c);
                    q++;
                }
            }
            values.add(value(code, value.toString(), input, valueStart));
            p = q;
        }
        return new ElementString(values);
    }

    /** Whether {@code (nn)}, {@code (nnn)} or {@code (nnnn)} with a known AI starts at {@code at}. */
    private static boolean startsAi(String s, int at) {
        for (int k = 2; k <= AiTable.MAX_CODE_LENGTH; k++) {
            int close = at + 1 + k;
            if (close >= s.length()) {
                return false;
            }
            if (!isDigit(s.charAt(close - 1))) {
                return false;
            }
            if (s.charAt(close) == ')') {
                return AiTable.get(s.substring(at + 1, close)) != null;
            }
        }
        return false;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static AiValue value(String code, String value, String input, int valueStart) {
        try {
            return new AiValue(code, value);
        } catch (IdentifierException e) {
            throw e.relocate(input, valueStart);
        }
    }
}
