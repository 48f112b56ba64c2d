package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.model.Datatypes;
import java.util.Set;

/** Namespaces of the EPCIS 2.0 XML binding (EPCIS 2.0 §9) and the schemas it imports. */
final class XmlNames {
    /** Capture documents and every unqualified element inside them (elementFormDefault="unqualified"). */
    static final String EPCIS_NS = "urn:epcglobal:epcis:xsd:2";
    /** Query documents ({@code EPCISQueryDocument}, {@code QueryResults}). */
    static final String EPCIS_QUERY_NS = "urn:epcglobal:epcis-query:xsd:2";
    static final String EPCIS_MASTERDATA_NS = "urn:epcglobal:epcis-masterdata:xsd:2";
    static final String SBDH_NS = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
    static final String XSI_NS = Datatypes.XSI_NS;
    static final String XSD_NS = Datatypes.XSD_NS;

    /** The EPCIS 1.x namespaces, recognised only to say that such a document is 1.x. */
    static final String EPCIS_1_NS = "urn:epcglobal:epcis:xsd:1";
    static final String EPCIS_1_QUERY_NS = "urn:epcglobal:epcis-query:xsd:1";

    /**
     * Namespaces the binding itself declares; a document's declarations of these are not user extension
     * namespaces and are not kept in {@code DocumentHeader.namespaces}.
     */
    /**
     * The JSON-LD keyword namespace: the document's JSON-LD {@code id} and extra {@code @context} URLs travel as
     * attributes in it on the XML root ({@code jsonld:id}, {@code jsonld:context}), which the root's
     * {@code xsd:anyAttribute} admits, so that JSON-LD → XML → JSON-LD keeps them (docs/formats.md).
     */
    static final String JSONLD_NS = "http://www.w3.org/ns/json-ld#";
    static final String JSONLD_PREFIX = "jsonld";

    /**
     * The EPCIS vocabulary namespace of the JSON-LD context, where {@code sender}, {@code receiver} and
     * {@code instanceIdentifier} live. When a document has those without a complete SBDH (which XML requires to
     * have all three), they travel as root attributes in this namespace.
     */
    static final String EPCIS_VOCABULARY_NS = "https://ref.gs1.org/epcis/";
    static final String EPCIS_VOCABULARY_PREFIX = "epcisv";

    static final Set<String> STANDARD_NAMESPACES =
            Set.of(EPCIS_NS, EPCIS_QUERY_NS, SBDH_NS, XSI_NS, XSD_NS, JSONLD_NS, EPCIS_VOCABULARY_NS);

    private XmlNames() {
    }
}
