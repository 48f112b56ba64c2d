package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.model.Datatypes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What Tracewell knows about the standard EPCIS 2.0 JSON-LD context (EPCIS 2.0 §10) without fetching it: its URLs
 * and the prefixes it declares. The context itself is never loaded at run time.
 */
final class StandardContext {

    /** The URL the writer puts first in every {@code @context}. */
    static final String URL = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    /** URLs under which the standard context is published; any of them means "the standard context". */
    static final Set<String> URLS = Set.of(
            URL,
            "https://ref.gs1.org/standards/epcis/epcis-context.jsonld",
            "https://gs1.github.io/EPCIS/epcis-context.jsonld");

    /** The SBDH namespace, for the header member that carries a full SBDH in JSON (see docs/formats.md). */
    static final String SBDH_NS = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";

    static final String CBVMDA_JSONLD = "urn:epcglobal:cbv:mda:";
    static final String CBVMDA_XML = "urn:epcglobal:cbv:mda";
    static final String XSD_JSONLD = Datatypes.XSD_NS + "#";

    /** Prefix to JSON-LD IRI, as declared by the standard context. */
    private static final Map<String, String> PREFIX_IRIS = new LinkedHashMap<>();

    static {
        PREFIX_IRIS.put("epcis", "https://ref.gs1.org/epcis/");
        PREFIX_IRIS.put("cbv", "https://ref.gs1.org/cbv/");
        PREFIX_IRIS.put("cbvmda", CBVMDA_JSONLD);
        PREFIX_IRIS.put("gs1", "https://gs1.org/voc/");
        PREFIX_IRIS.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        PREFIX_IRIS.put("owl", "http://www.w3.org/2002/07/owl#");
        PREFIX_IRIS.put("xsd", XSD_JSONLD);
        PREFIX_IRIS.put("dcterms", "http://purl.org/dc/terms/");
    }

    /**
     * Terms of the standard context that a generated or copied prefix must not shadow (the context is
     * {@code @protected}, so redefining one of them is an error for a JSON-LD processor).
     */
    static final Set<String> RESERVED_TERMS = Set.of(
            "id", "type", "baseURL", "ObjectEvent", "AggregationEvent", "TransformationEvent", "AssociationEvent",
            "TransactionEvent", "Collection", "member", "eventTime", "recordTime", "eventTimeZoneOffset", "action",
            "certificationInfo", "bizStep", "disposition", "bizLocation", "readPoint", "transformationID", "epcList",
            "sourceList", "destinationList", "persistentDisposition", "quantity", "epcClass", "uom", "quantityList",
            "bizTransactionList", "parentID", "childEPCs", "childQuantityList", "inputEPCList", "outputEPCList",
            "inputQuantityList", "outputQuantityList", "sensorElementList", "errorDeclaration", "eventID",
            "creationDate", "sender", "receiver", "instanceIdentifier", "schemaVersion", "ilmd", "EPCISDocument",
            "EPCISQueryDocument", "epcisHeader", "masterData", "vocabularyList", "epcisBody", "queryResults",
            "subscriptionID", "queryName", "resultsBody", "eventList", "children", "xml", "xmlns");

    private StandardContext() {
    }

    static boolean isStandardUrl(String url) {
        return URLS.contains(url);
    }

    /** The model (XML) namespace of a standard prefix, or {@code null}. */
    static String namespace(String prefix) {
        String iri = PREFIX_IRIS.get(prefix);
        return iri == null ? null : toNamespace(iri);
    }

    /** The standard prefix bound to a model namespace, or {@code null}. */
    static String prefix(String namespace) {
        for (Map.Entry<String, String> e : PREFIX_IRIS.entrySet()) {
            if (toNamespace(e.getValue()).equals(namespace)) {
                return e.getKey();
            }
        }
        return null;
    }

    static boolean isStandardPrefix(String prefix) {
        return PREFIX_IRIS.containsKey(prefix);
    }

    /**
     * JSON-LD prefix IRI to model namespace. The two standard vocabularies whose XML namespace differs from their
     * JSON-LD IRI are mapped (docs/formats.md, "Standard namespaces"); everything else is kept byte for byte.
     */
    static String toNamespace(String iri) {
        if (CBVMDA_JSONLD.equals(iri)) {
            return CBVMDA_XML;
        }
        if (XSD_JSONLD.equals(iri)) {
            return Datatypes.XSD_NS;
        }
        return iri;
    }

    /** Model namespace to the IRI a JSON-LD prefix declaration needs; the inverse of {@link #toNamespace}. */
    static String toIri(String namespace) {
        if (CBVMDA_XML.equals(namespace)) {
            return CBVMDA_JSONLD;
        }
        if (Datatypes.XSD_NS.equals(namespace)) {
            return XSD_JSONLD;
        }
        return namespace;
    }
}
