package io.tracewell.server.subscription;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A subscriber's endpoint over real HTTP: records every notification (body, headers, arrival) and answers with
 * the status {@link #answer} chooses for it.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One notification as it arrived. */
    public record Notification(byte[] body, Map<String, String> headers, Instant receivedAt, int answered) {

        public JsonObject json() {
            return new JsonObject(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }

        /** The eventIDs of a JSON-LD EPCISQueryDocument. */
        public List<String> eventIds() {
            JsonArray list = json().getJsonObject("epcisBody").getJsonObject("queryResults")
                    .getJsonObject("resultsBody").getJsonArray("eventList");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                ids.add(list.getJsonObject(i).getString("eventID"));
            }
            return ids;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Notification> received = new CopyOnWriteArrayList<>();
    private volatile Function<byte[], Integer> answer = body -> 200;

    public WebhookReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
            byte[] body = buffer.getBytes();
            int status = answer.apply(body);
            Map<String, String> headers = new TreeMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
            received.add(new Notification(body, headers, Instant.now(), status));
            request.response().setStatusCode(status).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.actualPort() + path);
    }

    /** How to answer from now on, by the body received. */
    public void answer(Function<byte[], Integer> answer) {
        this.answer = answer;
    }

    /** Every notification so far, answered 2xx or not. */
    public List<Notification> all() {
        return List.copyOf(received);
    }

    /** The notifications answered 2xx so far. */
    public List<Notification> acknowledged() {
        return received.stream().filter(n -> n.answered() >= 200 && n.answered() < 300).toList();
    }

    /** The eventIDs of the acknowledged notifications, in the order they came. */
    public List<String> acknowledgedEventIds() {
        List<String> ids = new ArrayList<>();
        acknowledged().forEach(n -> ids.addAll(n.eventIds()));
        return ids;
    }

    /** Waits until {@code done} holds, failing with {@code what} after {@code timeout}. */
    public void await(Duration timeout, String what, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; received: "
                        + received.size() + " notifications, answered " + received.stream()
                        .map(Notification::answered).toList());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
