package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Global Returnable Asset Identifier (AI 8003). The AI value is a filler digit 0, the 13 digits and the serial.
 * EPC URI {@code urn:epc:id:grai:C.RRR.SER} (TDS 2.x, EPC pure identity URI), Digital Link {@code /8003/{value}}.
 * The serial is optional in the GS1 element string; without it the key is class level and its EPC form is the pattern
 * {@code urn:epc:idpat:grai:C.RRR.*}.
 *
 * @param assetType GS1 company prefix + asset type + check digit (13 digits)
 * @param serial    the serial (at most 16 characters), unescaped
 * @param gcpLength GS1 company prefix length, when known
 */
public record Grai(String assetType, Optional<String> serial, OptionalInt gcpLength) implements Gs1Key {

    public Grai {
        Objects.requireNonNull(assetType, "assetType");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkNumericKey("GRAI", assetType, 13, Loc.NONE);
        serial.ifPresent(s -> Keys.checkAi("8003", "0" + assetType + s));
        Keys.checkGcpLength(gcpLength, "GRAI", assetType, 12);
    }

    public static Grai of(String assetType, String serial) {
        return new Grai(assetType, Optional.of(serial), OptionalInt.empty());
    }

    /** The class-level key without serial. */
    public static Grai of(String assetType) {
        return new Grai(assetType, Optional.empty(), OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.GRAI;
    }

    @Override
    public String prefixedDigits() {
        return assetType;
    }

    @Override
    public Grai withGcpLength(int length) {
        return new Grai(assetType, serial, OptionalInt.of(length));
    }

    /** The AI 8003 value. */
    public String aiValue() {
        return "0" + assetType + serial.orElse("");
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "8003", aiValue());
    }

    @Override
    public String toUrn() {
        String body = Keys.splitBody(assetType, Keys.requireGcpLength(this), 12) + ".";
        return serial.map(s -> "urn:epc:id:grai:" + body + PercentCodec.escape(s))
                .orElseGet(() -> "urn:epc:idpat:grai:" + body + "*");
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("8003", aiValue()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grai other && assetType.equals(other.assetType) && serial.equals(other.serial);
    }

    @Override
    public int hashCode() {
        return Objects.hash(assetType, serial);
    }
}
