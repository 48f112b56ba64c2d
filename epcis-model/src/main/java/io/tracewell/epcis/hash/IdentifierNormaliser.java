package io.tracewell.epcis.hash;

/**
 * Brings an identifier to the one spelling the pre-hash uses. CBV 2.0 (event hash ID, value rules) writes every
 * GS1 key as a constrained canonical GS1 Digital Link URI: EPC URIs ({@code urn:epc:id:}, {@code urn:epc:class:},
 * {@code urn:epc:idpat:}) are translated, and Digital Link URIs are rewritten to {@code https://id.gs1.org}, numeric
 * AIs, no query string and only the key with the qualifiers of its identification level.
 *
 * <p>{@link EpcIdentifierNormaliser} implements it with the project's identifier package
 * ({@code io.tracewell.epcis.id}); the interface keeps the hash rules independent of how the translation is done.
 */
interface IdentifierNormaliser {

    /**
     * The canonical form of {@code value} when it is a GS1 key in URN or Digital Link form, otherwise
     * {@code value} itself (other URIs, {@code urn:epcglobal:cbv:bt:…}, {@code geo:…}, free text).
     */
    String canonical(String value);
}
