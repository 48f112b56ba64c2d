package io.tracewell.epcis.id;

import java.util.Objects;

/** A Global Location Number: 13 digits with a valid check digit (GS1 General Specifications, AI 414). */
public record Gln(String value) {

    public Gln {
        Objects.requireNonNull(value, "value");
        Keys.checkNumericKey("GLN", value, 13, Loc.NONE);
    }

    @Override
    public String toString() {
        return value;
    }
}
