package io.tracewell.epcis.id;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A GS1 key at the identification level of one EPC scheme (instance level, or class level for {@link Lgtin},
 * {@link ProductClass} and the serial-less forms of GRAI, GDTI, GCN, CPI and ITIP).
 *
 * <p>Values are held as GS1 element string data (check digits included). The GS1 company prefix length is extra
 * information: known when the key came from an EPC URI or from a {@link CompanyPrefixLengths} table, unknown otherwise.
 * It is not part of equality: two keys with the same GS1 data are equal whatever prefix length they carry.
 */
public sealed interface Gs1Key extends Epc
        permits Sgtin, Sscc, Sgln, Grai, Giai, Gsrn, Gsrnp, Gdti, Cpi, Sgcn, Ginc, Gsin, Itip, Upui, Pgln, Lgtin,
        ProductClass {

    EpcScheme scheme();

    /** The GS1 company prefix length, when known. */
    OptionalInt gcpLength();

    /**
     * The same key with the given company prefix length.
     *
     * @throws IdentifierException if the length is outside 6-12 or does not fit the key (too long, or not digits there)
     */
    Gs1Key withGcpLength(int length);

    /**
     * The part of the key that starts with the GS1 company prefix: the key without indicator digit (GTIN, ITIP),
     * extension digit (SSCC) or filler digit (GRAI). This is what a {@link CompanyPrefixLengths} lookup is made on.
     */
    String prefixedDigits();

    /** The Digital Link on {@code resolverBase} (e.g. {@code https://example.com/dl}), numeric AIs, no query. */
    String toDigitalLink(String resolverBase);

    /** The canonical Digital Link: {@code https://id.gs1.org/} plus primary key and qualifiers of this level. */
    default String toDigitalLink() {
        return toDigitalLink(Keys.ID_GS1_ORG);
    }

    /**
     * The EPC URI.
     *
     * @throws IdentifierException naming the reason when the company prefix length is unknown or the key has no EPC
     *                             URI form; use {@link #translateToUrn(CompanyPrefixLengths)} to get a result instead
     */
    String toUrn();

    /** The key as GS1 element string (primary key AI first, then its qualifiers). */
    ElementString toElementString();

    default Optional<CompanyPrefix> companyPrefix() {
        OptionalInt l = gcpLength();
        return l.isPresent() ? Optional.of(new CompanyPrefix(prefixedDigits().substring(0, l.getAsInt())))
                : Optional.empty();
    }

    @Override
    default String canonical() {
        return toDigitalLink();
    }

    @Override
    default Optional<String> digitalLink() {
        return Optional.of(toDigitalLink());
    }

    @Override
    default UrnTranslation translateToUrn(CompanyPrefixLengths lengths) {
        return Keys.translate(this, lengths);
    }
}
