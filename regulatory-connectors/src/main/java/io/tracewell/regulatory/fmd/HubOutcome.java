package io.tracewell.regulatory.fmd;

import java.util.Objects;

/**
 * How a request to the hub ended.
 *
 * @param kind     what it means for the delivery
 * @param hubTrxId the hub's transaction id, when it answered
 * @param code     the hub's return or fault code, when it gave one
 * @param detail   a readable summary for the operator
 * @param response the hub's answer as received, if any
 */
public record HubOutcome(Kind kind, String hubTrxId, String code, String detail, byte[] response) {

    public enum Kind {
        /** The hub processed the request (also: a resend it recognised by its client transaction id). */
        ACCEPTED,
        /** The hub refused the request's content; resending the same bytes cannot help. */
        REJECTED,
        /** The request did not reach the hub or the hub could not process it now (e.g. a receiver fault). */
        RETRY,
        /** No answer (timeout, connection reset): the hub may or may not have processed it. */
        UNKNOWN,
        /** Status only: the hub never received a request with this client transaction id. */
        NOT_RECEIVED
    }

    public HubOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    static HubOutcome of(Kind kind, String detail) {
        return new HubOutcome(kind, null, null, detail, null);
    }
}
