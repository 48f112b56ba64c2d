package io.tracewell.epcis.id;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A GS1 Application Identifier and the format of its data field.
 *
 * @param code       the AI digits, e.g. "01", "8003"
 * @param name       what the AI holds, used in error messages ("GTIN", "serial", "batch/lot")
 * @param components the data field format
 */
public record ApplicationIdentifier(String code, String name, List<AiComponent> components) {

    /**
     * AI prefixes with a predefined data length, which need no FNC1 separator after them
     * (GS1 General Specifications, table of AIs with predefined length). Every other AI must be followed by FNC1 unless
     * it is last,
     * even when its own format is fixed (e.g. 8006, 422).
     */
    private static final Set<String> PREDEFINED_PREFIXES = Set.of(
            "00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
            "31", "32", "33", "34", "35", "36", "41");

    public ApplicationIdentifier {
        components = List.copyOf(components);
    }

    /** Looks up an AI in the project's AI table. */
    public static Optional<ApplicationIdentifier> lookup(String code) {
        return Optional.ofNullable(AiTable.get(code));
    }

    /** Whether an FNC1 (GS) separator must follow the value when another AI comes after it. */
    public boolean needsSeparator() {
        return !PREDEFINED_PREFIXES.contains(code.substring(0, 2));
    }

    /** Whether the whole data field has one fixed length. */
    public boolean fixedLength() {
        return components.stream().allMatch(c -> c.fixedLength() && !c.optional());
    }

    public int maxLength() {
        return components.stream().mapToInt(AiComponent::max).sum();
    }

    public boolean numeric() {
        return components.stream().allMatch(c -> c.set() == CharacterSet.NUMERIC);
    }

    /** Validates a value of this AI; the error names the offending component and character. */
    public void validate(String value) {
        AiValidator.validate(this, value, Loc.NONE);
    }

    void validate(String value, Loc loc) {
        AiValidator.validate(this, value, loc);
    }
}
