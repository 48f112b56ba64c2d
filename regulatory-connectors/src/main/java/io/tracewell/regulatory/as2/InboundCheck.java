package io.tracewell.regulatory.as2;

import java.util.Objects;

/**
 * What {@link InboundMessageReader} made of one AS2 message: the verified document, or why it is refused.
 *
 * @param refusal     why it is refused, {@code null} when it was decrypted and its signature verified
 * @param reason      the refusal explained for the MDN's human-readable part, {@code null} when accepted
 * @param payload     the document, transfer encoding undone ({@code null} when refused)
 * @param contentType the document's Content-Type as signed ({@code null} when refused or absent)
 * @param mic         the Received-Content-MIC over the signed entity, {@code null} when none could be computed
 */
record InboundCheck(Refusal refusal, String reason, byte[] payload, String contentType, String mic) {

    /** The refusals, each with the disposition modifier RFC 4130 7.4.3 names for it. */
    enum Refusal {
        /** Not encrypted, or encrypted but not signed. */
        INSUFFICIENT_MESSAGE_SECURITY("insufficient-message-security"),
        /** Unknown sender, a signature by another certificate than the partner's, an expired partner certificate. */
        AUTHENTICATION_FAILED("authentication-failed"),
        /** Not encrypted for our certificate, or not decryptable with our key. */
        DECRYPTION_FAILED("decryption-failed"),
        /** The signature of the partner's certificate does not verify over the content received. */
        INTEGRITY_CHECK_FAILED("integrity-check-failed"),
        /** Verified, but it could not be recorded, or it reuses a Message-ID for other content. */
        UNEXPECTED_PROCESSING_ERROR("unexpected-processing-error");

        private final String modifier;

        Refusal(String modifier) {
            this.modifier = modifier;
        }

        /** The error modifier, e.g. {@code authentication-failed}. */
        String modifier() {
            return modifier;
        }
    }

    static InboundCheck accepted(byte[] payload, String contentType, String mic) {
        return new InboundCheck(null, null, Objects.requireNonNull(payload, "payload"), contentType,
                Objects.requireNonNull(mic, "mic"));
    }

    static InboundCheck refused(Refusal refusal, String reason, String mic) {
        return new InboundCheck(Objects.requireNonNull(refusal, "refusal"), Objects.requireNonNull(reason, "reason"),
                null, null, mic);
    }

    boolean isAccepted() {
        return refusal == null;
    }
}
