package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Global Shipment Identification Number (AI 402). EPC URI {@code urn:epc:id:gsin:C.RRR} without check digit, Digital
 * Link {@code /402/{digits}}.
 *
 * @param gsin the 17 digits, check digit included
 * @param gcpLength GS1 company prefix length, when known
 */
public record Gsin(String gsin, OptionalInt gcpLength) implements Gs1Key {

    public Gsin {
        Objects.requireNonNull(gsin, "gsin");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkNumericKey("GSIN", gsin, 17, Loc.NONE);
        Keys.checkGcpLength(gcpLength, "GSIN", gsin, 12);
    }

    public static Gsin of(String gsin) {
        return new Gsin(gsin, OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.GSIN;
    }

    @Override
    public String prefixedDigits() {
        return gsin;
    }

    @Override
    public Gsin withGcpLength(int length) {
        return new Gsin(gsin, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "402", gsin);
    }

    @Override
    public String toUrn() {
        return "urn:epc:id:gsin:" + Keys.splitBody(gsin, Keys.requireGcpLength(this), 16);
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("402", gsin));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gsin other && gsin.equals(other.gsin);
    }

    @Override
    public int hashCode() {
        return gsin.hashCode();
    }
}
