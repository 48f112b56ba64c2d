package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * GSRN, provider (AI 8017). EPC URI {@code urn:epc:id:gsrnp:C.RRR} without check digit, Digital Link {@code
 * /8017/{digits}}.
 *
 * @param gsrnp the 18 digits, check digit included
 * @param gcpLength GS1 company prefix length, when known
 */
public record Gsrnp(String gsrnp, OptionalInt gcpLength) implements Gs1Key {

    public Gsrnp {
        Objects.requireNonNull(gsrnp, "gsrnp");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkNumericKey("GSRN", gsrnp, 18, Loc.NONE);
        Keys.checkGcpLength(gcpLength, "GSRN", gsrnp, 12);
    }

    public static Gsrnp of(String gsrnp) {
        return new Gsrnp(gsrnp, OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.GSRNP;
    }

    @Override
    public String prefixedDigits() {
        return gsrnp;
    }

    @Override
    public Gsrnp withGcpLength(int length) {
        return new Gsrnp(gsrnp, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "8017", gsrnp);
    }

    @Override
    public String toUrn() {
        return "urn:epc:id:gsrnp:" + Keys.splitBody(gsrnp, Keys.requireGcpLength(this), 17);
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("8017", gsrnp));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gsrnp other && gsrnp.equals(other.gsrnp);
    }

    @Override
    public int hashCode() {
        return gsrnp.hashCode();
    }
}
