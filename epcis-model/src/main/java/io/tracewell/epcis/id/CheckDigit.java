package io.tracewell.epcis.id;

/**
 * The GS1 mod-10 check digit (GS1 General Specifications §7.9.1): weights 3,1,3,1... from the rightmost digit of the
 * data (the check digit position excluded); check = (10 - sum mod 10) mod 10.
 */
final class CheckDigit {

    private CheckDigit() {
    }

    /** Check digit over {@code digits[from, to)}. */
    static int compute(CharSequence digits, int from, int to) {
        int sum = 0;
        boolean three = true;
        for (int i = to - 1; i >= from; i--) {
            int d = digits.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return (10 - sum % 10) % 10;
    }

    static int compute(CharSequence digits) {
        return compute(digits, 0, digits.length());
    }

    /**
     * Verifies the check digit at {@code digits.charAt(end - 1)} over {@code digits[from, end - 1)}.
     *
     * @param keyName e.g. "GTIN", used in the message
     */
    static void verify(String keyName, String digits, int from, int end, Loc loc) {
        int expected = compute(digits, from, end - 1);
        int found = digits.charAt(end - 1) - '0';
        if (expected != found) {
            throw loc.error(keyName + " check digit: expected " + expected + ", found " + found + " in "
                    + digits.substring(from, end), end - 1);
        }
    }

    /** Appends the check digit to the digits. */
    static String append(String digits) {
        return digits + compute(digits);
    }
}
