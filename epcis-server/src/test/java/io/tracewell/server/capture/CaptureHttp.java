package io.tracewell.server.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.model.EpcisEvent;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The capture interface as a client sees it over the network: posts documents and events, reads jobs and
 * events back. Plain HTTP/1.1, so that what is tested is what any client would get.
 */
public final class CaptureHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;

    public CaptureHttp(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** {@code POST /capture} with a body of known length; {@code behaviour} null sends no behaviour header. */
    public HttpResponse<String> capture(String contentType, String behaviour, String body)
            throws IOException, InterruptedException {
        return send(captureRequest(contentType, behaviour)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** {@code POST /capture} streamed without Content-Length (chunked), as a client sending a file would. */
    HttpResponse<String> captureChunked(String contentType, String behaviour, byte[] body)
            throws IOException, InterruptedException {
        return send(captureRequest(contentType, behaviour)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    }

    public HttpRequest.Builder captureRequest(String contentType, String behaviour) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("capture"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType);
        if (behaviour != null) {
            request.header("GS1-Capture-Error-Behaviour", behaviour);
        }
        return request;
    }

    /** {@code POST /events} with one event. */
    public HttpResponse<String> event(String contentType, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    /** GET of a path such as {@code /capture?perPage=2}, relative to the server's base. */
    public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The job's location from a 202, after checking the status. */
    public static String accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("POST /capture: %s", response.body()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/capture/");
        return location;
    }

    /** Polls the job until it is no longer running and returns its JSON resource. */
    public JsonObject awaitFinished(String location, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonObject job = job(location);
            if (!job.getBoolean("running")) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("capture job " + location + " still running after " + timeout + ": " + job);
            }
            Thread.sleep(50);
        }
    }

    public JsonObject job(String location) throws IOException, InterruptedException {
        HttpResponse<String> response = get(location, "application/json");
        assertThat(response.statusCode()).as("GET %s: %s", location, response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    /** {@code GET /events/{eventID}}: the status, and the events of the query document when it is 200. */
    public StoredLookup events(String eventID, String accept) throws IOException, InterruptedException {
        // identifiers as written (GS1-EPC-Format), so that a fetched event compares with the one sent
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("events/" + encoded(eventID)))
                .timeout(Duration.ofSeconds(30)).header("GS1-EPC-Format", "Never_Translates").GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != 200) {
            return new StoredLookup(response.statusCode(), List.of(), response.body());
        }
        EpcisDocument document = EpcisFormats.readDocument(
                new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        return new StoredLookup(200, document.events(), response.body());
    }

    /** The answer to {@code GET /events/{eventID}}. */
    public record StoredLookup(int status, List<EpcisEvent> events, String body) {}

    /** A URI as one path segment: percent-encoded as clients do it (space as %20, not +). */
    public static String encoded(String eventID) {
        return URLEncoder.encode(eventID, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
