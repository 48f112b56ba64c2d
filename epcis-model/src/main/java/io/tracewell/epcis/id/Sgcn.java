package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Global Coupon Number (AI 255), EPC scheme sgcn. The serial is numeric.
 * EPC URI {@code urn:epc:id:sgcn:C.RRR.SER} (TDS 2.x, EPC pure identity URI), Digital Link {@code /255/{value}}.
 * The serial is optional in the GS1 element string; without it the key is class level and its EPC form is the pattern
 * {@code urn:epc:idpat:sgcn:C.RRR.*}.
 *
 * @param couponReference GS1 company prefix + coupon reference + check digit (13 digits)
 * @param serial    the serial (at most 12 characters), unescaped
 * @param gcpLength GS1 company prefix length, when known
 */
public record Sgcn(String couponReference, Optional<String> serial, OptionalInt gcpLength) implements Gs1Key {

    public Sgcn {
        Objects.requireNonNull(couponReference, "couponReference");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkNumericKey("GCN", couponReference, 13, Loc.NONE);
        serial.ifPresent(s -> Keys.checkAi("255", couponReference + s));
        Keys.checkGcpLength(gcpLength, "GCN", couponReference, 12);
    }

    public static Sgcn of(String couponReference, String serial) {
        return new Sgcn(couponReference, Optional.of(serial), OptionalInt.empty());
    }

    /** The class-level key without serial. */
    public static Sgcn of(String couponReference) {
        return new Sgcn(couponReference, Optional.empty(), OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.SGCN;
    }

    @Override
    public String prefixedDigits() {
        return couponReference;
    }

    @Override
    public Sgcn withGcpLength(int length) {
        return new Sgcn(couponReference, serial, OptionalInt.of(length));
    }

    /** The AI 255 value. */
    public String aiValue() {
        return couponReference + serial.orElse("");
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "255", aiValue());
    }

    @Override
    public String toUrn() {
        String body = Keys.splitBody(couponReference, Keys.requireGcpLength(this), 12) + ".";
        return serial.map(s -> "urn:epc:id:sgcn:" + body + PercentCodec.escape(s))
                .orElseGet(() -> "urn:epc:idpat:sgcn:" + body + "*");
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("255", aiValue()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sgcn other && couponReference.equals(other.couponReference) && serial.equals(other.serial);
    }

    @Override
    public int hashCode() {
        return Objects.hash(couponReference, serial);
    }
}
