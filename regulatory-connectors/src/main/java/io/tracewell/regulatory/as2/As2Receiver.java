package io.tracewell.regulatory.as2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import io.tracewell.regulatory.as2.InboundMessageStore.HandOnState;
import io.tracewell.regulatory.as2.InboundMessageStore.InboundMessage;
import io.tracewell.regulatory.as2.InboundMessageStore.Recording;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AS2 server (RFC 4130) that receives documents from trading partners: it listens on one port and one exact path,
 * requires every message to be signed by the partner and encrypted for us, records it once per partner and
 * Message-ID in the database, hands it on to an {@link InboundDocumentHandler}, and answers with a signed synchronous
 * MDN.
 *
 * <p>What is answered, in this order:
 * <ol>
 * <li>HTTP 405 for another method than POST, 404 for another path, 400 without a usable Message-ID, AS2-From or
 * AS2-To, 413 for a body over the limit, 503 when {@link As2ReceiverSettings#maxConcurrentMessages()} are being
 * processed; no MDN and nothing recorded.</li>
 * <li>A signed MDN {@code processed/error: authentication-failed} for an AS2-From without a partner profile (signed
 * with the receiver's own identity) or an AS2-To other than ours for that partner.</li>
 * <li>A signed MDN with the refusal of {@link InboundMessageReader}: {@code insufficient-message-security} (not
 * encrypted, or not signed), {@code decryption-failed}, {@code authentication-failed} (signed by another certificate),
 * {@code integrity-check-failed} (the signature does not verify over what arrived).</li>
 * <li>{@code processed/error: unexpected-processing-error} when the verified message cannot be recorded, or when it
 * reuses a recorded Message-ID for other content.</li>
 * <li>{@code processed} once the row is committed: for a new message after handing it on (whatever the hand-on's
 * outcome, which is recorded), for a resend of a recorded one without handing it on again.</li>
 * </ol>
 * Refused messages are not recorded and not handed on.
 *
 * <p>camel-as2's server is not used; docs/as2.md ("Receiving") says why. The HTTP server is HttpCore 5's classic
 * server, the library camel-as2 is built on.
 */
public final class As2Receiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(As2Receiver.class);
    private static final int MAX_MESSAGE_ID_LENGTH = 998;
    private static final String SERVER = "Tracewell-AS2";

    private final As2ReceiverSettings settings;
    private final Map<String, InboundPartnerProfile> partners;
    private final InboundMessageStore store;
    private final InboundDocumentHandler handler;
    private final Clock clock;
    private final Semaphore permits;
    private final HttpServer server;

    private As2Receiver(As2ReceiverSettings settings, Map<String, InboundPartnerProfile> partners,
            InboundMessageStore store, InboundDocumentHandler handler, Clock clock) {
        this.settings = settings;
        this.partners = partners;
        this.store = store;
        this.handler = handler;
        this.clock = clock;
        this.permits = new Semaphore(settings.maxConcurrentMessages());
        HttpRequestHandler as2 = this::handle;
        HttpRequestHandler notFound = (request, response, context) -> plain(response, 404,
                "no AS2 endpoint here; AS2 messages are POSTed to " + settings.path());
        try {
            this.server = ServerBootstrap.bootstrap()
                    .setLocalAddress(InetAddress.getByName(settings.bindAddress()))
                    .setListenerPort(settings.port())
                    .setSocketConfig(SocketConfig.custom()
                            .setSoTimeout(Timeout.of(settings.readTimeout()))
                            .setSoReuseAddress(true)
                            .build())
                    // The exact path on any Host: HttpCore's own registry answers 421 to host names it does not know.
                    .setRequestRouter((request, context) -> settings.path().equals(pathOf(request.getPath())) ? as2
                            : notFound)
                    .setExceptionListener(new ExceptionListener() {
                        @Override
                        public void onError(Exception ex) {
                            LOG.debug("AS2 receiver: {}", ex.toString());
                        }

                        @Override
                        public void onError(HttpConnection connection, Exception ex) {
                            LOG.debug("AS2 receiver connection {}: {}", connection, ex.toString());
                        }
                    })
                    .create();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the AS2 receiver cannot listen on " + settings.bindAddress() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        LOG.info("AS2 receiver listening on {}:{}{} for {}", settings.bindAddress(), port(), settings.path(),
                partners.keySet());
    }

    /**
     * Starts a receiver; it listens when this returns.
     *
     * @param settings   where to listen, limits, our identity for unknown senders
     * @param profiles   one profile per partner, by distinct partner AS2 ID
     * @param dataSource the database holding {@code as2_inbound_message} (migration V9)
     * @param handler    what receives each recorded document
     * @throws IllegalArgumentException when two profiles name the same partner
     * @throws UncheckedIOException     when the port cannot be bound
     */
    public static As2Receiver start(As2ReceiverSettings settings, Collection<InboundPartnerProfile> profiles,
            DataSource dataSource, InboundDocumentHandler handler) {
        return start(settings, profiles, dataSource, handler, Clock.systemUTC());
    }

    static As2Receiver start(As2ReceiverSettings settings, Collection<InboundPartnerProfile> profiles,
            DataSource dataSource, InboundDocumentHandler handler, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(profiles, "profiles");
        Map<String, InboundPartnerProfile> byPartner = new HashMap<>();
        for (InboundPartnerProfile profile : profiles) {
            Objects.requireNonNull(profile, "profiles must not hold null");
            if (byPartner.putIfAbsent(profile.partnerAs2Id(), profile) != null) {
                throw new IllegalArgumentException("profiles must name each partner once, but partnerAs2Id "
                        + profile.partnerAs2Id() + " appears twice");
            }
        }
        return new As2Receiver(settings, Map.copyOf(byPartner), new InboundMessageStore(
                Objects.requireNonNull(dataSource, "dataSource")), Objects.requireNonNull(handler, "handler"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** The port listened on (the one the system picked when the settings said 0). */
    public int port() {
        return server.getLocalPort();
    }

    /** The receiver's URL on its bind address (127.0.0.1 when bound to all interfaces), for tests and logs. */
    public URI url() {
        String host = settings.bindAddress().equals("0.0.0.0") || settings.bindAddress().equals("::")
                ? "127.0.0.1" : settings.bindAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + settings.path());
    }

    /** The store the receiver records in, for reading what was received. */
    public InboundMessageStore store() {
        return store;
    }

    /**
     * Hands on again, up to {@code limit}, the recorded messages whose last hand-on failed or was abandoned (its
     * lease expired); for a scheduler.
     *
     * @return how many were handed on now
     */
    public int retryHandOns(int limit) {
        int handedOn = 0;
        Instant now = clock.instant();
        for (long id : store.dueForHandOn(now, limit)) {
            Instant until = now.plus(settings.handOnLease());
            if (store.claim(id, now, until)) {
                InboundMessage message = store.find(id).orElse(null);
                if (message != null && handOn(message, until)) {
                    handedOn++;
                }
            }
        }
        return handedOn;
    }

    /** Stops listening and waits up to 5 s for requests in progress. */
    @Override
    public void close() {
        server.close(CloseMode.GRACEFUL);
        LOG.info("AS2 receiver on port {} stopped", server.getLocalPort());
    }

    private void handle(ClassicHttpRequest request, ClassicHttpResponse response,
            HttpContext context) throws IOException {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            response.setHeader("Allow", "POST");
            plain(response, 405, "AS2 messages are POSTed to " + settings.path());
            return;
        }
        String messageId = messageId(header(request, "Message-ID"));
        if (messageId == null) {
            plain(response, 400, "Message-ID is missing or malformed; expected <id-left@id-right>, at most "
                    + MAX_MESSAGE_ID_LENGTH + " printable US-ASCII characters");
            return;
        }
        String from = as2Name(header(request, "AS2-From"));
        String to = as2Name(header(request, "AS2-To"));
        if (from == null || to == null) {
            plain(response, 400, (from == null ? "AS2-From" : "AS2-To") + " is missing or malformed; expected 1 to "
                    + "128 printable US-ASCII characters (RFC 4130 6.2)");
            return;
        }
        if (!permits.tryAcquire()) {
            response.setHeader("Retry-After", "30");
            plain(response, 503, "too many AS2 messages in progress; send again later");
            return;
        }
        try {
            byte[] body = body(request);
            if (body == null) {
                response.setHeader("Connection", "close");
                plain(response, 413, "the message exceeds " + settings.maxMessageBytes() + " bytes");
                return;
            }
            MdnWriter.Written mdn = process(request, messageId, from, to, body);
            response.setCode(200);
            response.setHeader("AS2-Version", "1.0");
            response.setHeader("Mime-Version", "1.0");
            response.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + settings.messageIdDomain() + ">");
            response.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant()
                    .atOffset(ZoneOffset.UTC)));
            response.setHeader("Subject", "Message Disposition Notification");
            response.setHeader("Server", SERVER);
            response.setHeader("AS2-From", mdnAs2From(from));
            response.setHeader("AS2-To", from);
            response.setHeader("Content-Type", mdn.contentType());
            response.setEntity(new ByteArrayEntity(mdn.body(), null));
        } finally {
            permits.release();
        }
    }

    private MdnWriter.Written process(ClassicHttpRequest request, String messageId, String from, String to,
            byte[] body) {
        InboundPartnerProfile profile = partners.get(from);
        if (profile == null) {
            LOG.warn("AS2 message {} refused: AS2-From {} has no partner profile", messageId, from);
            return mdn(settings.ourAs2Id(), settings.signingKey(), settings.signingChain(),
                    InboundPartnerProfile.DEFAULT_SIGNING_ALGORITHM, "sha-256", messageId,
                    MdnWriter.error(InboundCheck.Refusal.AUTHENTICATION_FAILED.modifier()), null,
                    refusalText(messageId, from, "AS2-From " + from + " is not a trading partner of ours"));
        }
        if (!profile.ourAs2Id().equals(to)) {
            LOG.warn("AS2 message {} from {} refused: addressed to {}, expected {}", messageId, from, to,
                    profile.ourAs2Id());
            return mdn(profile, messageId, MdnWriter.error(InboundCheck.Refusal.AUTHENTICATION_FAILED.modifier()),
                    null, refusalText(messageId, from, "the message is addressed to AS2-To " + to + ", but "
                            + from + " sends to us as " + profile.ourAs2Id()));
        }
        InboundCheck check = InboundMessageReader.read(profile, header(request, "Content-Type"),
                header(request, "Content-Transfer-Encoding"), body,
                header(request, "Disposition-Notification-Options"));
        if (!check.isAccepted()) {
            LOG.warn("AS2 message {} from {} refused ({}): {}", messageId, from, check.refusal().modifier(),
                    check.reason());
            return mdn(profile, messageId, MdnWriter.error(check.refusal().modifier()), check.mic(),
                    refusalText(messageId, from, check.reason()));
        }
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(settings.handOnLease());
        Recording recording;
        try {
            recording = store.record(from, messageId, check.payload(), check.contentType(), check.mic(), now,
                    leaseUntil);
        } catch (RuntimeException e) {
            LOG.error("AS2 message {} from {} verified but not recorded: {}", messageId, from, e.toString());
            return mdn(profile, messageId,
                    MdnWriter.error(InboundCheck.Refusal.UNEXPECTED_PROCESSING_ERROR.modifier()), check.mic(),
                    refusalText(messageId, from, "it could not be recorded on our side; please send it again "
                            + "later with the same Message-ID"));
        }
        InboundMessage recorded = recording.message();
        if (recording.duplicate()) {
            return duplicate(profile, recorded, check, now);
        }
        LOG.info("AS2 message {} from {} received and recorded ({} bytes, MIC {})", messageId, from,
                check.payload().length, check.mic());
        handOn(recorded, leaseUntil);
        return mdn(profile, messageId, MdnWriter.PROCESSED, check.mic(), "The AS2 message " + messageId + " from "
                + from + " was received on " + recorded.receivedAt() + ", decrypted, its signature verified, and "
                + "recorded.");
    }

    /** A resend of a recorded Message-ID: answered again, handed on only if no earlier hand-on is done or running. */
    private MdnWriter.Written duplicate(InboundPartnerProfile profile, InboundMessage recorded, InboundCheck check,
            Instant now) {
        String messageId = recorded.messageId();
        String from = recorded.partnerAs2Id();
        if (!recorded.payloadSha256().equals(InboundMessageStore.sha256(check.payload()))) {
            LOG.warn("AS2 message {} from {} refused: the Message-ID was received on {} with other content",
                    messageId, from, recorded.receivedAt());
            return mdn(profile, messageId,
                    MdnWriter.error(InboundCheck.Refusal.UNEXPECTED_PROCESSING_ERROR.modifier()), check.mic(),
                    refusalText(messageId, from, "this Message-ID was received on " + recorded.receivedAt()
                            + " with other content (MIC " + recorded.mic() + "); a Message-ID may only be sent "
                            + "again with the same content (RFC 4130 5.5)"));
        }
        LOG.info("AS2 message {} from {} received again; recorded on {}, hand-on {}", messageId, from,
                recorded.receivedAt(), recorded.handOnState());
        boolean abandoned = recorded.handOnState() == HandOnState.HANDING && recorded.handOnLeaseUntil() != null
                && recorded.handOnLeaseUntil().isBefore(now);
        if (recorded.handOnState() == HandOnState.FAILED || abandoned) {
            Instant until = now.plus(settings.handOnLease());
            if (store.claim(recorded.id(), now, until)) {
                handOn(recorded, until);
            }
        }
        return mdn(profile, messageId, MdnWriter.PROCESSED, check.mic(), "The AS2 message " + messageId + " from "
                + from + " was received before, on " + recorded.receivedAt() + ", and recorded; this copy is not "
                + "processed again.");
    }

    /** Calls the handler and records its outcome; true when it returned a reference. */
    private boolean handOn(InboundMessage message, Instant leaseUntil) {
        String reference;
        try {
            reference = handler.accept(message.partnerAs2Id(), message.messageId(), message.payload().clone());
            if (reference == null || reference.isBlank()) {
                throw new IllegalStateException("the handler returned no reference");
            }
        } catch (RuntimeException e) {
            LOG.warn("AS2 message {} from {} recorded but not handed on: {}", message.messageId(),
                    message.partnerAs2Id(), e.toString());
            try {
                store.handOnFailed(message.id(), leaseUntil, e.toString());
            } catch (RuntimeException storeError) {
                LOG.error("the failed hand-on of AS2 message {} could not be recorded: {}", message.messageId(),
                        storeError.toString());
            }
            return false;
        }
        try {
            if (!store.handedOn(message.id(), leaseUntil, reference, clock.instant())) {
                LOG.warn("AS2 message {} handed on as {}, but its lease was taken over meanwhile",
                        message.messageId(), reference);
            }
        } catch (RuntimeException e) {
            LOG.error("AS2 message {} handed on as {}, but that could not be recorded: {}", message.messageId(),
                    reference, e.toString());
        }
        return true;
    }

    private MdnWriter.Written mdn(InboundPartnerProfile profile, String messageId, String disposition, String mic,
            String text) {
        return mdn(profile.ourAs2Id(), profile.signingKey(), profile.signingChain(), profile.signingAlgorithm(),
                profile.mdnMicalg(), messageId, disposition, mic, text);
    }

    private static MdnWriter.Written mdn(String ourAs2Id, PrivateKey key, List<X509Certificate> chain,
            AS2SignatureAlgorithm algorithm, String micalg, String messageId, String disposition, String mic,
            String text) {
        return MdnWriter.write(new MdnWriter.Mdn(ourAs2Id, messageId, disposition, mic, text), key, chain, algorithm,
                micalg);
    }

    private String mdnAs2From(String from) {
        InboundPartnerProfile profile = partners.get(from);
        return profile == null ? settings.ourAs2Id() : profile.ourAs2Id();
    }

    private static String refusalText(String messageId, String from, String reason) {
        return "The AS2 message " + messageId + " from " + from + " was refused and not processed: " + reason + ".";
    }

    /** The body, or {@code null} when it exceeds the limit. */
    private byte[] body(ClassicHttpRequest request) throws IOException {
        HttpEntity entity = request.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        long limit = settings.maxMessageBytes();
        if (entity.getContentLength() > limit) {
            return null;
        }
        try (InputStream in = entity.getContent()) {
            byte[] body = in.readNBytes(Math.toIntExact(limit + 1));
            return body.length > limit ? null : body;
        }
    }

    private static String header(ClassicHttpRequest request, String name) {
        Header header = request.getFirstHeader(name);
        return header == null ? null : header.getValue().strip();
    }

    /** The Message-ID in angle brackets, or {@code null} when missing or malformed. */
    static String messageId(String value) {
        if (value == null) {
            return null;
        }
        String id = value.strip();
        if (!id.startsWith("<")) {
            id = "<" + id + ">";
        }
        if (id.length() < 3 || id.length() > MAX_MESSAGE_ID_LENGTH || !id.endsWith(">")) {
            return null;
        }
        for (int i = 1; i < id.length() - 1; i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '<' || c == '>') {
                return null;
            }
        }
        return id;
    }

    /** An AS2 name, unquoted (RFC 4130 6.2 allows a quoted-string), or {@code null} when missing or malformed. */
    static String as2Name(String value) {
        if (value == null) {
            return null;
        }
        String name = value.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        try {
            InboundPartnerProfile.requireAs2Id(name, "AS2 name");
            return name;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String pathOf(String requestPath) {
        if (requestPath == null) {
            return "";
        }
        int query = requestPath.indexOf('?');
        return query < 0 ? requestPath : requestPath.substring(0, query);
    }

    private static void plain(ClassicHttpResponse response, int status, String text) {
        response.setCode(status);
        response.setEntity(new StringEntity(text + "\n", ContentType.create("text/plain", StandardCharsets.UTF_8)));
    }
}
