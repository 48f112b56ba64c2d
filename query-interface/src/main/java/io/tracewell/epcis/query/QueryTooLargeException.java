package io.tracewell.epcis.query;

/** More events match than the query's {@code maxEventCount} allows (EPCIS 2.0 §8.2.7.1). */
public final class QueryTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueryTooLargeException(long maxEventCount) {
        super("more than " + maxEventCount + " events match (maxEventCount)", null, false, false);
    }
}
