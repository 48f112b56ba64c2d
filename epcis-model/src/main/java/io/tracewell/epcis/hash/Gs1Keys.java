package io.tracewell.epcis.hash;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers shared by the URN and Digital Link translations: digits, check digits, character sets, escapes. */
final class Gs1Keys {
    private Gs1Keys() {
    }

    static boolean isDigits(String s) {
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

    /** GS1 General Specifications §7.9.1: weights 3,1,3,… from the right over the digits without check digit. */
    static char checkDigit(CharSequence digits) {
        int sum = 0;
        boolean three = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** GS1 AI encodable character set 82 (GS1 General Specifications Figure 7.11-1). */
    static boolean isCharacterSet82(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!\"%&'()*+,-./:;<=>?_".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** GS1 AI encodable character set 39, used by the CPID (AI 8010). */
    static boolean isCharacterSet39(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#' || c == '-' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes {@code %XX} escapes (UTF-8); returns {@code null} for a malformed escape. Used for the escapes of
     * EPC URIs (TDS §6.1: {@code %22 %25 %26 %2F %3C %3E %3F}, and {@code %23} in CPI) and for Digital Link paths.
     */
    static String percentDecode(String s) {
        int pct = s.indexOf('%');
        if (pct < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b != '%') {
                out.write(b);
                continue;
            }
            if (i + 2 >= raw.length) {
                return null;
            }
            int hi = Character.digit(raw[i + 1], 16);
            int lo = Character.digit(raw[i + 2], 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out.write(hi << 4 | lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
