package io.tracewell.epcis.cbv;

/**
 * A business transaction type (EPCIS {@code bizTransaction type}), CBV 2.0. Read from any spelling ({@code po}, {@code
 * urn:epcglobal:cbv:btt:po}, {@code https://ref.gs1.org/cbv/BTT-po}, {@code cbv:...}); other URIs are kept as given.
 *
 * @param uri the Web URI of a standard term, or the URI as given
 */
public record BizTransactionType(String uri) implements CbvUrnValue {

    public static final BizTransactionType BOL = of("bol");
    public static final BizTransactionType CERT = of("cert");
    public static final BizTransactionType DESADV = of("desadv");
    public static final BizTransactionType INV = of("inv");
    public static final BizTransactionType PEDIGREE = of("pedigree");
    public static final BizTransactionType PO = of("po");
    public static final BizTransactionType POC = of("poc");
    public static final BizTransactionType PRODORDER = of("prodorder");
    public static final BizTransactionType RECADV = of("recadv");
    public static final BizTransactionType RMA = of("rma");
    public static final BizTransactionType TESTPRD = of("testprd");
    public static final BizTransactionType TESTRES = of("testres");
    public static final BizTransactionType UPEVT = of("upevt");

    public BizTransactionType {
        uri = CbvCodec.canonical(CbvVocabulary.BIZ_TRANSACTION_TYPE, uri);
    }

    /**
     * Reads any spelling.
     *
     * @throws VocabularyException if the value is neither a term of the vocabulary nor an absolute URI
     */
    public static BizTransactionType of(String value) {
        return new BizTransactionType(value);
    }

    @Override
    public CbvVocabulary vocabulary() {
        return CbvVocabulary.BIZ_TRANSACTION_TYPE;
    }

    @Override
    public String toString() {
        return uri;
    }
}
