package io.tracewell.epcis.cbv;

/**
 * A disposition (EPCIS {@code disposition} and {@code persistentDisposition}), CBV 2.0. Read from any spelling ({@code
 * in_transit}, {@code urn:epcglobal:cbv:disp:in_transit}, {@code https://ref.gs1.org/cbv/Disp-in_transit}, {@code
 * cbv:...}); other URIs are kept as given.
 *
 * @param uri the Web URI of a standard term, or the URI as given
 */
public record Disposition(String uri) implements CbvUrnValue {

    public static final Disposition ACTIVE = of("active");
    public static final Disposition AVAILABLE = of("available");
    public static final Disposition COMPLETENESS_INFERRED = of("completeness_inferred");
    public static final Disposition COMPLETENESS_VERIFIED = of("completeness_verified");
    public static final Disposition CONFORMANT = of("conformant");
    public static final Disposition CONTAINER_CLOSED = of("container_closed");
    public static final Disposition CONTAINER_OPEN = of("container_open");
    public static final Disposition DAMAGED = of("damaged");
    public static final Disposition DESTROYED = of("destroyed");
    public static final Disposition DISPENSED = of("dispensed");
    public static final Disposition DISPOSED = of("disposed");
    public static final Disposition ENCODED = of("encoded");
    public static final Disposition EXPIRED = of("expired");
    public static final Disposition IN_PROGRESS = of("in_progress");
    public static final Disposition IN_TRANSIT = of("in_transit");
    public static final Disposition INACTIVE = of("inactive");
    public static final Disposition MISMATCH_CLASS = of("mismatch_class");
    public static final Disposition MISMATCH_INSTANCE = of("mismatch_instance");
    public static final Disposition MISMATCH_QUANTITY = of("mismatch_quantity");
    public static final Disposition NEEDS_REPLACEMENT = of("needs_replacement");
    public static final Disposition NO_PEDIGREE_MATCH = of("no_pedigree_match");
    public static final Disposition NON_CONFORMANT = of("non_conformant");
    public static final Disposition NON_SELLABLE_OTHER = of("non_sellable_other");
    public static final Disposition PARTIALLY_DISPENSED = of("partially_dispensed");
    public static final Disposition RECALLED = of("recalled");
    public static final Disposition RESERVED = of("reserved");
    public static final Disposition RETAIL_SOLD = of("retail_sold");
    public static final Disposition RETURNED = of("returned");
    public static final Disposition SELLABLE_ACCESSIBLE = of("sellable_accessible");
    public static final Disposition SELLABLE_NOT_ACCESSIBLE = of("sellable_not_accessible");
    public static final Disposition STOLEN = of("stolen");
    public static final Disposition UNAVAILABLE = of("unavailable");
    public static final Disposition UNKNOWN = of("unknown");

    public Disposition {
        uri = CbvCodec.canonical(CbvVocabulary.DISPOSITION, uri);
    }

    /**
     * Reads any spelling.
     *
     * @throws VocabularyException if the value is neither a term of the vocabulary nor an absolute URI
     */
    public static Disposition of(String value) {
        return new Disposition(value);
    }

    @Override
    public CbvVocabulary vocabulary() {
        return CbvVocabulary.DISPOSITION;
    }

    @Override
    public String toString() {
        return uri;
    }
}
