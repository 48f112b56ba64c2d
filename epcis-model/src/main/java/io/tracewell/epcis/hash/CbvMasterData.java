package io.tracewell.epcis.hash;

/**
 * The two spellings of the CBV master data namespace (CBV 2.0 §9): the XML binding's namespace has no trailing
 * colon, the standard JSON-LD context's {@code cbvmda} prefix IRI has one. Both name the same attributes
 * ({@code cbvmda:lotNumber}), so the pre-hash writes one of them, chosen by the profile.
 */
final class CbvMasterData {
    static final String XML_NAMESPACE = "urn:epcglobal:cbv:mda";
    static final String JSON_LD_PREFIX_IRI = "urn:epcglobal:cbv:mda:";

    private CbvMasterData() {
    }

    static boolean isMasterDataNamespace(String namespace) {
        return XML_NAMESPACE.equals(namespace) || JSON_LD_PREFIX_IRI.equals(namespace);
    }
}
