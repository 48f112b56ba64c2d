package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * GLN of a party: AI (417). EPC URI {@code urn:epc:id:pgln:C.PPP} (TDS 2.x, EPC pure identity URI), Digital Link {@code
 * /417/{gln}}.
 *
 * @param gln       the party GLN
 * @param gcpLength GS1 company prefix length, when known
 */
public record Pgln(Gln gln, OptionalInt gcpLength) implements Gs1Key {

    public Pgln {
        Objects.requireNonNull(gln, "gln");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkGcpLength(gcpLength, "GLN", gln.value(), 12);
    }

    public static Pgln of(Gln gln) {
        return new Pgln(gln, OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.PGLN;
    }

    @Override
    public String prefixedDigits() {
        return gln.value();
    }

    @Override
    public Pgln withGcpLength(int length) {
        return new Pgln(gln, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "417", gln.value());
    }

    @Override
    public String toUrn() {
        return "urn:epc:id:pgln:" + Keys.splitBody(gln.value(), Keys.requireGcpLength(this), 12);
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("417", gln.value()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pgln other && gln.equals(other.gln);
    }

    @Override
    public int hashCode() {
        return gln.hashCode();
    }
}
