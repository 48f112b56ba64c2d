package io.tracewell.regulatory.as2;

/**
 * The result of checking one MDN against what we sent.
 *
 * @param report  the MDN's machine-readable fields when they could be read, else {@code null}; present for a
 *                refused MDN too, so a failure can show what the partner said
 * @param failure the first check that failed, {@code null} when the MDN acknowledges our message
 * @param reason  a sentence naming the failed check and the values compared, {@code null} when verified
 */
public record MdnVerification(MdnReport report, As2Failure failure, String reason) {

    /** Checks that failure and reason come together. */
    public MdnVerification {
        if ((failure == null) != (reason == null)) {
            throw new IllegalArgumentException("failure and reason must be given together, found failure " + failure
                    + " and reason " + reason);
        }
        if (failure == null && report == null) {
            throw new IllegalArgumentException("a verified MDN must have its report");
        }
    }

    static MdnVerification verified(MdnReport report) {
        return new MdnVerification(report, null, null);
    }

    static MdnVerification refused(MdnReport report, As2Failure failure, String reason) {
        return new MdnVerification(report, failure, reason);
    }

    /** True when signature, Message-ID, disposition and MIC all check out. */
    public boolean verified() {
        return failure == null;
    }
}
