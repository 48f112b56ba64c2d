package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Serialised GTIN: AI (01) + (21). EPC URI {@code urn:epc:id:sgtin:C.IRRR.SER} (TDS 2.x, EPC pure identity URI),
 * Digital Link
 * {@code /01/{gtin}/21/{serial}}.
 *
 * @param gtin      the GTIN-14
 * @param serial    the serial (AI 21: 1-20 characters of set 82), unescaped
 * @param gcpLength GS1 company prefix length, when known
 */
public record Sgtin(Gtin gtin, String serial, OptionalInt gcpLength) implements Gs1Key {

    public Sgtin {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkAi("21", serial);
        Keys.checkGcpLength(gcpLength, "GTIN", gtin.value().substring(1), 12);
    }

    public static Sgtin of(Gtin gtin, String serial) {
        return new Sgtin(gtin, serial, OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.SGTIN;
    }

    @Override
    public String prefixedDigits() {
        return gtin.value().substring(1);
    }

    @Override
    public Sgtin withGcpLength(int length) {
        return new Sgtin(gtin, serial, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "01", gtin.value(), "21", serial);
    }

    @Override
    public String toUrn() {
        return "urn:epc:id:sgtin:" + Keys.gtinUrnBody(gtin, Keys.requireGcpLength(this)) + "."
                + PercentCodec.escape(serial);
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("01", gtin.value()), new AiValue("21", serial));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sgtin other && gtin.equals(other.gtin) && serial.equals(other.serial);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gtin, serial);
    }
}
