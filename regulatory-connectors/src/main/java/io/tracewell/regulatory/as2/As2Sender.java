package io.tracewell.regulatory.as2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.AS2MessageStructure;
import org.apache.camel.component.as2.api.util.EntityUtils;
import org.apache.camel.component.as2.internal.AS2Constants;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * Sends one EPCIS document (or any XML payload) to a trading partner over AS2 through camel-as2's client: signed,
 * encrypted, with a signed MDN requested, and checks the answer itself, because camel-as2 does not: HTTP status, MDN
 * signature against the partner certificate, Original-Message-ID, disposition and Received-Content-MIC.
 *
 * <p>A partner problem never throws: refused connections, timeouts, error statuses and refused or forged MDNs all come
 * back as a {@link As2Outcome} with status {@link As2Outcome.Status#FAILED} and a reason. Only a wrong call (a
 * {@code null} argument, a malformed Message-ID) throws.
 *
 * <p>For a resend, pass the first attempt's Message-ID with the same payload: the Message-ID, the payload and
 * therefore the MIC stay the same (RFC 4130 5.5). The encrypted envelope differs on every attempt, as encryption uses a
 * fresh content key each time.
 */
public final class As2Sender implements AutoCloseable {

    /** The scheme under which the sender registers {@link As2ClientComponent} in the Camel context. */
    public static final String COMPONENT_NAME = "tracewell-as2";

    /** The payload's media type. */
    public static final String CONTENT_TYPE = "application/xml";

    /** Binary transfer encoding: the signature and the MIC cover the payload bytes as they are. */
    static final String TRANSFER_ENCODING = "binary";

