package io.tracewell.epcis.capture.problem;

/**
 * The EPCIS exception types of the REST binding (EPCIS 2.0 §12, OpenAPI {@code components/responses}), each
 * with the HTTP status it is answered with and a title for people. The problem {@code type} is the CURIE
 * {@code epcisException:<name>} as the OpenAPI writes it.
 */
public enum EpcisExceptionType {
    VALIDATION("ValidationException", 400, "The request is not valid EPCIS 2.0"),
    QUERY_PARAMETER("QueryParameterException", 400, "A query parameter is unknown or its value is not valid"),
    QUERY_VALIDATION("QueryValidationException", 400, "The query is not valid"),
    QUERY_TOO_LARGE("QueryTooLargeException", 413, "The query would return more events than allowed"),
    SUBSCRIPTION_CONTROLS("SubscriptionControlsException", 400,
            "The subscription's controls (schedule, stream, initialRecordTime, reportIfEmpty) are not valid"),
    INVALID_URI("InvalidURIException", 400, "The destination URI of the subscription is not valid"),
    URI_TOO_LONG("URITooLongException", 414, "The request URI is too long"),
    NO_SUCH_RESOURCE("NoSuchResourceException", 404, "The resource does not exist"),
    NOT_ACCEPTABLE("NotAcceptableException", 406, "None of the accepted media types can be produced"),
    RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException", 409,
            "A resource with the provided identifier already exists"),
    CAPTURE_LIMIT_EXCEEDED("CaptureLimitExceededException", 413, "The request is larger than the capture limit"),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaTypeException", 415, "The request's media type is not supported"),
    UNAUTHENTICATED("SecurityException", 401, "The request carries no valid credentials"),
    FORBIDDEN("SecurityException", 403, "The caller may not do this"),
    IMPLEMENTATION("ImplementationException", 500, "The server failed to process the request"),
    /** The database could not be reached: nothing was done, and the same request can be sent again later. */
    UNAVAILABLE("ImplementationException", 503, "The server's database is unavailable; try again later");

    private final String name;
    private final int status;
    private final String title;

    EpcisExceptionType(String name, int status, String title) {
        this.name = name;
        this.status = status;
        this.title = title;
    }

    /** The problem {@code type}, e.g. {@code epcisException:ValidationException}. */
    public String type() {
        return "epcisException:" + name;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
