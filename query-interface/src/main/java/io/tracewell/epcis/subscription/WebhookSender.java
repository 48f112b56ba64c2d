package io.tracewell.epcis.subscription;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends one notification: {@code POST {dest}} with the document, its media type, the EPCIS and CBV versions and,
 * when the subscription has a token, {@code GS1-Signature}. Blocking; called from delivery threads only.
 */
final class WebhookSender {

    /** What the receiver answered: its status, or -1 and the reason when no answer came. */
    record Outcome(int status, String failure) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    WebhookSender(Duration connectTimeout, Duration timeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    Outcome send(String dest, String mediaType, String subscriptionId, String signatureToken, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dest)).timeout(timeout)
                .header("Content-Type", mediaType)
                .header("GS1-EPCIS-Version", "2.0.0")
                .header("GS1-CBV-Version", "2.0.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signatureToken != null) {
            request.header(NotificationSignature.HEADER, NotificationSignature.sign(signatureToken, body));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null);
        } catch (IOException e) {
            return new Outcome(-1, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }
}
