package io.tracewell.regulatory.dscsa;

/**
 * How a document reaches a trading partner (AS2 in production, docs/as2.md). Implementations never throw for a
 * partner's problem: they answer with a {@link Outcome}.
 */
public interface PartnerTransport {

    /** How an attempt ended. */
    enum Result {
        /** The partner confirmed receipt (for AS2: a verified MDN with disposition processed). */
        ACKNOWLEDGED,
        /** Handed over; the partner's receipt comes later on its own (for AS2: an asynchronous MDN). */
        AWAITING_RECEIPT,
        /** Not delivered, or refused. */
        FAILED
    }

    /**
     * What became of one attempt.
     *
     * @param result    acknowledged, handed over with the receipt awaited, or failed
     * @param retryable for a failure: whether trying again may help (a partner down) or not (a refusal that the
     *                  same bytes will meet again)
     * @param mic       the integrity check of what was sent, if the transport computes one
     * @param receipt   the partner's receipt as received (e.g. the MDN), if any
     * @param summary   a readable account: the receipt's disposition, or why it failed
     */
    record Outcome(Result result, boolean retryable, String mic, byte[] receipt, String summary) {

        public Outcome {
            java.util.Objects.requireNonNull(result, "result");
            if (retryable && result != Result.FAILED) {
                throw new IllegalArgumentException("only a failure is retryable, not " + result);
            }
        }

        public static Outcome acknowledged(String mic, byte[] receipt, String summary) {
            return new Outcome(Result.ACKNOWLEDGED, false, mic, receipt, summary);
        }

        /** Handed over; the receipt for {@code mic} is awaited. */
        public static Outcome awaitingReceipt(String mic, String summary) {
            return new Outcome(Result.AWAITING_RECEIPT, false, mic, null, summary);
        }

        public static Outcome failed(boolean retryable, String mic, byte[] receipt, String summary) {
            return new Outcome(Result.FAILED, retryable, mic, receipt, summary);
        }

        /** Whether the partner confirmed receipt. */
        public boolean acknowledged() {
            return result == Result.ACKNOWLEDGED;
        }
    }

    /** A new message id for a first send to the partner, in the form the transport uses. */
    default String newMessageId(TradingPartner partner) {
        return "<" + java.util.UUID.randomUUID() + "@tracewell>";
    }

    /** Sends {@code payload} to the partner under {@code messageId} (the same for every resend). */
    Outcome send(TradingPartner partner, String messageId, byte[] payload, String contentType);
}
