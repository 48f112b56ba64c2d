package io.tracewell.trace.verify;

/** A scanned code that cannot be verified: not a GS1 element string or Digital Link, or no GTIN with a serial. */
public final class BadCodeException extends RuntimeException {

    private final String expected;

    public BadCodeException(String message, String expected) {
        super(message);
        this.expected = expected;
    }

    /** What a verifiable code looks like, for the problem's {@code expected}. */
    public String expected() {
        return expected;
    }
}
