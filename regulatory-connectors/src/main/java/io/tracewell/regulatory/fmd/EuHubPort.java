package io.tracewell.regulatory.fmd;

import java.util.Objects;

/**
 * What the FMD connector needs of the EU hub. The hub's real interface is given to on-boarding partners under
 * contract only; {@link SoapHubAdapter} implements this port with messages of our own design (docs/fmd.md), and an
 * adapter for the real hub replaces it without touching the connector.
 *
 * <p>The connector encodes a message once ({@link #encode}), stores the bytes with the client transaction id in the
 * delivery record, and sends exactly those bytes on every attempt ({@link #send}): the hub recognises a resend by the
 * client transaction id. For irreversible messages the connector asks {@link #status} before any resend.
 */
public interface EuHubPort {

    /** The bytes of a request and how to label them (for HTTP, the Content-Type). */
    record Encoded(byte[] bytes, String contentType) {
        public Encoded {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(contentType, "contentType");
        }
    }

    /** A new client transaction id, unique per request (at most 32 characters). */
    String newClientTrxId();

    /** The request that carries {@code message} under {@code clientTrxId}. */
    Encoded encode(String clientTrxId, HubMessage message);

    /** Sends an encoded request; never throws for what the hub or the network does. */
    HubOutcome send(String clientTrxId, Encoded request);

    /**
     * What the hub knows of the request sent with {@code clientTrxId}: {@link HubOutcome.Kind#ACCEPTED} or
     * {@link HubOutcome.Kind#REJECTED} when it processed it, {@link HubOutcome.Kind#NOT_RECEIVED} when it never
     * received it, and {@link HubOutcome.Kind#RETRY} or {@link HubOutcome.Kind#UNKNOWN} when the question itself
     * failed.
     */
    HubOutcome status(String clientTrxId);
}
