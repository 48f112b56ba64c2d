package io.tracewell.epcis.cbv;

/**
 * An error declaration reason (EPCIS {@code errorDeclaration reason}), CBV 2.0. Read from any spelling ({@code
 * incorrect_data}, {@code urn:epcglobal:cbv:er:incorrect_data}, {@code https://ref.gs1.org/cbv/ER-incorrect_data},
 * {@code cbv:...}); other URIs are kept as given.
 *
 * @param uri the Web URI of a standard term, or the URI as given
 */
public record ErrorReason(String uri) implements CbvUrnValue {

    public static final ErrorReason DID_NOT_OCCUR = of("did_not_occur");
    public static final ErrorReason INCORRECT_DATA = of("incorrect_data");

    public ErrorReason {
        uri = CbvCodec.canonical(CbvVocabulary.ERROR_REASON, uri);
    }

    /**
     * Reads any spelling.
     *
     * @throws VocabularyException if the value is neither a term of the vocabulary nor an absolute URI
     */
    public static ErrorReason of(String value) {
        return new ErrorReason(value);
    }

    @Override
    public CbvVocabulary vocabulary() {
        return CbvVocabulary.ERROR_REASON;
    }

    @Override
    public String toString() {
        return uri;
    }
}
