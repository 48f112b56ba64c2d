package io.tracewell.epcis.capture.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.capture.CaptureLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Discovery over real HTTP: a Vert.x server on a free loopback port with only these routes mounted. */
class DiscoveryRoutesTest {

    private static final CaptureLimits LIMITS = new CaptureLimits(1234, 56_789_012_345L);
    private static final String VENDOR_VERSION = "tracewell-test-9.8.7";

    private static Vertx vertx;
    private static HttpServer server;
    private static HttpClient client;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        // Mounted before the discovery routes: negotiation must still run first.
        router.get("/other").handler(context -> context.response().end("other"));
        new DiscoveryRoutes(LIMITS, VENDOR_VERSION).mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> allowed(HttpResponse<?> response) {
        return Arrays.stream(response.headers().firstValue("Allow").orElseThrow().split(","))
                .map(String::trim)
                .collect(Collectors.toSet());
    }

    private static void assertDiscoveryHeaders(HttpResponse<?> response) {
        assertThat(response.headers().firstValue("GS1-EPCIS-Version")).hasValue("2.0.0");
        assertThat(response.headers().firstValue("GS1-CBV-Version")).hasValue("2.0.0");
        assertThat(response.headers().firstValue("GS1-EPCIS-Min")).hasValue("2.0.0");
        assertThat(response.headers().firstValue("GS1-EPCIS-Max")).hasValue("2.0.0");
        assertThat(response.headers().firstValue("GS1-CBV-Min")).hasValue("2.0.0");
        assertThat(response.headers().firstValue("GS1-CBV-Max")).hasValue("2.0.0");
        assertThat(response.headers().firstValue("GS1-Vendor-Version")).hasValue(VENDOR_VERSION);
        assertThat(response.headers().firstValue("GS1-EPC-Format").orElseThrow().split(",\\s*"))
                .containsExactly("No_Preference", "Always_GS1_Digital_Link", "Always_EPC_URN", "Never_Translates");
        assertThat(response.headers().firstValue("GS1-CBV-XML-Format").orElseThrow().split(",\\s*"))
                .containsExactly("No_Preference", "Always_Web_URI", "Always_URN", "Never_Translates");
        assertThat(response.headers().firstValue("GS1-Extensions")).isEmpty();
    }

    private static void assertNoCaptureHeaders(HttpResponse<?> response) {
        assertThat(response.headers().firstValue("GS1-EPCIS-Capture-Limit")).isEmpty();
        assertThat(response.headers().firstValue("GS1-EPCIS-Capture-File-Size-Limit")).isEmpty();
        assertThat(response.headers().firstValue("GS1-Capture-Error-Behaviour")).isEmpty();
    }

