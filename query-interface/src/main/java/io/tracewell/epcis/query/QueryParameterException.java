package io.tracewell.epcis.query;

/**
 * A query parameter that is unknown, malformed or not allowed together with another (EPCIS 2.0 §8.2.7,
 * {@code QueryParameterException}): names the parameter and says why.
 */
public final class QueryParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String expected;

    public QueryParameterException(String parameter, String reason, String expected) {
        super(parameter + ": " + reason, null, false, false);
        this.parameter = parameter;
        this.expected = expected;
    }

    public String parameter() {
        return parameter;
    }

    /** What would have been accepted. */
    public String expected() {
        return expected;
    }
}
