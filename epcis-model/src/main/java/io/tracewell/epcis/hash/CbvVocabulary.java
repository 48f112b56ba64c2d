package io.tracewell.epcis.hash;

/**
 * The CBV vocabularies whose values the pre-hash writes as GS1 Web URIs (CBV 2.0 §6 and the event hash ID value
 * rules): a bare word ({@code shipping}, the JSON-LD short form), the CBV 1.x URN
 * ({@code urn:epcglobal:cbv:bizstep:shipping}) and the Web URI ({@code https://ref.gs1.org/cbv/BizStep-shipping})
 * all become the Web URI.
 */
enum CbvVocabulary {
    BIZ_STEP("urn:epcglobal:cbv:bizstep:", "BizStep-"),
    DISPOSITION("urn:epcglobal:cbv:disp:", "Disp-"),
    BUSINESS_TRANSACTION_TYPE("urn:epcglobal:cbv:btt:", "BTT-"),
    SOURCE_DESTINATION_TYPE("urn:epcglobal:cbv:sdt:", "SDT-"),
    ERROR_REASON("urn:epcglobal:cbv:er:", "ER-"),
    /** Sensor report components (CBV 2.0 §8.11) have no URN form. */
    COMPONENT(null, "Comp-");

    static final String WEB_BASE = "https://ref.gs1.org/cbv/";

    private final String urnPrefix;
    private final String webPrefix;

    CbvVocabulary(String urnPrefix, String termPrefix) {
        this.urnPrefix = urnPrefix;
        this.webPrefix = WEB_BASE + termPrefix;
    }

    /** The Web URI for a bare word of this vocabulary. */
    String webUri(String bareWord) {
        return webPrefix + bareWord;
    }

    /**
     * The Web URI when {@code value} is a CBV URN of any vocabulary, otherwise {@code null}. The URN form is
     * recognised in every field, as the reference does, since a CBV URN cannot mean anything else.
     */
    static String fromUrn(String value) {
        if (!value.startsWith("urn:epcglobal:cbv:")) {
            return null;
        }
        for (CbvVocabulary v : values()) {
            if (v.urnPrefix != null && value.startsWith(v.urnPrefix)) {
                return v.webPrefix + value.substring(v.urnPrefix.length());
            }
        }
        return null;
    }
}
