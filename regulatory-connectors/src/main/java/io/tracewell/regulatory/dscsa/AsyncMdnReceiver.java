package io.tracewell.regulatory.dscsa;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tracewell.epcis.store.delivery.Deliveries;
import io.tracewell.regulatory.as2.As2Failure;
import io.tracewell.regulatory.as2.As2PartnerProfile;
import io.tracewell.regulatory.as2.MdnVerification;
import io.tracewell.regulatory.as2.MdnVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the asynchronous MDNs of DSCSA deliveries (docs/as2.md, "Asynchronous MDNs"): partners in
 * {@link As2PartnerProfile.MdnMode#ASYNC} mode POST the MDN to the URL our message named in
 * {@code Receipt-Delivery-Option}, which is this endpoint's path. The MDN's Original-Message-ID finds the sent
 * delivery; {@link MdnVerifier} checks it against that partner's certificate, the delivery's message id and the MIC
 * stored with it, exactly as a synchronous MDN is checked.
 *
 * <ul>
 *   <li>Verified and processed: the delivery is acknowledged, with the MDN and its disposition. Answer 200.</li>
 *   <li>Signed by the partner but refusing (a disposition other than processed, another MIC): the delivery is
 *   dead with the reason, as the same refusal in a synchronous MDN makes it. Answer 200: the MDN was received.</li>
 *   <li>Not verifiably the partner's (unsigned, signature not verifying): nothing changes, since anybody could have
 *   posted it; the delivery's deadline still runs. Answer 403.</li>
 *   <li>No readable MDN, no Original-Message-ID: 400. A message id no DSCSA delivery was sent with: 404. A delivery
 *   that no longer awaits a receipt (acknowledged or dead before): 200, nothing changes.</li>
 * </ul>
 *
 * <p>It lives next to the deliveries rather than in {@code As2Receiver} because what it does is settle a delivery;
 * it shares nothing with receiving documents (no decryption, no inbound store) but the HTTP port, and a separate
 * port and path keep the partner-facing AS2 endpoint's limits and checks as they are.
 */
public final class AsyncMdnReceiver implements AutoCloseable {

    /** Largest MDN body read; an MDN is a few kilobytes. */
    public static final int MAX_MDN_BYTES = 1 << 20;
    private static final java.time.Duration SEND_RECORDING_WAIT = java.time.Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(AsyncMdnReceiver.class);

    private final String path;
    private final Deliveries deliveries;
    private final Map<String, As2PartnerProfile> profiles;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;

    private AsyncMdnReceiver(String bindAddress, int port, String path, DataSource dataSource,
                             Map<String, As2PartnerProfile> profiles, Clock clock) {
        this.path = path;
        this.deliveries = new Deliveries(dataSource);
        this.profiles = Map.copyOf(profiles);
        this.clock = clock;
        try {
            this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("the asynchronous MDN receiver cannot listen on " + bindAddress + ":"
                    + port + ": " + e.getMessage(), e);
        }
        this.executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("asynchronous MDN receiver listening on {}:{}{}", bindAddress, port(), path);
    }

    /**
     * Starts listening.
     *
     * @param bindAddress where to listen, e.g. {@code 0.0.0.0}
     * @param port        the port; 0 lets the system pick one (tests)
     * @param path        the exact path partners post to: the path of the profiles' {@code asyncMdnUrl}
     * @param dataSource  the database holding the deliveries
     * @param profiles    each partner's AS2 profile, by {@link TradingPartner#name()} (the deliveries' partner)
     * @param clock       the time recorded with a receipt
     */
    public static AsyncMdnReceiver start(String bindAddress, int port, String path, DataSource dataSource,
                                         Map<String, As2PartnerProfile> profiles, Clock clock) {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.contains("?")) {
            throw new IllegalArgumentException("path must start with / and hold no query, found \"" + path + "\"");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, found " + port);
        }
        return new AsyncMdnReceiver(bindAddress, port, path, Objects.requireNonNull(dataSource, "dataSource"),
                Objects.requireNonNull(profiles, "profiles"), Objects.requireNonNull(clock, "clock"));
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** This endpoint on 127.0.0.1, for tests and logs. */
    public URI localUrl() {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** Stops listening, waiting up to 2 s for requests in progress. */
    @Override
    public void close() {
        server.stop(2);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!path.equals(exchange.getRequestURI().getPath())) {
                answer(exchange, 404, "no MDN endpoint here; MDNs are POSTed to " + path);
                return;
            }
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                answer(exchange, 405, "MDNs are POSTed to " + path);
                return;
            }
            byte[] mdn;
            try (InputStream in = exchange.getRequestBody()) {
                mdn = in.readNBytes(MAX_MDN_BYTES + 1);
            }
            if (mdn.length > MAX_MDN_BYTES) {
                answer(exchange, 413, "an MDN may have at most " + MAX_MDN_BYTES + " bytes");
                return;
            }
            Reply reply = receive(mdn, exchange.getRequestHeaders().getFirst("Content-Type"));
            answer(exchange, reply.status(), reply.text());
        } catch (RuntimeException e) {
            LOG.warn("asynchronous MDN could not be recorded", e);
            answer(exchange, 500, "the MDN could not be recorded, post it again later");
        }
    }

    private record Reply(int status, String text) {}

    private Reply receive(byte[] mdn, String contentType) {
        Optional<String> answered = MdnVerifier.originalMessageId(mdn, contentType);
        if (answered.isEmpty()) {
            return new Reply(400, "not an MDN with an Original-Message-ID: expected a signed multipart/report"
                    + " with a message/disposition-notification part");
        }
        String messageId = answered.get();
        Optional<Deliveries.Delivery> found = deliveries.findByMessageId(DscsaConnector.NAME, bracketed(messageId));
        if (found.isEmpty()) {
            return new Reply(404, "no message was sent with Message-ID " + messageId);
        }
        Deliveries.Delivery delivery = awaitSent(found.get());
        As2PartnerProfile profile = profiles.get(delivery.partner());
        if (profile == null) {
            return new Reply(404, "message " + messageId + " went to " + delivery.partner()
                    + ", who has no AS2 profile here");
        }
        if (delivery.mic() == null) {
            return new Reply(503, "message " + messageId + " is not recorded as sent yet; post the MDN again later");
        }
        MdnVerification verification = new MdnVerifier(profile.partnerCertificate())
                .verify(mdn, contentType, delivery.messageId(), delivery.mic());
        String disposition = verification.report() == null ? null : verification.report().disposition();
        Deliveries.State state;
        String detail;
        if (verification.verified()) {
            state = Deliveries.State.ACKNOWLEDGED;
            detail = "acknowledged by asynchronous MDN";
        } else if (verification.failure() == As2Failure.MDN_SIGNATURE_INVALID
                || verification.failure() == As2Failure.MDN_UNSIGNED
                || verification.failure() == As2Failure.MDN_MALFORMED) {
            LOG.warn("asynchronous MDN for message {} of delivery {} ignored: {}: {}", messageId, delivery.id(),
                    verification.failure(), verification.reason());
            return new Reply(verification.failure() == As2Failure.MDN_MALFORMED ? 400 : 403,
                    "MDN not accepted: " + verification.reason());
        } else {
            state = Deliveries.State.DEAD;
            detail = verification.failure() + " (asynchronous MDN): " + verification.reason();
        }
        Optional<Long> settled = deliveries.receiptArrived(DscsaConnector.NAME, delivery.messageId(),
                clock.instant(), state, null, mdn, disposition == null ? null : "MDN " + disposition, detail);
        if (settled.isEmpty()) {
            return new Reply(200, "MDN received; message " + messageId + " was settled before ("
                    + delivery.state().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        LOG.info("DSCSA delivery {} of shipment {} to {}: {}", delivery.id(), delivery.subject(), delivery.partner(),
                detail);
        return new Reply(200, "MDN received");
    }

    /**
     * A partner may post the MDN before the sending node has recorded the delivery as sent (the HTTP answer and the
     * MDN leave the partner at once): a delivery still pending or failed is read again for a moment, so that the
     * MDN finds it sent, with its MIC.
     */
    private Deliveries.Delivery awaitSent(Deliveries.Delivery delivery) {
        long until = System.nanoTime() + SEND_RECORDING_WAIT.toNanos();
        Deliveries.Delivery d = delivery;
        while ((d.state() == Deliveries.State.PENDING || d.state() == Deliveries.State.FAILED)
                && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return d;
            }
            d = deliveries.find(d.id()).orElse(d);
        }
        return d;
    }

    private static String bracketed(String messageId) {
        return messageId.startsWith("<") ? messageId : "<" + messageId + ">";
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
