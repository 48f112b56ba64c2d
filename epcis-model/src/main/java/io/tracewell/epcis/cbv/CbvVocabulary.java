package io.tracewell.epcis.cbv;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CBV 2.0 vocabularies whose values EPCIS events carry, with the three ways each standard term may be written:
 * bare word (EPCIS 2.0 JSON-LD, e.g. {@code shipping}), URN (CBV 1.x/2.0 and EPCIS XML, e.g.
 * {@code urn:epcglobal:cbv:bizstep:shipping}) and Web URI (CBV 2.0, e.g.
 * {@code https://ref.gs1.org/cbv/BizStep-shipping}), plus the compact form of the JSON-LD context
 * ({@code cbv:BizStep-shipping}, {@code gs1:Temperature}).
 *
 * <p>Sensor measurement types, sensor alert types and sensor components have no URN form. Measurement and alert types
 * are GS1 Web Vocabulary terms: the EPCIS 2.0.0 JSON-LD context maps {@code gs1:} to {@code https://gs1.org/voc/};
 * the 2.0.1 context moved it to {@code https://ref.gs1.org/voc/}, which is accepted as input too.
 */
public enum CbvVocabulary {
    BIZ_STEP("bizStep", "urn:epcglobal:cbv:bizstep:", "BizStep-", CbvTerms.BIZ_STEP),
    DISPOSITION("disposition", "urn:epcglobal:cbv:disp:", "Disp-", CbvTerms.DISPOSITION),
    BIZ_TRANSACTION_TYPE("business transaction type", "urn:epcglobal:cbv:btt:", "BTT-",
            CbvTerms.BIZ_TRANSACTION_TYPE),
    SOURCE_DEST_TYPE("source/destination type", "urn:epcglobal:cbv:sdt:", "SDT-", CbvTerms.SOURCE_DEST_TYPE),
    ERROR_REASON("error reason", "urn:epcglobal:cbv:er:", "ER-", CbvTerms.ERROR_REASON),
    SENSOR_MEASUREMENT_TYPE("sensor measurement type", null, "", CbvTerms.SENSOR_MEASUREMENT_TYPE),
    SENSOR_ALERT_TYPE("sensor alert type", null, "", CbvTerms.SENSOR_ALERT_TYPE),
    SENSOR_COMPONENT("sensor component", null, "Comp-", CbvTerms.COMPONENT);

    /** Namespace of CBV 2.0 Web URIs; the JSON-LD context's {@code cbv:} prefix. */
    public static final String CBV_NAMESPACE = "https://ref.gs1.org/cbv/";
    /** The GS1 Web Vocabulary namespace of the EPCIS 2.0.0 JSON-LD context ({@code gs1:}). */
    public static final String GS1_VOC_NAMESPACE = "https://gs1.org/voc/";
    /** The GS1 Web Vocabulary namespace of the EPCIS 2.0.1 JSON-LD context, accepted as an alias. */
    public static final String GS1_VOC_REF_NAMESPACE = "https://ref.gs1.org/voc/";

    private final String label;
    private final String urnPrefix;
    private final String webTermPrefix;
    private final Set<String> terms;
    private final List<String> termList;

    CbvVocabulary(String label, String urnPrefix, String webTermPrefix, List<String> terms) {
        this.label = label;
        this.urnPrefix = urnPrefix;
        this.webTermPrefix = webTermPrefix;
        this.terms = Set.copyOf(terms);
        this.termList = terms;
    }

    /** Name used in messages, e.g. "bizStep". */
    public String label() {
        return label;
    }

    /** e.g. {@code urn:epcglobal:cbv:bizstep:}; empty for vocabularies without URN form. */
    public Optional<String> urnPrefix() {
        return Optional.ofNullable(urnPrefix);
    }

    /** The standard terms in alphabetical order. */
    public List<String> terms() {
        return termList;
    }

    public boolean isTerm(String word) {
        return terms.contains(word);
    }

    /** Whether terms live in the GS1 Web Vocabulary ({@code gs1:}) rather than the CBV namespace ({@code cbv:}). */
    public boolean gs1Voc() {
        return this == SENSOR_MEASUREMENT_TYPE || this == SENSOR_ALERT_TYPE;
    }

    /** Namespace of the Web URI (and of the compact form). */
    public String namespace() {
        return gs1Voc() ? GS1_VOC_NAMESPACE : CBV_NAMESPACE;
    }

    /** Prefix of the compact form: {@code cbv:} or {@code gs1:}. */
    public String curiePrefix() {
        return gs1Voc() ? "gs1:" : "cbv:";
    }

    /** Part of the Web URI's last segment before the term, e.g. {@code BizStep-}. */
    public String webTermPrefix() {
        return webTermPrefix;
    }

    /** The Web URI of a term, e.g. {@code https://ref.gs1.org/cbv/BizStep-shipping}. */
    public String webUri(String term) {
        return namespace() + webTermPrefix + term;
    }
}
