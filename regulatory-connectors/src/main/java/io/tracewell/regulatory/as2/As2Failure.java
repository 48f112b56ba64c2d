package io.tracewell.regulatory.as2;

/**
 * Why an AS2 delivery was not acknowledged. Each value names one check of the sending side, so a delivery log or a
 * retry policy can tell transient transport trouble (worth a resend with the same Message-ID) from a partner that
 * received the message and refused it.
 */
public enum As2Failure {
    /** Nobody listens at the partner's host and port. Transient: resend later. */
    CONNECTION_REFUSED,
    /** The connection could not be made or broke off: unknown host, timeout, reset. Transient: resend later. */
    CONNECTION_FAILED,
    /** The message could not be built or sent for a reason on our side (keys, algorithms, configuration). */
    SEND_FAILED,
    /** The partner answered with an HTTP status outside 2xx. */
    HTTP_STATUS,
    /** A synchronous MDN was asked for, but the response carried none. */
    MDN_MISSING,
    /** The MDN could not be read as a MIME multipart/signed or multipart/report entity. */
    MDN_MALFORMED,
    /** The MDN is not signed although a signed MDN was asked for. */
    MDN_UNSIGNED,
    /** The MDN signature does not verify with the partner certificate. */
    MDN_SIGNATURE_INVALID,
    /** The MDN's Original-Message-ID is not the Message-ID we sent. */
    MESSAGE_ID_MISMATCH,
    /** The MDN's Received-Content-MIC is absent or differs from the MIC of what we signed. */
    MIC_MISMATCH,
    /** The partner's disposition is not "processed" (for example "processed/error: decryption-failed"). */
    DISPOSITION_NOT_PROCESSED
}
