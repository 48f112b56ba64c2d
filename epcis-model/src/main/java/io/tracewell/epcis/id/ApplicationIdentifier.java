package io.tracewell.epcis.id;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A GS1 Application Identifier and the format of its data field. Instances come from the project's AI table
 * ({@link #lookup(String)}); equality is by AI code.
 */
public final class ApplicationIdentifier {

    /**
     * AI prefixes with a predefined data length, which need no FNC1 separator after them (GS1 General Specifications,
     * table of AIs with predefined length). Every other AI must be followed by FNC1 unless it is last, even when its
     * own format is fixed (e.g. 8006, 422).
     */
    private static final Set<String> PREDEFINED_PREFIXES = Set.of(
            "00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
            "31", "32", "33", "34", "35", "36", "41");

    private final String code;
    private final String name;
    private final List<AiComponent> components;
    // Derived once: validation runs for every value read.
    private final boolean fixedLength;
    private final int maxLength;
    private final boolean numeric;
    private final boolean needsSeparator;

    ApplicationIdentifier(String code, String name, List<AiComponent> components) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.components = List.copyOf(components);
        this.fixedLength = this.components.stream().allMatch(c -> c.fixedLength() && !c.optional());
        this.maxLength = this.components.stream().mapToInt(AiComponent::max).sum();
        this.numeric = this.components.stream().allMatch(c -> c.set() == CharacterSet.NUMERIC);
        this.needsSeparator = !PREDEFINED_PREFIXES.contains(code.substring(0, 2));
    }

    /** Looks up an AI in the project's AI table. */
    public static Optional<ApplicationIdentifier> lookup(String code) {
        return Optional.ofNullable(AiTable.get(code));
    }

    /** The AI digits, e.g. "01", "8003". */
    public String code() {
        return code;
    }

    /** What the AI holds, used in error messages ("GTIN", "serial", "batch/lot"). */
    public String name() {
        return name;
    }

    /** The data field format. */
    public List<AiComponent> components() {
        return components;
    }

    /** Whether an FNC1 (GS) separator must follow the value when another AI comes after it. */
    public boolean needsSeparator() {
        return needsSeparator;
    }

    /** Whether the whole data field has one fixed length. */
    public boolean fixedLength() {
        return fixedLength;
    }

    public int maxLength() {
        return maxLength;
    }

    public boolean numeric() {
        return numeric;
    }

    /** Validates a value of this AI; the error names the offending component and character. */
    public void validate(String value) {
        AiValidator.validate(this, value, Loc.NONE);
    }

    void validate(String value, Loc loc) {
        AiValidator.validate(this, value, loc);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicationIdentifier other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return "AI " + code + " (" + name + ")";
    }
}
