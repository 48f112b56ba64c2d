package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * GTIN + batch/lot, the class-level identifier of EPCIS {@code epcClass}: AI (01) + (10). EPC URI
 * {@code urn:epc:class:lgtin:C.IRRR.LOT} (TDS 2.x, EPC class URI), Digital Link {@code /01/{gtin}/10/{lot}}.
 *
 * @param gtin      the GTIN-14
 * @param lot       the batch/lot (AI 10: 1-20 characters of set 82), unescaped
 * @param gcpLength GS1 company prefix length, when known
 */
public record Lgtin(Gtin gtin, String lot, OptionalInt gcpLength) implements Gs1Key {

    public Lgtin {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkAi("10", lot);
        Keys.checkGcpLength(gcpLength, "GTIN", gtin.value().substring(1), 12);
    }

    public static Lgtin of(Gtin gtin, String lot) {
        return new Lgtin(gtin, lot, OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.LGTIN;
    }

    @Override
    public String prefixedDigits() {
        return gtin.value().substring(1);
    }

    @Override
    public Lgtin withGcpLength(int length) {
        return new Lgtin(gtin, lot, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "01", gtin.value(), "10", lot);
    }

    @Override
    public String toUrn() {
        return "urn:epc:class:lgtin:" + Keys.gtinUrnBody(gtin, Keys.requireGcpLength(this)) + "."
                + PercentCodec.escape(lot);
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("01", gtin.value()), new AiValue("10", lot));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lgtin other && gtin.equals(other.gtin) && lot.equals(other.lot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gtin, lot);
    }
}
