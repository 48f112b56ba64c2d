package io.tracewell.xsd;

import java.net.URL;
import java.util.Map;
import java.util.Optional;

/**
 * Where the project's own schemas live on the classpath, and which XML namespace each XML Schema
 * defines.
 *
 * <p>Resource names are classpath-absolute without a leading slash, as {@link ClassLoader#getResource}
 * takes them. The XML Schemas import one another by relative {@code schemaLocation}; a resolver that
 * must never reach the network maps an import by its namespace with {@link #xmlSchemaFor(String)}.
 */
public final class SchemaResources {

    private static final String BASE = "io/tracewell/xsd/";

    /** The EPCglobal base namespace, {@code urn:epcglobal:xsd:1} (abstract Document, EPC). */
    public static final String EPCGLOBAL_NAMESPACE = "urn:epcglobal:xsd:1";
    /** The Standard Business Document Header namespace. */
    public static final String SBDH_NAMESPACE =
            "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
    /** EPCIS 2.0 core: EPCISDocument, events, vocabularies. */
    public static final String EPCIS_2_NAMESPACE = "urn:epcglobal:epcis:xsd:2";
    /** EPCIS 2.0 query documents. */
    public static final String EPCIS_2_QUERY_NAMESPACE = "urn:epcglobal:epcis-query:xsd:2";
    /** EPCIS 2.0 master data documents. */
    public static final String EPCIS_2_MASTERDATA_NAMESPACE = "urn:epcglobal:epcis-masterdata:xsd:2";
    /**
     * EPCIS 1.2 core: EPCISDocument, events, header master data. Tracewell writes it for partners that exchange
     * EPCIS 1.2 (e.g. DSCSA); it is not a namespace the EPCIS 2.0 capture interface accepts.
     */
    public static final String EPCIS_1_2_NAMESPACE = "urn:epcglobal:epcis:xsd:1";

    public static final String EPCGLOBAL_XSD = BASE + "epcglobal/epcglobal-1.xsd";
    public static final String SBDH_XSD = BASE + "sbdh/standard-business-document-header.xsd";
    public static final String EPCIS_2_XSD = BASE + "epcis/2.0/epcis-2.0.xsd";
    public static final String EPCIS_2_QUERY_XSD = BASE + "epcis/2.0/epcis-query-2.0.xsd";
    public static final String EPCIS_2_MASTERDATA_XSD = BASE + "epcis/2.0/epcis-masterdata-2.0.xsd";
    /** The EPCIS 1.2 document schema; it imports the EPCglobal base and SBDH schemas above. */
    public static final String EPCIS_1_2_XSD = BASE + "epcis/1.2/epcis-1.2.xsd";

    /** JSON Schema (draft 2019-09) for EPCIS 2.0 JSON/JSON-LD documents and single events. */
    public static final String EPCIS_2_JSON_SCHEMA = BASE + "json/epcis-2.0.schema.json";

    private static final Map<String, String> XSD_BY_NAMESPACE = Map.of(
            EPCGLOBAL_NAMESPACE, EPCGLOBAL_XSD,
            SBDH_NAMESPACE, SBDH_XSD,
            EPCIS_2_NAMESPACE, EPCIS_2_XSD,
            EPCIS_2_QUERY_NAMESPACE, EPCIS_2_QUERY_XSD,
            EPCIS_2_MASTERDATA_NAMESPACE, EPCIS_2_MASTERDATA_XSD,
            EPCIS_1_2_NAMESPACE, EPCIS_1_2_XSD);

    private SchemaResources() {
    }

    /** The resource name of the XML Schema that defines {@code namespace}, if this module has one. */
    public static Optional<String> xmlSchemaFor(String namespace) {
        return Optional.ofNullable(namespace).map(XSD_BY_NAMESPACE::get);
    }

    /** The URL of a resource of this module. */
    public static URL url(String resource) {
        URL url = SchemaResources.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("schema resource missing from the classpath: " + resource);
        }
        return url;
    }
}
