package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A GTIN used as product class in EPCIS {@code epcClass}: AI (01) alone. EPC pattern URI
 * {@code urn:epc:idpat:sgtin:C.IRRR.*} (EPCIS 2.0 product class), Digital Link {@code /01/{gtin}}.
 * {@code urn:epc:idpat:upui:C.IRRR.*} denotes the same GTIN and is read as this class too; it is written back as
 * the sgtin pattern, since the Digital Link cannot tell them apart.
 *
 * @param gtin      the GTIN-14
 * @param gcpLength GS1 company prefix length, when known
 */
public record ProductClass(Gtin gtin, OptionalInt gcpLength) implements Gs1Key {

    public ProductClass {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkGcpLength(gcpLength, "GTIN", gtin.value().substring(1), 12);
    }

    public static ProductClass of(Gtin gtin) {
        return new ProductClass(gtin, OptionalInt.empty());
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
    public ProductClass withGcpLength(int length) {
        return new ProductClass(gtin, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "01", gtin.value());
    }

    @Override
    public String toUrn() {
        return "urn:epc:idpat:sgtin:" + Keys.gtinUrnBody(gtin, Keys.requireGcpLength(this)) + ".*";
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("01", gtin.value()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProductClass other && gtin.equals(other.gtin);
    }

    @Override
    public int hashCode() {
        return gtin.hashCode();
    }
}
