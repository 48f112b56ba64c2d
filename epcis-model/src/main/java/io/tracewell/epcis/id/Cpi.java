package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Component/Part Identifier: AI (8010) [+ (8011)]. EPC URI {@code urn:epc:id:cpi:C.PART.SER} (TDS 2.x, EPC pure
 * identity URI; {@code #} and {@code /} of the part reference written %23 and %2F), Digital Link
 * {@code /8010/{cpid}[/8011/{serial}]}. Without serial the EPC form is the pattern {@code urn:epc:idpat:cpi:C.PART.*}.
 *
 * @param cpid      GS1 company prefix + part reference (AI 8010: at most 30 characters of set 39), unescaped
 * @param serial    the CPI serial (AI 8011: at most 12 digits, no leading zero)
 * @param gcpLength GS1 company prefix length, when known
 */
public record Cpi(String cpid, Optional<String> serial, OptionalInt gcpLength) implements Gs1Key {

    public Cpi {
        Objects.requireNonNull(cpid, "cpid");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkAi("8010", cpid);
        serial.ifPresent(s -> Keys.checkAi("8011", s));
        Keys.checkGcpLength(gcpLength, "CPI", cpid, cpid.length());
    }

    public static Cpi of(String cpid, String serial) {
        return new Cpi(cpid, Optional.of(serial), OptionalInt.empty());
    }

    public static Cpi of(String cpid) {
        return new Cpi(cpid, Optional.empty(), OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.CPI;
    }

    @Override
    public String prefixedDigits() {
        return cpid;
    }

    @Override
    public Cpi withGcpLength(int length) {
        return new Cpi(cpid, serial, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "8010", cpid, "8011", serial.orElse(null));
    }

    @Override
    public String toUrn() {
        int l = Keys.requireGcpLength(this);
        String body = cpid.substring(0, l) + "." + PercentCodec.escape(cpid.substring(l)) + ".";
        return serial.map(s -> "urn:epc:id:cpi:" + body + s).orElseGet(() -> "urn:epc:idpat:cpi:" + body + "*");
    }

    @Override
    public ElementString toElementString() {
        return serial.map(s -> ElementString.of(new AiValue("8010", cpid), new AiValue("8011", s)))
                .orElseGet(() -> ElementString.of(new AiValue("8010", cpid)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cpi other && cpid.equals(other.cpid) && serial.equals(other.serial);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpid, serial);
    }
}
