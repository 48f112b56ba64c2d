package io.tracewell.regulatory.dscsa;

/**
 * The EPCClass master data attributes that carry the product part of the DSCSA transaction information (FD&C Act
 * §581(26)), in the order the document lists them. All are required, for each GTIN shipped.
 */
enum ProductAttribute {
    NDC("additionalTradeItemIdentification", "the NDC, TI (C)"),
    NDC_TYPE("additionalTradeItemIdentificationTypeCode", "the kind of the NDC, e.g. FDA_NDC_11"),
    NAME("regulatedProductName", "proprietary or established name, TI (A)"),
    MANUFACTURER("manufacturerOfTradeItemPartyName", "manufacturer"),
    DOSAGE_FORM("dosageFormType", "dosage form, TI (B)"),
    STRENGTH("strengthDescription", "strength, TI (B)"),
    CONTAINER_SIZE("netContentDescription", "container size, TI (D)");

    private final String localName;
    private final String meaning;

    ProductAttribute(String localName, String meaning) {
        this.localName = localName;
        this.meaning = meaning;
    }

    String localName() {
        return localName;
    }

    /** The attribute id as the document writes it, e.g. {@code urn:epcglobal:cbv:mda#regulatedProductName}. */
    String id() {
        return CbvMda.ATTRIBUTE_PREFIX + localName;
    }

    /** What an operator is told is missing. */
    String describe() {
        return "EPCClass attribute " + id() + " (" + meaning + ")";
    }
}
