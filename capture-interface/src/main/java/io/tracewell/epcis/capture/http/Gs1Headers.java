package io.tracewell.epcis.capture.http;

import io.vertx.core.http.HttpServerResponse;
import java.util.List;

/**
 * The GS1 headers of the REST binding (EPCIS 2.0 §12, OpenAPI header parameters), and the values this server
 * puts on its responses. Kept in one place so that every route announces the same versions and capabilities.
 */
public final class Gs1Headers {

    public static final String EPCIS_VERSION = "GS1-EPCIS-Version";
    public static final String EPCIS_MIN = "GS1-EPCIS-Min";
    public static final String EPCIS_MAX = "GS1-EPCIS-Max";
    public static final String CBV_VERSION = "GS1-CBV-Version";
    public static final String CBV_MIN = "GS1-CBV-Min";
    public static final String CBV_MAX = "GS1-CBV-Max";
    public static final String EPC_FORMAT = "GS1-EPC-Format";
    public static final String CBV_XML_FORMAT = "GS1-CBV-XML-Format";
    public static final String EXTENSIONS = "GS1-Extensions";
    public static final String VENDOR_VERSION = "GS1-Vendor-Version";
    public static final String CAPTURE_LIMIT = "GS1-EPCIS-Capture-Limit";
    public static final String CAPTURE_FILE_SIZE_LIMIT = "GS1-EPCIS-Capture-File-Size-Limit";
    public static final String CAPTURE_ERROR_BEHAVIOUR = "GS1-Capture-Error-Behaviour";
    public static final String NEXT_PAGE_TOKEN_EXPIRES = "GS1-Next-Page-Token-Expires";
    public static final String QUERY_MIN_RECORD_TIME = "GS1-Query-Min-Record-Time";
    public static final String SIGNATURE = "GS1-Signature";

    /** The versions this server speaks: EPCIS 2.0 and CBV 2.0. */
    public static final String EPCIS_VERSION_VALUE = "2.0.0";
    public static final String CBV_VERSION_VALUE = "2.0.0";

    /** Only one version of each is spoken, so the announced range is that version on both ends. */
    public static final String EPCIS_MIN_VALUE = EPCIS_VERSION_VALUE;
    public static final String EPCIS_MAX_VALUE = EPCIS_VERSION_VALUE;
    public static final String CBV_MIN_VALUE = CBV_VERSION_VALUE;
    public static final String CBV_MAX_VALUE = CBV_VERSION_VALUE;

    /** The values of {@code GS1-EPC-Format} a client may ask for. */
    public static final List<String> EPC_FORMATS =
            List.of("No_Preference", "Always_GS1_Digital_Link", "Always_EPC_URN", "Never_Translates");

    /** The values of {@code GS1-CBV-XML-Format} a client may ask for. */
    public static final List<String> CBV_XML_FORMATS =
            List.of("No_Preference", "Always_Web_URI", "Always_URN", "Never_Translates");

    /** The error behaviours of {@code POST /capture} a client may choose between. */
    public static final List<String> CAPTURE_ERROR_BEHAVIOURS = List.of("rollback", "proceed");

    /** What {@code OPTIONS /capture} announces: the binding's value for a server that supports both. */
    public static final String CAPTURE_ERROR_BEHAVIOURS_SUPPORTED = "all";

    private Gs1Headers() {}

    /** Puts the EPCIS and CBV versions of the response's content on it; every route answers with them. */
    public static void addTo(HttpServerResponse response) {
        response.putHeader(EPCIS_VERSION, EPCIS_VERSION_VALUE);
        response.putHeader(CBV_VERSION, CBV_VERSION_VALUE);
    }

    /** Puts the supported EPCIS and CBV version ranges on a response, e.g. a {@code 406} after negotiation. */
    public static void addVersionRangesTo(HttpServerResponse response) {
        response.putHeader(EPCIS_MIN, EPCIS_MIN_VALUE);
        response.putHeader(EPCIS_MAX, EPCIS_MAX_VALUE);
        response.putHeader(CBV_MIN, CBV_MIN_VALUE);
        response.putHeader(CBV_MAX, CBV_MAX_VALUE);
    }

    /**
     * Puts what an {@code OPTIONS} response announces about the server (OpenAPI
     * {@code 204DefaultDiscoveryResponse}): the versions of {@link #addTo}, the supported version ranges, the
     * vendor's version and the supported EPC and CBV formats.
     *
     * @param vendorVersion the server's own version, as {@code GS1-Vendor-Version}
     * @param extensions    the {@code GS1-Extensions} value ({@code prefix=namespace} pairs, comma-separated);
     *                      {@code null} or blank leaves the header out
     */
    public static void addDiscoveryTo(HttpServerResponse response, String vendorVersion, String extensions) {
        addTo(response);
        addVersionRangesTo(response);
        response.putHeader(VENDOR_VERSION, vendorVersion);
        response.putHeader(EPC_FORMAT, String.join(", ", EPC_FORMATS));
        response.putHeader(CBV_XML_FORMAT, String.join(", ", CBV_XML_FORMATS));
        if (extensions != null && !extensions.isBlank()) {
            response.putHeader(EXTENSIONS, extensions);
        }
    }
}
