package io.tracewell.server.bench;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One capture client of the benchmark: {@code POST /capture} of a document, then {@code GET /capture/{id}} until
 * the job is no longer running. One connection per client (its own {@link HttpClient}), so that N clients are N
 * connections to the server.
 */
final class CaptureClient {

    private static final String JSON = "application/json";

    private final HttpClient http;
    private final URI base;

    CaptureClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A finished job: its ID, its resource as last read, and when it was seen finished ({@link System#nanoTime}). */
    record Job(String captureId, JsonObject resource, long finishedNanos) {

        boolean success() {
            return Boolean.TRUE.equals(resource.getValue("success"));
        }
    }

    /** Posts a document held in memory and returns the job's URI from {@code Location}. */
    URI post(byte[] document) throws IOException, InterruptedException {
        return post(HttpRequest.BodyPublishers.ofByteArray(document), Duration.ofMinutes(5));
    }

    /** Posts a document streamed from a file. */
    URI post(Path document, Duration timeout) throws IOException, InterruptedException {
        return post(HttpRequest.BodyPublishers.ofFile(document), timeout);
    }

    private URI post(HttpRequest.BodyPublisher body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("capture")).timeout(timeout)
                .header("Content-Type", JSON).header("Accept", JSON).POST(body).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /capture answered " + response.statusCode() + " instead of 202: "
                    + abbreviate(response.body()));
        }
        String location = response.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("POST /capture answered 202 without a Location header"));
        return base.resolve(location);
    }

    /**
     * Polls the job until {@code running} is false, first every {@code firstInterval}, then at intervals growing by
     * half up to {@code maxInterval} (short jobs are seen finished early, long ones are not polled needlessly).
     *
     * @throws IllegalStateException on any status other than 200, or when the job runs longer than {@code timeout}
     */
    Job await(URI job, Duration firstInterval, Duration maxInterval, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = Math.max(1, firstInterval.toMillis());
        while (true) {
            JsonObject resource = read(job);
            long now = System.nanoTime();
            if (!running(job, resource)) {
                return new Job(captureId(job, resource), resource, now);
            }
            if (now > deadline) {
                throw new IllegalStateException("capture job " + job.getPath() + " still running after "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(interval);
            interval = Math.min(maxInterval.toMillis(), interval + (interval + 1) / 2);
        }
    }

    /** The job resource as {@code GET /capture/{captureID}} answers it now. */
    JsonObject read(URI job) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(job).timeout(Duration.ofSeconds(60)).header("Accept", JSON).GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + job.getPath() + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        try {
            return new JsonObject(response.body());
        } catch (DecodeException e) {
            throw new IllegalStateException("GET " + job.getPath() + " did not answer a JSON object: "
                    + abbreviate(response.body()), e);
        }
    }

    static boolean running(URI job, JsonObject resource) {
        Object running = resource.getValue("running");
        if (!(running instanceof Boolean)) {
            throw new IllegalStateException("GET " + job.getPath() + " has no boolean \"running\": "
                    + abbreviate(resource.encode()));
        }
        return (Boolean) running;
    }

    static String captureId(URI job, JsonObject resource) {
        Object id = resource.getValue("captureID");
        if (id != null) {
            return id.toString();
        }
        String path = job.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "… (" + text.length() + " characters)";
    }
}
