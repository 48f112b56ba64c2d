package io.tracewell.epcis.cbv;

/**
 * A source or destination type (EPCIS {@code source}/{@code destination} type), CBV 2.0. Read from any spelling ({@code
 * owning_party}, {@code urn:epcglobal:cbv:sdt:owning_party}, {@code https://ref.gs1.org/cbv/SDT-owning_party}, {@code
 * cbv:...}); other URIs are kept as given.
 *
 * @param uri the Web URI of a standard term, or the URI as given
 */
public record SourceDestType(String uri) implements CbvUrnValue {

    public static final SourceDestType LOCATION = of("location");
    public static final SourceDestType OWNING_PARTY = of("owning_party");
    public static final SourceDestType POSSESSING_PARTY = of("possessing_party");

    public SourceDestType {
        uri = CbvCodec.canonical(CbvVocabulary.SOURCE_DEST_TYPE, uri);
    }

    /**
     * Reads any spelling.
     *
     * @throws VocabularyException if the value is neither a term of the vocabulary nor an absolute URI
     */
    public static SourceDestType of(String value) {
        return new SourceDestType(value);
    }

    @Override
    public CbvVocabulary vocabulary() {
        return CbvVocabulary.SOURCE_DEST_TYPE;
    }

    @Override
    public String toString() {
        return uri;
    }
}
