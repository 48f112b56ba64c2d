package io.tracewell.epcis.capture.http;

/** The GS1 headers of the REST binding (EPCIS 2.0 §12, OpenAPI header parameters). */
public final class Gs1Headers {

    public static final String EPCIS_VERSION = "GS1-EPCIS-Version";
    public static final String CBV_VERSION = "GS1-CBV-Version";

    /** The versions this server speaks: EPCIS 2.0 and CBV 2.0. */
    public static final String EPCIS_VERSION_VALUE = "2.0.0";
    public static final String CBV_VERSION_VALUE = "2.0.0";

    private Gs1Headers() {}
}
