package io.tracewell.regulatory.fmd;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EU hub as the tests need it, a WireMock response transformer: it processes each request once per client
 * transaction id (a resend with a known id is answered as a duplicate and not processed again), answers status
 * requests from what it processed, and behaves as told for the next requests (fault, reset after processing, late
 * answer after processing).
 */
final class HubStub implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fmd-hub";
    private static final Pattern TRX = Pattern.compile("<hub:ClientTrxId>([^<]*)</hub:ClientTrxId>");
    private static final Pattern OPERATION = Pattern.compile("<env:Body>\\s*<hub:([A-Za-z]+)");

    /** What the hub does with the next request (not status requests). */
    enum Behaviour { ACCEPT, ACCEPT_THEN_RESET, ACCEPT_LATE, LATE_UNPROCESSED, SENDER_FAULT, RECEIVER_FAULT }

    /** A request the hub processed: its client transaction id, operation and body. */
    record Processed(String clientTrxId, String operation, String body) {}

    private final Deque<Behaviour> next = new ArrayDeque<>();
    private final Map<String, Processed> processed = new ConcurrentHashMap<>();
    private final List<Processed> inOrder = new CopyOnWriteArrayList<>();
    volatile int lateMillis = 3_000;

    synchronized void then(Behaviour... behaviours) {
        next.addAll(List.of(behaviours));
    }

    synchronized void reset() {
        next.clear();
        processed.clear();
        inOrder.clear();
    }

    /** What the hub processed, once per client transaction id, in order. */
    List<Processed> processed() {
        return List.copyOf(inOrder);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String body = serveEvent.getRequest().getBodyAsString();
        Matcher trx = TRX.matcher(body);
        Matcher op = OPERATION.matcher(body);
        if (!trx.find() || !op.find()) {
            return soap(500, HubSoap.fault(true, "X01", "not a request of urn:tracewell:fmd:hub:1"));
        }
        String trxId = trx.group(1);
        String operation = op.group(1);
        if (operation.equals("TransactionStatusRequest")) {
            String asked = trx.find() ? trx.group(1) : "";
            Processed p = processed.get(asked);
            return soap(200, HubSoap.transactionStatus(asked, p == null ? "NOT_RECEIVED" : "ACCEPTED",
                    p == null ? null : hubTrxId(asked), null));
        }
        Behaviour behaviour;
        synchronized (this) {
            behaviour = next.isEmpty() ? Behaviour.ACCEPT : next.poll();
        }
        switch (behaviour) {
            case SENDER_FAULT:
                return soap(500, HubSoap.fault(true, "A16", "mandatory data missing: Common Name"));
            case RECEIVER_FAULT:
                return soap(500, HubSoap.fault(false, null, "hub busy, try again later"));
            case LATE_UNPROCESSED:
                return ResponseDefinitionBuilder.like(soap(500, HubSoap.fault(false, null, "overloaded")))
                        .withFixedDelay(lateMillis).build();
            default:
                break;
        }
        boolean duplicate;
        synchronized (this) {
            duplicate = processed.containsKey(trxId);
            if (!duplicate) {
                Processed p = new Processed(trxId, operation, body);
                processed.put(trxId, p);
                inOrder.add(p);
            }
        }
        ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.like(soap(200,
                HubSoap.acknowledgement(trxId, hubTrxId(trxId), duplicate)));
        if (behaviour == Behaviour.ACCEPT_THEN_RESET) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        if (behaviour == Behaviour.ACCEPT_LATE) {
            answer.withFixedDelay(lateMillis);
        }
        return answer.build();
    }

    private static String hubTrxId(String clientTrxId) {
        return "HUB-" + clientTrxId.substring(0, Math.min(8, clientTrxId.length()));
    }

    private static ResponseDefinition soap(int status, byte[] body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/soap+xml; charset=utf-8").withBody(body).build();
    }
}
