package io.tracewell.trace.serial;

import java.util.Optional;

/** The 2D symbols a serial can be printed as. */
public enum SymbolType {
    /**
     * GS1 DataMatrix (ECC 200, FNC1 in first position): the GS1 element string (01)(17)(10)(21), FNC1 after each
     * variable-length value that is not last. The carrier of the EU FMD unique identifier (DR 2016/161 Art. 5).
     */
    DATAMATRIX("datamatrix"),
    /** QR Code holding the GS1 Digital Link URI of the same data, for consumers' phones and resolvers. */
    QR("qr");

    private final String word;

    SymbolType(String word) {
        this.word = word;
    }

    /** The value of the {@code type} query parameter. */
    public String word() {
        return word;
    }

    public static Optional<SymbolType> ofWord(String word) {
        for (SymbolType t : values()) {
            if (t.word.equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
