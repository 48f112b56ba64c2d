package io.tracewell.trace.serial;

import java.util.Locale;
import java.util.Optional;

/** How the serials of a request are made. */
public enum SerialScheme {
    /**
     * Drawn by a cryptographic generator over the GS1 AI 82 character set, all of one length: what the EU FMD asks
     * for (DR 2016/161 Art. 4(b)(2) "randomisation algorithm", Art. 4(c) guessing probability).
     */
    RANDOM,
    /** The GTIN's next numbers in a row, in decimal, optionally padded with leading zeros to a fixed width. */
    SEQUENTIAL;

    /** The word used in the API and the database: {@code random}, {@code sequential}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scheme of an API word; empty for anything else. */
    public static Optional<SerialScheme> ofWord(String word) {
        for (SerialScheme s : values()) {
            if (s.word().equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
