package io.tracewell.epcis.hash;

/**
 * Brings an identifier to the one spelling the pre-hash uses. CBV 2.0 (event hash ID, value rules) writes every
 * GS1 key as a constrained canonical GS1 Digital Link URI: EPC URIs ({@code urn:epc:id:}, {@code urn:epc:class:},
 * {@code urn:epc:idpat:}) are translated, and Digital Link URIs are rewritten to {@code https://id.gs1.org}, numeric
 * AIs, no query string and only the key with the qualifiers of its identification level.
 *
 * <p>Kept as a seam so that the hash can use the project's identifier package once it offers the same
 * translation; {@link Gs1IdentifierCanonicaliser} is the implementation used until then.
 */
interface IdentifierNormaliser {

    /**
     * The canonical form of {@code value} when it is a GS1 key in URN or Digital Link form, otherwise
     * {@code value} itself (other URIs, {@code urn:epcglobal:cbv:bt:…}, {@code geo:…}, free text).
     */
    String canonical(String value);
}
