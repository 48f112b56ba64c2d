package io.tracewell.epcis.capture.problem;

/** The two RFC 7807 representations: JSON (§3) and XML (Appendix A). */
public enum ProblemFormat {
    JSON("application/problem+json"),
    XML("application/problem+xml");

    private final String mediaType;

    ProblemFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
