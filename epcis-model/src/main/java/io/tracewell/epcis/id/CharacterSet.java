package io.tracewell.epcis.id;

/**
 * The character sets of GS1 Application Identifier values (GS1 General Specifications §7.11, Figures 7.11-1 to 7.11-3).
 */
public enum CharacterSet {
    /** Digits 0-9. */
    NUMERIC("numeric"),
    /** GS1 AI encodable character set 82: {@code ! " % & ' ( ) * + , - . / 0-9 : ; < = > ? A-Z _ a-z}. */
    CSET82("GS1 character set 82"),
    /** GS1 AI encodable character set 39: {@code # - / 0-9 A-Z} (used by the CPI, AI 8010). */
    CSET39("GS1 character set 39"),
    /** GS1 AI encodable character set 64: the file-safe base64 alphabet, {@code =} only as trailing padding. */
    CSET64("GS1 character set 64");

    private static final String CSET82_PUNCTUATION = "!\"%&'()*+,-./:;<=>?_";

    private final String label;

    CharacterSet(String label) {
        this.label = label;
    }

    /** Name used in error messages, e.g. "GS1 character set 82". */
    public String label() {
        return label;
    }

    public boolean allows(char c) {
        boolean digit = c >= '0' && c <= '9';
        boolean upper = c >= 'A' && c <= 'Z';
        boolean lower = c >= 'a' && c <= 'z';
        return switch (this) {
            case NUMERIC -> digit;
            case CSET82 -> digit || upper || lower || CSET82_PUNCTUATION.indexOf(c) >= 0;
            case CSET39 -> digit || upper || c == '#' || c == '-' || c == '/';
            case CSET64 -> digit || upper || lower || c == '-' || c == '_';
        };
    }
}
