package io.tracewell.regulatory.fmd;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * {@link EuHubPort} as SOAP 1.2 over HTTPS with a client certificate (mutual TLS) to one endpoint, with the message
 * shapes of docs/fmd.md. Every request is a POST of the stored envelope; the answer is classified:
 *
 * <ul>
 *   <li>{@code 200} with {@code hub:Acknowledgement}: accepted (a {@code hub:Duplicate} answer to a resend too);</li>
 *   <li>a SOAP fault with code {@code env:Sender}: rejected, with the fault's subcode and text (resending the same
 *       bytes cannot help); with {@code env:Receiver}: to be retried;</li>
 *   <li>no connection, a refused TLS handshake (e.g. our certificate not accepted), HTTP 408/429/5xx without fault:
 *       to be retried, the hub has not processed it;</li>
 *   <li>a timeout after the request went out, a connection reset, an answer that cannot be read: unknown, the hub
 *       may have processed it.</li>
 * </ul>
 */
public final class SoapHubAdapter implements EuHubPort {

    /**
     * @param endpoint       the hub's HTTPS URL
     * @param senderId       our on-boarding partner id, in every request's header
     * @param tls            the TLS context with our client key and the certificates we trust for the hub
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for the answer once connected
     */
    public record Settings(URI endpoint, String senderId, SSLContext tls, Duration connectTimeout,
                           Duration requestTimeout) {
        public Settings {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(senderId, "senderId");
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (!"https".equalsIgnoreCase(endpoint.getScheme())) {
                throw new IllegalArgumentException("the hub endpoint must be an https URL, got " + endpoint);
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Settings settings;
    private final HttpClient http;

    public SoapHubAdapter(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(settings.tls())
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** 32 hexadecimal digits: 128 random bits. */
    @Override
    public String newClientTrxId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public Encoded encode(String clientTrxId, HubMessage message) {
        return new Encoded(HubSoap.request(clientTrxId, settings.senderId(), message),
                HubSoap.contentType(message.operation()));
    }

    @Override
    public HubOutcome send(String clientTrxId, Encoded request) {
        Exchange x = post(request);
        if (x.outcome != null) {
            return x.outcome;
        }
        if (x.answer.fault()) {
            return fault(x);
        }
        if (x.status / 100 == 2 && x.answer.name().equals("Acknowledgement")
                && x.answer.text("Result").filter("ACCEPTED"::equals).isPresent()) {
            String echoed = x.answer.text("ClientTrxId").orElse("");
            if (!echoed.equals(clientTrxId)) {
                return new HubOutcome(HubOutcome.Kind.UNKNOWN, null, null, "the hub acknowledged client transaction"
                        + " " + echoed + " in answer to " + clientTrxId, x.body);
            }
            boolean duplicate = x.answer.text("Duplicate").filter("true"::equals).isPresent();
            String hubTrx = x.answer.text("HubTrxId").orElse(null);
            return new HubOutcome(HubOutcome.Kind.ACCEPTED, hubTrx, null, "accepted by the hub as " + hubTrx
                    + (duplicate ? " (a resend the hub recognised)" : ""), x.body);
        }
        return new HubOutcome(HubOutcome.Kind.UNKNOWN, null, null, "HTTP " + x.status + " with an answer that is no"
                + " acknowledgement: " + x.answer.name(), x.body);
    }

    @Override
    public HubOutcome status(String clientTrxId) {
        String own = newClientTrxId();
        Exchange x = post(new Encoded(HubSoap.statusRequest(own, settings.senderId(), clientTrxId),
                HubSoap.contentType("TransactionStatusRequest")));
        if (x.outcome != null) {
            return x.outcome;
        }
        if (x.answer.fault()) {
            HubOutcome f = fault(x);
            // a refused question says nothing about the request asked about
            return new HubOutcome(HubOutcome.Kind.RETRY, null, f.code(), "status request: " + f.detail(), x.body);
        }
        if (x.status / 100 != 2 || !x.answer.name().equals("TransactionStatus")
                || !x.answer.text("ClientTrxId").orElse("").equals(clientTrxId)) {
            return new HubOutcome(HubOutcome.Kind.RETRY, null, null, "status request: HTTP " + x.status
                    + " with no status of " + clientTrxId, x.body);
        }
        String state = x.answer.text("State").orElse("");
        String hubTrx = x.answer.text("HubTrxId").orElse(null);
        Optional<String> reason = x.answer.text("Reason");
        return switch (state) {
            case "ACCEPTED" -> new HubOutcome(HubOutcome.Kind.ACCEPTED, hubTrx, null,
                    "the hub reports " + clientTrxId + " accepted as " + hubTrx, x.body);
            case "REJECTED" -> new HubOutcome(HubOutcome.Kind.REJECTED, hubTrx, null,
                    "the hub reports " + clientTrxId + " rejected: " + reason.orElse("no reason given"), x.body);
            case "NOT_RECEIVED" -> new HubOutcome(HubOutcome.Kind.NOT_RECEIVED, null, null,
                    "the hub never received " + clientTrxId, x.body);
            default -> new HubOutcome(HubOutcome.Kind.RETRY, hubTrx, null,
                    "the hub reports " + clientTrxId + " as " + state + ", asked again later", x.body);
        };
    }

    private static HubOutcome fault(Exchange x) {
        HubSoap.Answer a = x.answer;
        String detail = "SOAP fault " + (a.senderFault() ? "env:Sender" : "env:Receiver")
                + (a.faultCode() == null ? "" : " " + a.faultCode()) + " (HTTP " + x.status + "): " + a.faultReason();
        return new HubOutcome(a.senderFault() ? HubOutcome.Kind.REJECTED : HubOutcome.Kind.RETRY, null, a.faultCode(),
                detail, x.body);
    }

    /** One POST: either an outcome already (no answer) or the answer read. */
    private record Exchange(HubOutcome outcome, int status, byte[] body, HubSoap.Answer answer) {}

    private Exchange post(Encoded request) {
        HttpRequest r = HttpRequest.newBuilder(settings.endpoint()).timeout(settings.requestTimeout())
                .header("Content-Type", request.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.bytes())).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Exchange(HubOutcome.of(HubOutcome.Kind.RETRY, "the hub was not reached: " + e), 0, null, null);
        } catch (HttpTimeoutException e) {
            return new Exchange(HubOutcome.of(HubOutcome.Kind.UNKNOWN, "no answer within " + settings.requestTimeout()
                    + " (the hub may have processed it)"), 0, null, null);
        } catch (IOException e) {
            Optional<SSLException> tls = tlsCause(e);
            if (tls.isPresent()) {
                return new Exchange(HubOutcome.of(HubOutcome.Kind.RETRY, "TLS with the hub failed, nothing was"
                        + " processed: " + tls.get().getMessage()), 0, null, null);
            }
            return new Exchange(HubOutcome.of(HubOutcome.Kind.UNKNOWN, "the connection failed before an answer ("
                    + e + "); the hub may have processed it"), 0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(HubOutcome.of(HubOutcome.Kind.UNKNOWN, "interrupted while waiting for the hub"),
                    0, null, null);
        }
        int status = response.statusCode();
        byte[] body = response.body();
        HubSoap.Answer answer = null;
        try {
            answer = HubSoap.read(body);
        } catch (IOException e) {
            if (status / 100 == 2) {
                return new Exchange(new HubOutcome(HubOutcome.Kind.UNKNOWN, null, null, "HTTP " + status
                        + " with an answer that cannot be read: " + e.getMessage(), body), status, body, null);
            }
        }
        if (answer == null) {
            HubOutcome.Kind kind = status == 400 || status == 422 ? HubOutcome.Kind.REJECTED : HubOutcome.Kind.RETRY;
            return new Exchange(new HubOutcome(kind, null, "HTTP " + status, "HTTP " + status + " without SOAP answer",
                    body), status, body, null);
        }
        return new Exchange(null, status, body, answer);
    }

    private static Optional<SSLException> tlsCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return Optional.of(ssl);
            }
        }
        return Optional.empty();
    }
}
