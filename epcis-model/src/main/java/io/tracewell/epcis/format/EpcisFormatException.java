package io.tracewell.epcis.format;

/**
 * The input is not a well-formed EPCIS document in the binding being read. Says where ({@link #location()}),
 * what was found ({@link #problem()}) and what was expected ({@link #expected()}); the capture interface turns it
 * into an RFC 7807 problem with the EPCIS ValidationException type.
 */
public class EpcisFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SourceLocation location;
    private final String problem;
    private final String expected;

    public EpcisFormatException(SourceLocation location, String problem, String expected) {
        this(location, problem, expected, null);
    }

    public EpcisFormatException(SourceLocation location, String problem, String expected, Throwable cause) {
        super(location + ": " + problem + (expected == null ? "" : "; expected " + expected), cause);
        this.location = location;
        this.problem = problem;
        this.expected = expected;
    }

    public SourceLocation location() {
        return location;
    }

    public String problem() {
        return problem;
    }

    public String expected() {
        return expected;
    }
}