    @Test
    void optionsOnTheRoot() throws Exception {
        HttpResponse<String> response = send("OPTIONS", "/");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(allowed(response)).containsExactlyInAnyOrder("OPTIONS", "GET");
        assertDiscoveryHeaders(response);
        assertNoCaptureHeaders(response);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void optionsOnCaptureAnnouncesTheLimits() throws Exception {
        HttpResponse<String> response = send("OPTIONS", "/capture");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(allowed(response)).containsExactlyInAnyOrder("OPTIONS", "GET", "POST");
        assertDiscoveryHeaders(response);
        assertThat(response.headers().firstValue("GS1-EPCIS-Capture-Limit")).hasValue("1234");
        assertThat(response.headers().firstValue("GS1-EPCIS-Capture-File-Size-Limit")).hasValue("56789012345");
        // OpenAPI components/headers/GS1-Capture-Error-Behaviour: "all" announces both rollback and proceed
        assertThat(response.headers().firstValue("GS1-Capture-Error-Behaviour")).hasValue("all");
    }

    @Test
    void optionsOnACaptureJob() throws Exception {
        HttpResponse<String> response = send("OPTIONS", "/capture/job-42");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(allowed(response)).containsExactlyInAnyOrder("OPTIONS", "GET");
        assertDiscoveryHeaders(response);
        assertNoCaptureHeaders(response);
    }

    @Test
    void optionsOnEvents() throws Exception {
        HttpResponse<String> response = send("OPTIONS", "/events");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(allowed(response)).containsExactlyInAnyOrder("OPTIONS", "GET", "POST");
        assertDiscoveryHeaders(response);
        assertNoCaptureHeaders(response);
    }

    @Test
    void optionsOnOneEventWithAPercentEncodedId() throws Exception {
        String eventID = PathSegments.encode(
                "ni:///sha-256;df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba69?ver=CBV2.0");
        HttpResponse<String> response = send("OPTIONS", "/events/" + eventID);
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(allowed(response)).containsExactlyInAnyOrder("OPTIONS", "GET");
        assertDiscoveryHeaders(response);
        assertNoCaptureHeaders(response);
    }

    @Test
    void getRootListsTheTopLevelResources() throws Exception {
        HttpResponse<String> response = send("GET", "/", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("GS1-EPCIS-Version")).hasValue("2.0.0");
        assertThat(response.headers().firstValue("GS1-CBV-Version")).hasValue("2.0.0");
        JsonObject body = new JsonObject(response.body());
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("@context", "type", "member");
        assertThat(body.getString("@context"))
                .isEqualTo("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        assertThat(body.getString("type")).isEqualTo("Collection");
        assertThat(body.getJsonArray("member").getList()).containsExactly("events", "eventTypes", "epcs",
                "bizSteps", "bizLocations", "readPoints", "dispositions", "capture", "queries");
    }

    @Test
    void getRootAnswersJsonLdWhenThatIsPreferred() throws Exception {
        HttpResponse<String> response = send("GET", "/", "Accept", "application/ld+json, application/json;q=0.5");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/ld+json");
        assertThat(new JsonObject(response.body()).getString("type")).isEqualTo("Collection");
    }

    @Test
    void getRootWithoutAnAcceptableTypeIsNotAcceptable() throws Exception {
        HttpResponse<String> response = send("GET", "/", "Accept", "text/plain");
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:NotAcceptableException");
        assertThat(problem.getInteger("status")).isEqualTo(406);
        assertThat(problem.getString("detail")).contains("application/json", "text/plain");
        assertThat(problem.getString("instance")).isEqualTo("/");
    }

    @Test
    void aMinimumVersionAboveTwoPointZeroIsNotAcceptable() throws Exception {
        HttpResponse<String> response = send("GET", "/", "GS1-EPCIS-Min", "3.0");
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("GS1-EPCIS-Max")).hasValue("2.0.0");
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:NotAcceptableException");
        assertThat(problem.getString("detail")).contains("GS1-EPCIS-Min", "3.0", "2.0.0");
    }

    @Test
    void aMalformedMaximumVersionIsAValidationProblem() throws Exception {
        HttpResponse<String> response = send("OPTIONS", "/events", "GS1-EPCIS-Max", "abc");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("epcisException:ValidationException");
        assertThat(problem.getString("detail")).contains("GS1-EPCIS-Max", "abc");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("expected")).isNotBlank();
        assertThat(problem.getString("instance")).isEqualTo("/events");
    }

    @Test
    void negotiationCoversRoutesMountedBeforeIt() throws Exception {
        HttpResponse<String> refused = send("GET", "/other", "GS1-CBV-Max", "1.2");
        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(new JsonObject(refused.body()).getString("detail")).contains("GS1-CBV-Max");

        HttpResponse<String> passed = send("GET", "/other", "GS1-EPCIS-Min", "1.2", "GS1-EPCIS-Max", "2.0",
                "GS1-CBV-Min", "2", "GS1-CBV-Max", "2.0.0");
        assertThat(passed.statusCode()).isEqualTo(200);
        assertThat(passed.body()).isEqualTo("other");
    }

    @Test
    void anAcceptableRangePassesToTheDiscoveryRoute() throws Exception {
        HttpResponse<String> response = send("OPTIONS", "/capture", "GS1-EPCIS-Min", "2.0", "GS1-EPCIS-Max", "2.1");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("GS1-EPCIS-Capture-Limit")).hasValue("1234");
    }
}
