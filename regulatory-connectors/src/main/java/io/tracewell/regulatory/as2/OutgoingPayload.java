package io.tracewell.regulatory.as2;

import java.io.ByteArrayInputStream;

/**
 * The message body handed to camel-as2's client: the payload bytes, plus the Message-ID the request must carry. The
 * Message-ID travels with the body because camel-as2 4.17 has no option for it and generates a new one per request;
 * {@link PinningClientManager} reads it from here.
 */
final class OutgoingPayload extends ByteArrayInputStream {

    private final String messageId;

    OutgoingPayload(byte[] payload, String messageId) {
        super(payload.clone());
        this.messageId = messageId;
    }

    String messageId() {
        return messageId;
    }
}
