package io.tracewell.epcis.id;

import java.util.Objects;

/**
 * One AI and its value, checked against the AI table (length, character set, check digit, date).
 *
 * @param ai    the AI digits, e.g. "01"
 * @param value the data, unescaped
 */
public record AiValue(String ai, String value) {

    public AiValue {
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(value, "value");
        ApplicationIdentifier definition = AiTable.get(ai);
        if (definition == null) {
            throw new IdentifierException("unknown AI " + ai);
        }
        definition.validate(value, Loc.NONE);
    }

    public ApplicationIdentifier definition() {
        return AiTable.get(ai);
    }

    /** Bracketed form, e.g. {@code (01)09506000134352}. */
    @Override
    public String toString() {
        return "(" + ai + ")" + value;
    }
}
