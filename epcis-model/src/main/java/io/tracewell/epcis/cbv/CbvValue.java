package io.tracewell.epcis.cbv;

import java.util.Optional;

/**
 * A value of one CBV vocabulary. Whatever spelling it was read from, it is held as one string ({@link #uri()}): the
 * Web URI for a standard term, or the URI exactly as given for anything else (EPCIS allows other URIs, e.g.
 * {@code urn:example:bizstep:x}; they pass through unchanged).
 */
public sealed interface CbvValue
        permits CbvUrnValue, Gs1VocabularyValue, SensorComponent {

    /** The held value: Web URI of a standard term, or the given URI. */
    String uri();

    CbvVocabulary vocabulary();

    /** The standard term (e.g. "shipping"), when the value is one. */
    default Optional<String> term() {
        return CbvCodec.termOf(vocabulary(), uri());
    }

    default boolean isStandard() {
        return term().isPresent();
    }

    /** The Web URI ({@code https://ref.gs1.org/cbv/BizStep-shipping}); other URIs unchanged. */
    default String toWebUri() {
        return CbvCodec.webUri(vocabulary(), uri());
    }

    /** The bare word of EPCIS 2.0 JSON ({@code shipping}); other URIs unchanged. */
    default String toBareWord() {
        return CbvCodec.bareWord(vocabulary(), uri());
    }

    /** The compact form of the JSON-LD context ({@code cbv:BizStep-shipping}, {@code gs1:Temperature}). */
    default String toCurie() {
        return CbvCodec.curie(vocabulary(), uri());
    }

    /** The spelling for EPCIS 2.0 JSON/JSON-LD: the bare word for standard terms, the URI otherwise. */
    default String toJsonValue() {
        return toBareWord();
    }

    /**
     * The spelling for EPCIS 2.0 XML: the URN where the vocabulary has one, otherwise the compact form used by the
     * standard's XML examples ({@code gs1:Temperature}, {@code cbv:Comp-northing}).
     */
    String toXmlValue();
}