    private static final String SUBJECT = "EPCIS document";
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>@\\s\"]+@[^<>@\\s\"]+>");
    private static final int MAX_MESSAGE_ID_LENGTH = 255;

    private final CamelContext camelContext;
    private final ProducerTemplate producer;

    /**
     * A sender on {@code camelContext}, which must be started; registers {@link As2ClientComponent} as
     * {@value #COMPONENT_NAME} unless the context already has a component of that name.
     */
    public As2Sender(CamelContext camelContext) {
        this.camelContext = Objects.requireNonNull(camelContext, "camelContext");
        if (camelContext.hasComponent(COMPONENT_NAME) == null) {
            camelContext.addComponent(COMPONENT_NAME, new As2ClientComponent());
        }
        this.producer = camelContext.createProducerTemplate();
    }

    /** A new, globally unique Message-ID for a message to {@code profile}'s partner: {@code <uuid@our-domain>}. */
    public static String newMessageId(As2PartnerProfile profile) {
        return "<" + UUID.randomUUID() + "@" + profile.messageIdDomain() + ">";
    }

    /** Sends {@code payload} under a new Message-ID. */
    public As2Outcome send(As2PartnerProfile profile, byte[] payload) {
        return send(profile, payload, newMessageId(profile));
    }

    /**
     * Sends {@code payload} (XML, UTF-8) under {@code messageId}, which a resend takes from the first attempt.
     *
     * @param messageId {@code <id-left@id-right>} as RFC 4130 5.3.3 says, at most 255 characters
     * @throws IllegalArgumentException when {@code messageId} is malformed
     */
    public As2Outcome send(As2PartnerProfile profile, byte[] payload, String messageId) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(payload, "payload");
        requireMessageId(messageId);
        String mic = MdnVerifier.computeMic(signedEntity(payload), profile.micAlgorithm());
        Exchange exchange;
        try {
            exchange = producer.send(endpointUri(profile), e -> {
                e.getIn().setBody(new OutgoingPayload(payload, messageId));
                e.getIn().setHeaders(messageHeaders(profile));
            });
        } catch (RuntimeException e) {
            return notSent(e, profile, messageId, mic);
        }
        if (exchange.getException() != null) {
            return notSent(exchange.getException(), profile, messageId, mic);
        }
        HttpCoreContext interchange = exchange.getProperty(AS2Constants.AS2_INTERCHANGE, HttpCoreContext.class);
        if (interchange == null || interchange.getResponse() == null) {
            return As2Outcome.failed(As2Failure.SEND_FAILED, "camel-as2 returned no HTTP exchange", messageId, mic, 0,
                    null, null, null);
        }
        return judge(profile, messageId, mic, interchange);
    }

    private As2Outcome judge(As2PartnerProfile profile, String messageId, String mic, HttpCoreContext interchange) {
        HttpRequest request = interchange.getRequest();
        Header sentId = request == null ? null : request.getFirstHeader(AS2Header.MESSAGE_ID);
        HttpResponse response = interchange.getResponse();
        int status = response.getCode();
        byte[] body = interchange.getAttribute(RecordingClientConnection.RESPONSE_BODY, byte[].class);
        Map<String, List<String>> headers = headers(response);
        if (sentId == null || !messageId.equals(sentId.getValue())) {
            return As2Outcome.failed(As2Failure.SEND_FAILED, "the request went out with Message-ID "
                    + (sentId == null ? "(none)" : sentId.getValue()) + " instead of " + messageId, messageId, mic,
                    status, body, headers, null);
        }
        Header contentType = response.getFirstHeader("Content-Type");
        boolean hasBody = body != null && body.length > 0;
        // With an asynchronous MDN the response body, if any, is only an MDN when the partner ignored the request
        // for asynchronous delivery; any other body is informational.
        boolean asyncMdn = profile.mdnMode() == As2PartnerProfile.MdnMode.ASYNC;
        boolean multipart = contentType != null
                && contentType.getValue().strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
        MdnVerification verification = hasBody && (!asyncMdn || multipart)
                ? new MdnVerifier(profile.partnerCertificate()).verify(body,
                        contentType == null ? null : contentType.getValue(), messageId, mic)
                : null;
        String disposition = verification == null || verification.report() == null ? null
                : verification.report().disposition();
        if (status < 200 || status > 299) {
            String phrase = response.getReasonPhrase();
            return As2Outcome.failed(As2Failure.HTTP_STATUS, "the partner answered HTTP " + status
                    + (phrase == null || phrase.isBlank() ? "" : " " + phrase.strip())
                    + ", expected 2xx" + (disposition == null ? "" : "; its MDN says \"" + disposition + "\""),
                    messageId, mic, status, body, headers, disposition);
        }
        if (verification == null) {
            if (asyncMdn) {
                return new As2Outcome(As2Outcome.Status.AWAITING_MDN, null, null, messageId, mic, status, body,
                        headers, null);
            }
            return As2Outcome.failed(As2Failure.MDN_MISSING, "the partner answered HTTP " + status
                    + " without an MDN, but a synchronous signed MDN was requested", messageId, mic, status, body,
                    headers, null);
        }
        if (!verification.verified()) {
            return As2Outcome.failed(verification.failure(), verification.reason(), messageId, mic, status, body,
                    headers, disposition);
        }
        return new As2Outcome(As2Outcome.Status.ACKNOWLEDGED, null, null, messageId, mic, status, body, headers,
                disposition);
    }

    /** The MIME entity camel-as2 signs for this payload: the same routine, content type, charset and encoding. */
    static byte[] signedEntity(byte[] payload) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 128)) {
            EntityUtils.createEDIEntity(payload, ContentType.create(CONTENT_TYPE, StandardCharsets.UTF_8),
                    TRANSFER_ENCODING, false, null).writeTo(out);
            return out.toByteArray();
        } catch (IOException | CamelException e) {
            throw new IllegalStateException("cannot build the MIME entity for the MIC: " + e.getMessage(), e);
        }
    }

    /** Connection settings only: they are fixed per partner and key the endpoint Camel caches. */
    private static String endpointUri(As2PartnerProfile profile) {
        return COMPONENT_NAME + ":client/send?inBody=ediMessage"
                + "&targetHostname=" + profile.url().getHost()
                + "&targetPortNumber=" + profile.port()
                + "&clientFqdn=" + profile.messageIdDomain()
                + "&as2Version=1.1"
                + "&httpConnectionTimeout=" + profile.connectTimeout()
                + "&httpSocketTimeout=" + profile.readTimeout();
    }

    /** Everything else travels as per-message headers, so keys and certificates never appear in an endpoint URI. */
    private static Map<String, Object> messageHeaders(As2PartnerProfile profile) {
        Map<String, Object> headers = new HashMap<>();
        String prefix = AS2Constants.PROPERTY_PREFIX;
        headers.put(prefix + "requestUri", profile.requestUri());
        headers.put(prefix + "subject", SUBJECT);
        headers.put(prefix + "from", profile.fromAddress());
        headers.put(prefix + "as2From", profile.ourAs2Id());
        headers.put(prefix + "as2To", profile.partnerAs2Id());
        headers.put(prefix + "as2MessageStructure", AS2MessageStructure.SIGNED_ENCRYPTED);
        headers.put(prefix + "ediMessageContentType", CONTENT_TYPE);
        headers.put(prefix + "ediMessageCharset", StandardCharsets.UTF_8.name());
        headers.put(prefix + "ediMessageTransferEncoding", TRANSFER_ENCODING);
        headers.put(prefix + "signingAlgorithm", profile.signingAlgorithm());
        headers.put(prefix + "signingCertificateChain", profile.signingChain().toArray(new Certificate[0]));
        headers.put(prefix + "signingPrivateKey", profile.signingKey());
        headers.put(prefix + "encryptingAlgorithm", profile.encryptionAlgorithm());
        headers.put(prefix + "encryptingCertificateChain", new Certificate[] {profile.partnerCertificate()});
        headers.put(prefix + "dispositionNotificationTo", profile.fromAddress());
        headers.put(prefix + "signedReceiptMicAlgorithms", profile.micAlgorithm());
        if (profile.mdnMode() == As2PartnerProfile.MdnMode.ASYNC) {
            headers.put(prefix + "receiptDeliveryOption", profile.asyncMdnUrl().toString());
        }
        return headers;
    }

    private static As2Outcome notSent(Throwable error, As2PartnerProfile profile, String messageId, String mic) {
        String target = profile.url().getHost() + ":" + profile.port();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                // The server is stopping: nothing is wrong with the message, which is sent again later.
                Thread.currentThread().interrupt();
                return As2Outcome.failed(As2Failure.CONNECTION_FAILED, "the exchange with " + target
                        + " was interrupted (the server is stopping)", messageId, mic, 0, null, null, null);
            }
            if (cause instanceof ConnectException) {
                boolean refused = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("refused");
                return As2Outcome.failed(refused ? As2Failure.CONNECTION_REFUSED : As2Failure.CONNECTION_FAILED,
                        (refused ? "connection refused by " : "cannot connect to ") + target + " (" + cause + ")",
                        messageId, mic, 0, null, null, null);
            }
            if (cause instanceof SocketTimeoutException) {
                return As2Outcome.failed(As2Failure.CONNECTION_FAILED, "timed out with " + target + " (connect timeout "
                        + profile.connectTimeout() + ", read timeout " + profile.readTimeout() + "; " + cause + ")",
                        messageId, mic, 0, null, null, null);
            }
            if (cause instanceof UnknownHostException) {
                return As2Outcome.failed(As2Failure.CONNECTION_FAILED, "unknown host " + profile.url().getHost()
                        + " (" + cause + ")", messageId, mic, 0, null, null, null);
            }
            if (cause instanceof IOException) {
                return As2Outcome.failed(As2Failure.CONNECTION_FAILED, "the exchange with " + target
                        + " broke off (" + cause + ")", messageId, mic, 0, null, null, null);
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return As2Outcome.failed(As2Failure.SEND_FAILED, "the message to " + target + " could not be sent: " + root,
                messageId, mic, 0, null, null, null);
    }

    private static Map<String, List<String>> headers(HttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return headers;
    }

    private static void requireMessageId(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        if (messageId.length() > MAX_MESSAGE_ID_LENGTH || !MESSAGE_ID.matcher(messageId).matches()) {
            throw new IllegalArgumentException("messageId must look like <id-left@id-right> (RFC 4130 5.3.3), "
                    + "without spaces or quotes, at most " + MAX_MESSAGE_ID_LENGTH + " characters; found \""
                    + messageId + "\"");
        }
    }

    /** The Camel context this sender sends on. */
    public CamelContext camelContext() {
        return camelContext;
    }

    @Override
    public void close() {
        try {
            producer.stop();
        } catch (RuntimeException e) {
            // stopping a template only releases its cache; nothing to report
        }
    }
}
