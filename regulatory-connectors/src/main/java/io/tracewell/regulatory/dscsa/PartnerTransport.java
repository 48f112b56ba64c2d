package io.tracewell.regulatory.dscsa;

/**
 * How a document reaches a trading partner (AS2 in production, docs/as2.md). Implementations never throw for a
 * partner's problem: they answer with a {@link Outcome}.
 */
public interface PartnerTransport {

    /**
     * What became of one attempt.
     *
     * @param acknowledged whether the partner confirmed receipt (for AS2: a verified MDN with disposition processed)
     * @param retryable    for a failure: whether trying again may help (a partner down) or not (a refusal that the
     *                     same bytes will meet again)
     * @param mic          the integrity check of what was sent, if the transport computes one
     * @param receipt      the partner's receipt as received (e.g. the MDN), if any
     * @param summary      a readable account: the receipt's disposition, or why it failed
     */
    record Outcome(boolean acknowledged, boolean retryable, String mic, byte[] receipt, String summary) {

        public static Outcome acknowledged(String mic, byte[] receipt, String summary) {
            return new Outcome(true, false, mic, receipt, summary);
        }

        public static Outcome failed(boolean retryable, String mic, byte[] receipt, String summary) {
            return new Outcome(false, retryable, mic, receipt, summary);
        }
    }

    /** A new message id for a first send to the partner, in the form the transport uses. */
    default String newMessageId(TradingPartner partner) {
        return "<" + java.util.UUID.randomUUID() + "@tracewell>";
    }

    /** Sends {@code payload} to the partner under {@code messageId} (the same for every resend). */
    Outcome send(TradingPartner partner, String messageId, byte[] payload, String contentType);
}
