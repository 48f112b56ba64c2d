package io.tracewell.server.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP calls as a client makes them, with an optional bearer token. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int statusCode, String body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private Http() {}

    static Response get(URI uri, String token) throws IOException, InterruptedException {
        return send("GET", uri, token == null ? null : "Bearer " + token, null, null);
    }

    static Response post(URI uri, String token, String contentType, String body)
            throws IOException, InterruptedException {
        return send("POST", uri, token == null ? null : "Bearer " + token, contentType, body);
    }

    /** {@code authorization} is the whole header value; a DELETE with a token: {@code "Bearer " + token}. */
    static Response send(String method, URI uri, String authorization, String contentType, String body)
            throws IOException, InterruptedException {
        if (authorization != null && !authorization.contains(" ")) {
            authorization = "Bearer " + authorization;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response);
    }
}
