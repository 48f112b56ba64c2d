package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Global Identification Number for Consignment (AI 401: GS1 company prefix + consignment reference, at most 30
 * characters of set 82).
 * EPC URI {@code urn:epc:id:ginc:C.REF} (TDS 2.x, EPC pure identity URI), Digital Link {@code /401/{value}}.
 *
 * @param ginc the AI 401 value, unescaped
 * @param gcpLength GS1 company prefix length, when known (the first that many characters must be digits)
 */
public record Ginc(String ginc, OptionalInt gcpLength) implements Gs1Key {

    public Ginc {
        Objects.requireNonNull(ginc, "ginc");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkAi("401", ginc);
        Keys.checkGcpLength(gcpLength, "GINC", ginc, ginc.length());
    }

    public static Ginc of(String ginc) {
        return new Ginc(ginc, OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.GINC;
    }

    @Override
    public String prefixedDigits() {
        return ginc;
    }

    @Override
    public Ginc withGcpLength(int length) {
        return new Ginc(ginc, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "401", ginc);
    }

    @Override
    public String toUrn() {
        int l = Keys.requireGcpLength(this);
        return "urn:epc:id:ginc:" + ginc.substring(0, l) + "." + PercentCodec.escape(ginc.substring(l));
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("401", ginc));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ginc other && ginc.equals(other.ginc);
    }

    @Override
    public int hashCode() {
        return ginc.hashCode();
    }
}
