package io.tracewell.regulatory.as2;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What happened to one AS2 message: the evidence for non-repudiation of receipt when it was acknowledged, and the
 * reason when it was not.
 *
 * @param status      {@link Status#ACKNOWLEDGED}, {@link Status#FAILED}, or {@link Status#AWAITING_MDN} when the MDN
 *                    comes asynchronously
 * @param failure     which check failed; {@code null} unless {@code status} is {@link Status#FAILED}
 * @param reason      a sentence saying what went wrong; {@code null} unless {@code status} is {@link Status#FAILED}
 * @param messageId   the Message-ID sent, with angle brackets
 * @param mic         the MIC we computed over the MIME entity we signed, as in an MDN: {@code "<base64>, sha-256"}
 * @param httpStatus  the partner's HTTP status, 0 when no response was received
 * @param mdn         the MDN body exactly as received (empty when none)
 * @param mdnHeaders  the HTTP response headers that came with it, in order (empty when none)
 * @param disposition the MDN's Disposition field as received, {@code null} when no MDN could be read
 */
public record As2Outcome(
        Status status,
        As2Failure failure,
        String reason,
        String messageId,
        String mic,
        int httpStatus,
        byte[] mdn,
        Map<String, List<String>> mdnHeaders,
        String disposition) {

    /** The state of the delivery. */
    public enum Status {
        /** A signed MDN verified with the partner certificate says "processed" for our Message-ID and MIC. */
        ACKNOWLEDGED,
        /** The partner accepted the POST; the MDN will be posted to our asynchronous MDN URL. */
        AWAITING_MDN,
        /** Not acknowledged; {@link #failure()} and {@link #reason()} say why. */
        FAILED
    }

    /** Checks consistency and copies the byte array and headers. */
    public As2Outcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(messageId, "messageId");
        if ((status == Status.FAILED) != (failure != null) || (failure != null) != (reason != null)) {
            throw new IllegalArgumentException("failure and reason must be given exactly when status is FAILED; "
                    + "status " + status + ", failure " + failure + ", reason " + reason);
        }
        mdn = mdn == null ? new byte[0] : mdn.clone();
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (mdnHeaders != null) {
            mdnHeaders.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        }
        mdnHeaders = Collections.unmodifiableMap(copy);
    }

    static As2Outcome failed(As2Failure failure, String reason, String messageId, String mic, int httpStatus,
            byte[] mdn, Map<String, List<String>> headers, String disposition) {
        return new As2Outcome(Status.FAILED, failure, reason, messageId, mic, httpStatus, mdn, headers, disposition);
    }

    /** True when the partner acknowledged the message. */
    public boolean acknowledged() {
        return status == Status.ACKNOWLEDGED;
    }

    /**
     * True when a resend with the same Message-ID and bytes may succeed: the partner could not be reached or had a
     * passing problem (HTTP 5xx, 408, 429), or answered for another message. False when acknowledged, when the MDN is
     * awaited, and for a refusal the same bytes would meet again (a signature, MIC or disposition problem, a 4xx, an
     * unusable MDN, or a problem on our side).
     */
    public boolean retryable() {
        if (failure == null) {
            return false;
        }
        switch (failure) {
            case CONNECTION_REFUSED:
            case CONNECTION_FAILED:
            case MESSAGE_ID_MISMATCH:
                return true;
            case HTTP_STATUS:
                return httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
            default:
                return false;
        }
    }

    /** A copy of the MDN body as received. */
    @Override
    public byte[] mdn() {
        return mdn.clone();
    }

    /** The first value of a response header, by case-insensitive name, or {@code null}. */
    public String mdnHeader(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> entry : mdnHeaders.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(wanted) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof As2Outcome o && status == o.status && failure == o.failure
                && Objects.equals(reason, o.reason) && messageId.equals(o.messageId) && Objects.equals(mic, o.mic)
                && httpStatus == o.httpStatus && Arrays.equals(mdn, o.mdn) && mdnHeaders.equals(o.mdnHeaders)
                && Objects.equals(disposition, o.disposition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, failure, reason, messageId, mic, httpStatus, Arrays.hashCode(mdn), mdnHeaders,
                disposition);
    }

    @Override
    public String toString() {
        return "As2Outcome[" + status + (failure == null ? "" : " " + failure + ": " + reason) + ", messageId="
                + messageId + ", mic=" + mic + ", httpStatus=" + httpStatus + ", mdn=" + mdn.length + " bytes"
                + ", disposition=" + disposition + "]";
    }
}
