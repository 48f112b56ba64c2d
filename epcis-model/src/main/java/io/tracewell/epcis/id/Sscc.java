package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Serial Shipping Container Code: AI (00). EPC URI {@code urn:epc:id:sscc:C.ESSS} with the extension digit moved in
 * front of the serial reference (TDS 2.x, EPC pure identity URI), Digital Link {@code /00/{sscc}}.
 *
 * @param sscc      the 18 digits, check digit included
 * @param gcpLength GS1 company prefix length, when known
 */
public record Sscc(String sscc, OptionalInt gcpLength) implements Gs1Key {

    public Sscc {
        Objects.requireNonNull(sscc, "sscc");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkNumericKey("SSCC", sscc, 18, Loc.NONE);
        Keys.checkGcpLength(gcpLength, "SSCC", sscc.substring(1), 12);
    }

    public static Sscc of(String sscc) {
        return new Sscc(sscc, OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.SSCC;
    }

    @Override
    public String prefixedDigits() {
        return sscc.substring(1);
    }

    @Override
    public Sscc withGcpLength(int length) {
        return new Sscc(sscc, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "00", sscc);
    }

    @Override
    public String toUrn() {
        int l = Keys.requireGcpLength(this);
        return "urn:epc:id:sscc:" + sscc.substring(1, 1 + l) + "." + sscc.charAt(0) + sscc.substring(1 + l, 17);
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("00", sscc));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sscc other && sscc.equals(other.sscc);
    }

    @Override
    public int hashCode() {
        return sscc.hashCode();
    }
}
