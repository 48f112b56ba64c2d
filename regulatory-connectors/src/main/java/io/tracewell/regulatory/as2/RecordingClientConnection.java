package io.tracewell.regulatory.as2;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.apache.camel.component.as2.api.AS2ClientConnection;
import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.entity.EntityParser;
import org.apache.camel.component.as2.api.protocol.RequestAS2;
import org.apache.camel.component.as2.api.protocol.RequestMDN;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestConnControl;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestDate;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
import org.apache.hc.core5.net.URIAuthority;

/**
 * The HTTP leg of camel-as2's client, replaced for two reasons. camel-as2 4.17 parses the response into its own MIME
 * objects while reading it, so the MDN's bytes are gone before anyone can verify its signature; and it gives every
 * request a fresh Message-ID. This connection sends each request on its own socket with the same request
 * interceptors as camel-as2 (AS2 headers, MDN request headers, Host, User-Agent, Date, Content-Length), sets the pinned
 * Message-ID when there is one, and keeps the response body exactly as received in the context attribute
 * {@link #RESPONSE_BODY}.
 *
 * <p>The constructor of camel-as2's connection opens and closes one test connection to the partner, so a partner that
 * is down already fails there, on the endpoint's first send. Plain HTTP only: no TLS yet.
 */
final class RecordingClientConnection extends AS2ClientConnection {

    /** HttpCoreContext attribute holding the response body as received, a {@code byte[]} (empty when none). */
    static final String RESPONSE_BODY = "io.tracewell.as2.response-body";

    /** MDNs are a few kilobytes; a larger answer is cut here, which makes its verification fail. */
    private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private static final ThreadLocal<String> PINNED_MESSAGE_ID = new ThreadLocal<>();

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final HttpProcessor processor;

    RecordingClientConnection(String as2Version, String userAgent, String clientFqdn, String host, int port,
            Duration socketTimeout, Duration connectTimeout) throws IOException {
        super(as2Version, userAgent, clientFqdn, host, port, socketTimeout, connectTimeout, 1, Duration.ofSeconds(1),
                null, null);
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
        HttpRequestInterceptor pinMessageId = (request, entity, context) -> {
            String pinned = PINNED_MESSAGE_ID.get();
            if (pinned != null) {
                request.setHeader(AS2Header.MESSAGE_ID, pinned);
            }
        };
        // camel-as2's chain minus Expect: 100-continue, which makes the client wait for an interim answer that
        // many AS2 servers never send.
        this.processor = HttpProcessorBuilder.create()
                .add(new RequestAS2(as2Version, clientFqdn))
                .add(pinMessageId)
                .add(new RequestMDN())
                .add(new RequestTargetHost())
                .add(new RequestUserAgent(userAgent))
                .add(new RequestDate())
                .add(new RequestContent(true))
                .add(new RequestConnControl())
                .build();
    }

    /** Pins the Message-ID for requests sent by this thread, or clears the pin with {@code null}. */
    static void pinMessageId(String messageId) {
        if (messageId == null) {
            PINNED_MESSAGE_ID.remove();
        } else {
            PINNED_MESSAGE_ID.set(messageId);
        }
    }

    @Override
    public HttpResponse send(ClassicHttpRequest request, HttpCoreContext context) throws HttpException, IOException {
        request.setAuthority(new URIAuthority(host, port));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(socketTimeout.toMillis()));
            DefaultBHttpClientConnection connection = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
            connection.bind(socket);
            HttpRequestExecutor executor = new HttpRequestExecutor();
            executor.preProcess(request, processor, context);
            ClassicHttpResponse response = executor.execute(request, connection, context);
            executor.postProcess(response, processor, context);
            byte[] body = response.getEntity() == null ? new byte[0]
                    : EntityUtils.toByteArray(response.getEntity(), MAX_RESPONSE_BYTES);
            context.setAttribute(RESPONSE_BODY, body);
            connection.close();
            offerToCamelParser(response, body);
            return response;
        }
    }

    /**
     * Gives camel-as2 a copy of the body to parse into its MIME objects, for routes that read them. When camel-as2
     * cannot parse it, the copy is withdrawn so that the exchange still completes and the raw bytes reach our own
     * verification.
     */
    private static void offerToCamelParser(ClassicHttpResponse response, byte[] body) {
        if (body.length == 0) {
            response.setEntity(null);
            return;
        }
        Header contentType = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
        ContentType type = null;
        try {
            type = contentType == null ? null : ContentType.parse(contentType.getValue());
        } catch (RuntimeException e) {
            // an unreadable Content-Type: leave the type unset, the parser below refuses the entity
        }
        response.setEntity(new ByteArrayEntity(body, type));
        try {
            EntityParser.parseAS2MessageEntity(response);
        } catch (HttpException | RuntimeException e) {
            response.setEntity(null);
        }
    }
}
