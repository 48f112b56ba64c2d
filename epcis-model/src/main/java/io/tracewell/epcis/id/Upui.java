package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * GTIN + third-party controlled serial (TPX): AI (01) + (235). EPC URI {@code urn:epc:id:upui:C.IRRR.TPX}
 * (TDS 2.x, EPC pure identity URI), Digital Link {@code /01/{gtin}/235/{tpx}}.
 *
 * @param gtin      the GTIN-14
 * @param tpx       the TPX (AI 235: 1-28 characters of set 82), unescaped
 * @param gcpLength GS1 company prefix length, when known
 */
public record Upui(Gtin gtin, String tpx, OptionalInt gcpLength) implements Gs1Key {

    public Upui {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(tpx, "tpx");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkAi("235", tpx);
        Keys.checkGcpLength(gcpLength, "GTIN", gtin.value().substring(1), 12);
    }

    public static Upui of(Gtin gtin, String tpx) {
        return new Upui(gtin, tpx, OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.UPUI;
    }

    @Override
    public String prefixedDigits() {
        return gtin.value().substring(1);
    }

    @Override
    public Upui withGcpLength(int length) {
        return new Upui(gtin, tpx, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "01", gtin.value(), "235", tpx);
    }

    @Override
    public String toUrn() {
        return "urn:epc:id:upui:" + Keys.gtinUrnBody(gtin, Keys.requireGcpLength(this)) + "."
                + PercentCodec.escape(tpx);
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("01", gtin.value()), new AiValue("235", tpx));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Upui other && gtin.equals(other.gtin) && tpx.equals(other.tpx);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gtin, tpx);
    }
}
