package io.tracewell.epcis.conformance;

import java.util.Set;

/**
 * The standard CBV 2.0 vocabularies whose values EPCIS 2.0 lets a document spell three ways: a bare word (JSON-LD,
 * through the term definitions of the standard context), a URN ({@code urn:epcglobal:cbv:bizstep:shipping}, CBV 2.0
 * §6.2) or a Web URI ({@code https://ref.gs1.org/cbv/BizStep-shipping}, CBV 2.0 §6.3). The comparators map all
 * three to the URN so that a converter that changes the spelling is not reported, while a changed word is.
 *
 * <p>Only the words the standard defines are mapped from the bare form: a bare word that is not in the table is a
 * user value (or an error) and is compared as written.
 */
enum CbvVocabulary {
    /** CBV 2.0 §7.1 business steps. */
    BIZ_STEP("bizstep", "BizStep-", Set.of(
            "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning",
            "creating_class_instance", "cycle_counting", "decommissioning", "departing", "destroying",
            "disassembling", "dispensing", "encoding", "entering_exiting", "holding", "inspecting", "installing",
            "killing", "loading", "other", "packing", "picking", "receiving", "removing", "repackaging",
            "repairing", "replacing", "reserving", "retail_selling", "sampling", "sensor_reporting", "shipping",
            "staging_outbound", "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking",
            "void_shipping")),
    /** CBV 2.0 §7.2 dispositions (also the values of persistentDisposition set/unset). */
    DISPOSITION("disp", "Disp-", Set.of(
            "active", "available", "completeness_inferred", "completeness_verified", "conformant",
            "container_closed", "container_open", "damaged", "destroyed", "dispensed", "disposed", "encoded",
            "expired", "in_progress", "in_transit", "inactive", "mismatch_class", "mismatch_instance",
            "mismatch_quantity", "needs_replacement", "no_pedigree_match", "non_conformant", "non_sellable_other",
            "partially_dispensed", "recalled", "reserved", "retail_sold", "returned", "sellable_accessible",
            "sellable_not_accessible", "stolen", "unavailable", "unknown")),
    /** CBV 2.0 §7.3 business transaction types. */
    BIZ_TRANSACTION_TYPE("btt", "BTT-", Set.of(
            "bol", "cert", "desadv", "inv", "pedigree", "po", "poc", "prodorder", "recadv", "rma", "testprd",
            "testres", "upevt")),
    /** CBV 2.0 §7.4 source/destination types. */
    SOURCE_DEST_TYPE("sdt", "SDT-", Set.of("owning_party", "possessing_party", "location")),
    /** CBV 2.0 §7.5 error reasons. */
    ERROR_REASON("er", "ER-", Set.of("did_not_occur", "incorrect_data"));

    static final String WEB_VOCABULARY = "https://ref.gs1.org/cbv/";
    private static final String URN_PREFIX = "urn:epcglobal:cbv:";

    private final String urnPrefix;
    private final String webPrefix;
    private final String curiePrefix;
    private final Set<String> words;

    CbvVocabulary(String urnCode, String webTermPrefix, Set<String> words) {
        this.urnPrefix = URN_PREFIX + urnCode + ":";
        this.webPrefix = WEB_VOCABULARY + webTermPrefix;
        this.curiePrefix = "cbv:" + webTermPrefix;
        this.words = words;
    }

    /**
     * The URN form of a value of this vocabulary, or the value unchanged when it is not one of the three spellings
     * of a CBV value (user vocabularies keep their own URIs).
     */
    String canonical(String value) {
        String v = value.strip();
        if (v.startsWith(urnPrefix)) {
            return v;
        }
        if (v.startsWith(webPrefix)) {
            return urnPrefix + v.substring(webPrefix.length());
        }
        if (v.startsWith(curiePrefix)) {
            return urnPrefix + v.substring(curiePrefix.length());
        }
        if (words.contains(v)) {
            return urnPrefix + v;
        }
        return v;
    }

    /** The standard words, for tests that walk the whole table. */
    Set<String> words() {
        return words;
    }
}
