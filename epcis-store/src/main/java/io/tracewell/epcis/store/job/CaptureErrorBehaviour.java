package io.tracewell.epcis.store.job;

/**
 * The {@code GS1-Capture-Error-Behaviour} header (EPCIS 2.0 REST binding): on a bad event, store nothing
 * ({@code rollback}, the default) or store the good events ({@code proceed}).
 */
public enum CaptureErrorBehaviour {
    ROLLBACK("rollback"),
    PROCEED("proceed");

    private final String headerValue;

    CaptureErrorBehaviour(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }
}
