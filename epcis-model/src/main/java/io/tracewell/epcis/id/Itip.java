package io.tracewell.epcis.id;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Individual Trade Item Piece: AI (8006) [+ (21) or (10)]. EPC URI {@code urn:epc:id:itip:C.IRRR.PP.TT.SER}
 * (TDS 2.x, EPC pure identity URI), Digital Link {@code /8006/{gtin}{pp}{tt}[/21/{serial}]}. Without serial the EPC
 * form
 * is the pattern {@code urn:epc:idpat:itip:C.IRRR.PP.TT.*}. With a batch/lot instead of a serial the key is a class
 * that TDS gives no EPC URI for: it has a Digital Link form only.
 *
 * @param itip      GTIN-14 + piece number (2 digits) + total count (2 digits), AI 8006
 * @param serial    the serial (AI 21), unescaped
 * @param lot       the batch/lot (AI 10), only without serial
 * @param gcpLength GS1 company prefix length, when known
 */
public record Itip(String itip, Optional<String> serial, Optional<String> lot, OptionalInt gcpLength)
        implements Gs1Key {

    public Itip {
        Objects.requireNonNull(itip, "itip");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkAi("8006", itip);
        serial.ifPresent(s -> Keys.checkAi("21", s));
        lot.ifPresent(s -> Keys.checkAi("10", s));
        if (serial.isPresent() && lot.isPresent()) {
            throw new IdentifierException("ITIP with both serial and batch/lot: the serial alone identifies the piece");
        }
        Keys.checkGcpLength(gcpLength, "GTIN", itip.substring(1, 14), 12);
    }

    public static Itip of(String itip, String serial) {
        return new Itip(itip, Optional.of(serial), Optional.empty(), OptionalInt.empty());
    }

    public static Itip of(String itip) {
        return new Itip(itip, Optional.empty(), Optional.empty(), OptionalInt.empty());
    }

    public Gtin gtin() {
        return new Gtin(itip.substring(0, 14));
    }

    /** Piece number, two digits. */
    public String piece() {
        return itip.substring(14, 16);
    }

    /** Total count, two digits. */
    public String total() {
        return itip.substring(16, 18);
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.ITIP;
    }

    @Override
    public String prefixedDigits() {
        return itip.substring(1, 14);
    }

    @Override
    public Itip withGcpLength(int length) {
        return new Itip(itip, serial, lot, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "8006", itip, "10", lot.orElse(null), "21", serial.orElse(null));
    }

    @Override
    public String toUrn() {
        if (lot.isPresent()) {
            throw new IdentifierException("no EPC URI for an ITIP with batch/lot (" + toDigitalLink() + ")");
        }
        String body = Keys.gtinUrnBody(gtin(), Keys.requireGcpLength(this)) + "." + piece() + "." + total() + ".";
        return serial.map(s -> "urn:epc:id:itip:" + body + PercentCodec.escape(s))
                .orElseGet(() -> "urn:epc:idpat:itip:" + body + "*");
    }

    @Override
    public ElementString toElementString() {
        List<AiValue> values = new ArrayList<>(2);
        values.add(new AiValue("8006", itip));
        lot.ifPresent(l -> values.add(new AiValue("10", l)));
        serial.ifPresent(s -> values.add(new AiValue("21", s)));
        return new ElementString(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Itip other && itip.equals(other.itip) && serial.equals(other.serial)
                && lot.equals(other.lot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(itip, serial, lot);
    }
}
