package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Global Individual Asset Identifier (AI 8004: GS1 company prefix + individual asset reference, at most 30 characters
 * of set 82).
 * EPC URI {@code urn:epc:id:giai:C.REF} (TDS 2.x, EPC pure identity URI), Digital Link {@code /8004/{value}}.
 *
 * @param giai the AI 8004 value, unescaped
 * @param gcpLength GS1 company prefix length, when known (the first that many characters must be digits)
 */
public record Giai(String giai, OptionalInt gcpLength) implements Gs1Key {

    public Giai {
        Objects.requireNonNull(giai, "giai");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkAi("8004", giai);
        Keys.checkGcpLength(gcpLength, "GIAI", giai, giai.length());
    }

    public static Giai of(String giai) {
        return new Giai(giai, OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.GIAI;
    }

    @Override
    public String prefixedDigits() {
        return giai;
    }

    @Override
    public Giai withGcpLength(int length) {
        return new Giai(giai, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "8004", giai);
    }

    @Override
    public String toUrn() {
        int l = Keys.requireGcpLength(this);
        return "urn:epc:id:giai:" + giai.substring(0, l) + "." + PercentCodec.escape(giai.substring(l));
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("8004", giai));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Giai other && giai.equals(other.giai);
    }

    @Override
    public int hashCode() {
        return giai.hashCode();
    }
}
