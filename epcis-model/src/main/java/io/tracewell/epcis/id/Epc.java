package io.tracewell.epcis.id;

import java.util.Optional;

/**
 * An identifier as EPCIS 2.0 accepts it in {@code epc}, {@code parentID}, {@code epcClass}, read point, business
 * location, source/destination and similar fields: a GS1 key ({@link Gs1Key}, written as EPC URI or GS1 Digital Link),
 * an EPC pattern ({@link EpcPattern}), or any other absolute URI ({@link OtherUri}).
 *
 * <p>Parsing accepts all spellings; the result no longer depends on how the identifier was written (apart from the
 * GS1 company prefix length, which only EPC URIs carry).
 */
public sealed interface Epc permits Gs1Key, EpcPattern, OtherUri {

    /**
     * Parses an EPC URI ({@code urn:epc:id|class|idpat:...}), a GS1 Digital Link URI or any other absolute URI.
     * Company prefix lengths of Digital Links stay unknown.
     *
     * @throws IdentifierException when the value is a malformed EPC URI, a malformed Digital Link on id.gs1.org, or
     *                             not an absolute URI at all
     */
    static Epc parse(String value) {
        return EpcParser.parse(value, CompanyPrefixLengths.none());
    }

    /**
     * {@code parse(value).canonical()}, remembered for recently seen values (a bounded cache): the form the store
     * indexes identifiers by.
     *
     * @throws IdentifierException as {@link #parse(String)}
     */
    static String canonicalOf(String value) {
        return IdentifierForms.of(value).canonical();
    }

    /**
     * {@code parse(value).digitalLink()}, remembered for recently seen values (a bounded cache): the form the event
     * hash writes GS1 keys in.
     *
     * @throws IdentifierException as {@link #parse(String)}
     */
    static Optional<String> digitalLinkOf(String value) {
        return IdentifierForms.of(value).digitalLink();
    }

    /**
     * As {@link #parse(String)}, taking company prefix lengths of Digital Links from {@code lengths}; when the table
     * learns, lengths seen in EPC URIs are recorded in it.
     */
    static Epc parse(String value, CompanyPrefixLengths lengths) {
        return EpcParser.parse(value, lengths);
    }

    /**
     * The one string to index and compare (see docs/identifiers.md): the canonical GS1 Digital Link
     * ({@code https://id.gs1.org/}, numeric AIs, primary key and the key qualifiers of the identification level only)
     * for GS1 keys; the canonical EPC pattern URI for patterns; the URI itself for anything else.
     */
    String canonical();

    /** The canonical Digital Link, when this identifier has one. */
    Optional<String> digitalLink();

    /** The EPC URI form if it can be formed, using {@code lengths} when the identifier has no prefix length itself. */
    UrnTranslation translateToUrn(CompanyPrefixLengths lengths);

    /** The EPC URI form if it can be formed from the identifier alone. */
    default UrnTranslation translateToUrn() {
        return translateToUrn(CompanyPrefixLengths.none());
    }
}
