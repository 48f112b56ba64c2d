package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * GSRN, recipient (AI 8018). EPC URI {@code urn:epc:id:gsrn:C.RRR} without check digit, Digital Link {@code
 * /8018/{digits}}.
 *
 * @param gsrn the 18 digits, check digit included
 * @param gcpLength GS1 company prefix length, when known
 */
public record Gsrn(String gsrn, OptionalInt gcpLength) implements Gs1Key {

    public Gsrn {
        Objects.requireNonNull(gsrn, "gsrn");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkNumericKey("GSRN", gsrn, 18, Loc.NONE);
        Keys.checkGcpLength(gcpLength, "GSRN", gsrn, 12);
    }

    public static Gsrn of(String gsrn) {
        return new Gsrn(gsrn, OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.GSRN;
    }

    @Override
    public String prefixedDigits() {
        return gsrn;
    }

    @Override
    public Gsrn withGcpLength(int length) {
        return new Gsrn(gsrn, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "8018", gsrn);
    }

    @Override
    public String toUrn() {
        return "urn:epc:id:gsrn:" + Keys.splitBody(gsrn, Keys.requireGcpLength(this), 17);
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("8018", gsrn));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gsrn other && gsrn.equals(other.gsrn);
    }

    @Override
    public int hashCode() {
        return gsrn.hashCode();
    }
}
