package io.tracewell.epcis.model;

/** The two document types of EPCIS 2.0: a capture document and a query result document (§9.2, §9.6). */
public enum DocumentKind {
    EPCIS_DOCUMENT("EPCISDocument"),
    EPCIS_QUERY_DOCUMENT("EPCISQueryDocument");

    private final String standardName;

    DocumentKind(String standardName) {
        this.standardName = standardName;
    }

    public String standardName() {
        return standardName;
    }
}
