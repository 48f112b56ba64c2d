package io.tracewell.epcis.cbv;

/** A value given for a CBV vocabulary field is neither one of the vocabulary's terms nor an absolute URI. */
public final class VocabularyException extends IllegalArgumentException {

    public VocabularyException(String message) {
        super(message);
    }
}
