package io.tracewell.regulatory.as2;

/**
 * Takes a document {@link As2Receiver} has received, verified and recorded, and hands it on, e.g. converts EPCIS 1.2 to
 * 2.0 and creates a capture job.
 *
 * <p>The receiver calls it once per recorded message and records the returned reference. It is called again for the
 * same message only when an earlier call threw, or when the process stopped before the reference was recorded; an
 * implementation that must never act twice keys its work by {@code (partnerAs2Id, messageId)}. It runs before the MDN
 * is sent, so it should be quick (create a job, not do the job); its outcome does not change the MDN, which says
 * "processed" once the message is recorded.
 */
@FunctionalInterface
public interface InboundDocumentHandler {

    /**
     * Hands on one document.
     *
     * @param partnerAs2Id the sender's AS2 ID, as in its partner profile
     * @param messageId    the AS2 Message-ID, with angle brackets
     * @param payload      the document exactly as the partner signed it, transfer encoding undone
     * @return a reference to what was made of it, e.g. a capture job id; recorded with the message
     * @throws RuntimeException when it cannot be handed on now; the error is recorded and the hand-on tried again
     */
    String accept(String partnerAs2Id, String messageId, byte[] payload);
}
