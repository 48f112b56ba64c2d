package io.tracewell.server.security;

import static io.tracewell.server.config.TracewellConfig.JWT_AUDIENCE;
import static io.tracewell.server.config.TracewellConfig.JWT_ISSUER;
import static io.tracewell.server.config.TracewellConfig.JWT_JWKS_URL;
import static io.tracewell.server.config.TracewellConfig.SECURITY_DEVELOPMENT_MODE;
import static io.tracewell.server.config.TracewellConfig.SECURITY_RATE_PER_SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.server.TracewellServer;
import io.tracewell.server.capture.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authentication and roles over real HTTP on a real database: 401 without or with bad credentials, 403 with the
 * wrong role, API keys from the first start through creation, use and revocation, and JWTs checked against a JWKS
 * document served by a test HTTP server (good ones accepted; expired, badly signed, {@code alg: none}, tampered,
 * wrong audience or issuer and malformed ones refused).
 */
class SecurityHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("twk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");

    private static TestServers servers;
    private static TestIssuer issuer;
    private static String database;
    private static TracewellServer server;
    private static URI base;
    private static String firstStartOutput;
    private static String adminKey;

    @BeforeAll
    static void start() throws Exception {
        servers = SecurityTestServers.open();
        issuer = TestIssuer.start();
        database = servers.createDatabase();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        server = servers.startOn(database, config(), new PrintStream(console, true, StandardCharsets.UTF_8));
        base = server.baseUri();
        firstStartOutput = console.toString(StandardCharsets.UTF_8);
        Matcher key = KEY.matcher(firstStartOutput);
        adminKey = key.find() ? key.group() : null;
    }

    static Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        config.put(SECURITY_DEVELOPMENT_MODE, "false");
        config.put(SECURITY_RATE_PER_SECOND, "0");
        config.put(JWT_JWKS_URL, issuer.jwksUrl().toString());
        config.put(JWT_ISSUER, TestIssuer.ISSUER);
        config.put(JWT_AUDIENCE, TestIssuer.AUDIENCE);
        return config;
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void theFirstStartPrintsAnAdministratorKeyOnceAndALaterStartDoesNot() throws Exception {
        assertThat(adminKey).as("key printed on the first start: " + firstStartOutput).isNotNull();
        Matcher more = KEY.matcher(firstStartOutput);
        more.find();
        assertThat(more.find()).as("the key is printed once").isFalse();
        assertThat(Http.get(base.resolve("admin/keys"), adminKey).statusCode()).isEqualTo(200);

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        TracewellServer second = servers.startOn(database, config(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            assertThat(KEY.matcher(console.toString(StandardCharsets.UTF_8)).find()).isFalse();
            // the same key works on the second server: keys live in the shared database
            assertThat(Http.get(second.baseUri().resolve("admin/keys"), adminKey).statusCode()).isEqualTo(200);
        } finally {
            second.close();
        }
    }

    @Test
    void requestsWithoutCredentialsAreAnswered401WithABearerChallenge() throws Exception {
        for (String path : List.of("events", "events/urn:uuid:" + UUID.randomUUID(), "epcs", "queries",
                "capture", "admin/keys", "admin/deliveries", "alerts", "not-a-route")) {
            Http.Response response = Http.get(base.resolve(path), null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(path).startsWith("Bearer");
            assertSecurityProblem(response, 401);
        }
        // dot segments are resolved before the rules are read: a public prefix does not open an admin path
        for (String path : List.of("verify/../admin/keys", "01/%2e%2e/admin/keys", "health/../events")) {
            Http.Response response = Http.get(URI.create(base + path), null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
        }
        Http.Response post = Http.post(base.resolve("events"), null, "application/json", event("urn:epc:id:sgtin:"
                + "4012345.011111.1"));
        assertThat(post.statusCode()).isEqualTo(401);
        Http.Response basic = Http.send("GET", base.resolve("events"), "Basic dXNlcjpwYXNz", null, null);
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void discoveryHealthAndVerificationNeedNoCredentials() throws Exception {
        assertThat(Http.get(base.resolve("health"), null).statusCode()).isEqualTo(200);
        assertThat(Http.get(base, null).statusCode()).isEqualTo(200);
        assertThat(Http.send("OPTIONS", base.resolve("events"), null, null, null).statusCode()).isLessThan(300);
        int verify = Http.get(base.resolve("verify?code=" + "(01)09506000134352(21)NOSUCH"), null).statusCode();
        assertThat(verify).isNotIn(401, 403);
        int digitalLink = Http.get(base.resolve("01/09506000134352/21/NOSUCH"), null).statusCode();
        assertThat(digitalLink).isNotIn(401, 403);
    }

    @Test
    void anApiKeyIsCreatedUsedAndRevoked() throws Exception {
        Http.Response created = Http.post(base.resolve("admin/keys"), adminKey, "application/json",
                "{\"name\": \"packing line 3\", \"organisation\": \"acme\", \"roles\": [\"capture\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        JsonNode key = JSON.readTree(created.body());
        String token = key.get("key").asText();
        String id = key.get("id").asText();
        assertThat(token).matches(KEY);
        assertThat(key.get("organisation").asText()).isEqualTo("acme");

        String epc = "urn:epc:id:sgtin:4012345.011111." + System.nanoTime();
        assertThat(Http.post(base.resolve("events"), token, "application/json", event(epc)).statusCode())
                .isEqualTo(201);
        // the capture role does not read events
        Http.Response read = Http.get(base.resolve("events"), token);
        assertThat(read.statusCode()).isEqualTo(403);
        assertSecurityProblem(read, 403);
        // a key that is almost right is refused
        String wrongSecret = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThat(Http.post(base.resolve("events"), wrongSecret, "application/json", event(epc + "1"))
                .statusCode()).isEqualTo(401);

        Http.Response listed = Http.get(base.resolve("admin/keys"), adminKey);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id).doesNotContain(token.substring(token.lastIndexOf('_') + 1));

        assertThat(Http.send("DELETE", base.resolve("admin/keys/" + id), adminKey, null, null).statusCode())
                .isEqualTo(204);
        Http.Response revoked = Http.post(base.resolve("events"), token, "application/json", event(epc + "2"));
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(Http.send("DELETE", base.resolve("admin/keys/" + id), adminKey, null, null).statusCode())
                .isEqualTo(404);
        JsonNode after = JSON.readTree(Http.get(base.resolve("admin/keys"), adminKey).body());
        boolean shownRevoked = false;
        for (JsonNode listedKey : after.get("keys")) {
            if (listedKey.get("id").asText().equals(id)) {
                shownRevoked = listedKey.has("revokedAt");
            }
        }
        assertThat(shownRevoked).isTrue();
    }

    @Test
    void aDocumentStreamedToCaptureArrivesWholeWhileItsKeyIsChecked() throws Exception {
        String capture = createKey("document sender", "acme", "capture");
        String query = createKey("document reader", "acme", "query");
        // big enough to arrive in many packets while the key is looked up on a worker thread
        List<String> ids = new java.util.ArrayList<>();
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            String id = "urn:uuid:" + UUID.randomUUID();
            ids.add(id);
            events.append(i == 0 ? "" : ",\n").append(event("urn:epc:id:sgtin:4012345.011111." + System.nanoTime())
                    .replace("\"type\": \"ObjectEvent\",", "\"type\": \"ObjectEvent\", \"eventID\": \"" + id + "\",")
                    .replace("\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],", ""));
        }
        byte[] document = ("""
                {
                  "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                  "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-03-01T10:00:00Z",
                  "epcisBody": {"eventList": [%s]}
                }""".formatted(events)).getBytes(StandardCharsets.UTF_8);
        assertThat(document.length).isGreaterThan(100_000);
        java.net.http.HttpResponse<String> accepted = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(base.resolve("capture"))
                        .header("Authorization", "Bearer " + capture).header("Content-Type", "application/ld+json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(document))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
        JsonNode job;
        do {
            Thread.sleep(100);
            Http.Response answer = Http.get(base.resolve(location), capture);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            job = JSON.readTree(answer.body());
        } while (job.path("running").asBoolean() && java.time.Instant.now().isBefore(deadline));
        for (String id : List.of(ids.get(0), ids.get(ids.size() - 1))) {
            Http.Response stored = Http.get(base.resolve("events/" + java.net.URLEncoder.encode(id,
                    StandardCharsets.UTF_8)), query);
            assertThat(stored.statusCode()).as(job + " " + stored.body()).isEqualTo(200);
        }
    }

    @Test
    void onlyAdministratorsManageKeys() throws Exception {
        String query = createKey("reader", "acme", "query");
        assertThat(Http.get(base.resolve("admin/keys"), query).statusCode()).isEqualTo(403);
        assertThat(Http.post(base.resolve("admin/keys"), query, "application/json",
                "{\"name\": \"x\", \"organisation\": \"acme\", \"roles\": [\"admin\"]}").statusCode()).isEqualTo(403);
        assertThat(Http.get(base.resolve("events"), query).statusCode()).isEqualTo(200);
        // an administrator is not a reader
        assertThat(Http.get(base.resolve("events"), adminKey).statusCode()).isEqualTo(403);
        Http.Response bad = Http.post(base.resolve("admin/keys"), adminKey, "application/json",
                "{\"name\": \"x\", \"organisation\": \"acme\", \"roles\": [\"superuser\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void aValidJwtActsForItsOrganisationWithItsRoles() throws Exception {
        String rsa = issuer.rsaToken(issuer.claims("alice", "acme", List.of("query")));
        assertThat(Http.get(base.resolve("events"), rsa).statusCode()).isEqualTo(200);
        assertThat(Http.get(base.resolve("admin/keys"), rsa).statusCode()).isEqualTo(403);
        String ec = issuer.ecToken(issuer.claims("bob", "acme", List.of("QUERY", "capture")));
        assertThat(Http.get(base.resolve("events"), ec).statusCode()).isEqualTo(200);
        String admin = issuer.rsaToken(issuer.claims("carol", "acme", List.of("admin")));
        assertThat(Http.get(base.resolve("admin/keys"), admin).statusCode()).isEqualTo(200);
    }

    @Test
    void badTokensAreRefused() throws Exception {
        Map<String, Object> good = issuer.claims("mallory", "acme", List.of("query", "admin"));
        Map<String, String> refused = new java.util.LinkedHashMap<>();

        Map<String, Object> expired = new HashMap<>(good);
        expired.put("exp", System.currentTimeMillis() / 1000 - 3600);
        refused.put("expired", issuer.rsaToken(expired));
        refused.put("signed with another key of the same kid", issuer.rsaTokenSignedByStranger(good));
        refused.put("alg none", issuer.unsigned(good));
        refused.put("HS256 with the public key as secret", issuer.hmacWithPublicKey(good));
        refused.put("tampered payload", issuer.tampered(good, "roles", List.of("regulator")));
        Map<String, Object> audience = new HashMap<>(good);
        audience.put("aud", "another-service");
        refused.put("wrong audience", issuer.rsaToken(audience));
        Map<String, Object> otherIssuer = new HashMap<>(good);
        otherIssuer.put("iss", "https://issuer.example/evil");
        refused.put("wrong issuer", issuer.rsaToken(otherIssuer));
        Map<String, Object> noOrganisation = new HashMap<>(good);
        noOrganisation.remove("org");
        refused.put("no organisation", issuer.rsaToken(noOrganisation));
        Map<String, Object> noExpiry = new HashMap<>(good);
        noExpiry.remove("exp");
        refused.put("no expiry", issuer.rsaToken(noExpiry));
        refused.put("malformed: one part", "abc");
        refused.put("malformed: three parts of garbage", "a.b.c");
        refused.put("malformed: not base64", "eyJhbGciOiJSUzI1NiJ9.***.***");
        refused.put("malformed: unknown key id", issuer.rsaTokenWithKeyId(good, "no-such-key"));

        // the untampered token passes, so that every refusal below is about what was changed
        assertThat(Http.get(base.resolve("events"), issuer.rsaToken(good)).statusCode()).isEqualTo(200);
        for (Map.Entry<String, String> token : refused.entrySet()) {
            Http.Response response = Http.get(base.resolve("events"), token.getValue());
            assertThat(response.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(token.getKey()).contains("invalid_token");
            assertSecurityProblem(response, 401);
        }
    }

    static String createKey(String name, String organisation, String... roles) throws Exception {
        String roleList = String.join("\", \"", roles);
        Http.Response created = Http.post(base.resolve("admin/keys"), adminKey, "application/json",
                "{\"name\": \"" + name + "\", \"organisation\": \"" + organisation + "\", \"roles\": [\"" + roleList
                        + "\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("key").asText();
    }

    static void assertSecurityProblem(Http.Response response, int status) throws Exception {
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("epcisException:SecurityException");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }

    static String event(String epc) {
        return """
                {
                  "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                  "type": "ObjectEvent",
                  "eventTime": "2024-03-01T11:00:00.000+01:00",
                  "eventTimeZoneOffset": "+01:00",
                  "epcList": ["%s"],
                  "action": "OBSERVE",
                  "bizStep": "shipping",
                  "readPoint": {"id": "urn:epc:id:sgln:4012345.00001.0"}
                }
                """.formatted(epc);
    }
}
