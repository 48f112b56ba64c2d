package io.tracewell.server.security;

import static io.tracewell.server.config.TracewellConfig.SECURITY_DEVELOPMENT_MODE;
import static io.tracewell.server.config.TracewellConfig.SECURITY_RATE_BURST;
import static io.tracewell.server.config.TracewellConfig.SECURITY_RATE_PER_SECOND;
import static io.tracewell.server.config.TracewellConfig.TLS_KEY_STORE;
import static io.tracewell.server.config.TracewellConfig.TLS_KEY_STORE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.server.TracewellServer;
import io.tracewell.server.capture.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS, the rate limit, development mode, and credentials kept out of the log, on real servers. */
class TransportAndLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("twk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");

    private static TestServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = SecurityTestServers.open();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void withAKeyStoreTheServerAnswersHttpsAndNotPlainHttp() throws Exception {
        Path keyStore = Files.createTempDirectory("tracewell-tls").resolve("server.p12");
        String password = "changeit-" + System.nanoTime();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        TracewellServer server = servers.startOnFreshDatabase(Map.of(SECURITY_DEVELOPMENT_MODE, "false",
                TLS_KEY_STORE, keyStore.toString(), TLS_KEY_STORE_PASSWORD, password));
        URI base = server.baseUri();
        assertThat(base.getScheme()).isEqualTo("https");

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            trusted.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        // generous: the server's first TLS handshake sets up its TLS engine and took over 5 s on a busy machine
        HttpClient https = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(60)).build();
        URI health = URI.create("https://127.0.0.1:" + base.getPort() + "/health");
        HttpResponse<String> answer = https.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(20))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        HttpResponse<String> events = https.send(HttpRequest.newBuilder(health.resolve("/events"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(events.statusCode()).isEqualTo(401);

        URI plain = URI.create("http://127.0.0.1:" + base.getPort() + "/health");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain)
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aClientOverItsRateIsAnswered429WithRetryAfter() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        TracewellServer server = servers.startOn(servers.createDatabase(), Map.of(SECURITY_DEVELOPMENT_MODE, "false",
                SECURITY_RATE_PER_SECOND, "0.2", SECURITY_RATE_BURST, "3"),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        Matcher key = KEY.matcher(console.toString(StandardCharsets.UTF_8));
        assertThat(key.find()).isTrue();
        String admin = key.group();
        URI keys = server.baseUri().resolve("admin/keys");

        for (int i = 0; i < 3; i++) {
            assertThat(Http.get(keys, admin).statusCode()).as("request " + (i + 1)).isEqualTo(200);
        }
        Http.Response limited = Http.get(keys, admin);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 5L);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(limited.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        // another client has a bucket of its own
        assertThat(Http.get(server.baseUri().resolve("health"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void developmentModeLetsEveryRequestInAndSaysSoAtStartAndOnTheFirstRequest() throws Exception {
        String log = captureStandardError(() -> {
            TracewellServer server = servers.startOnFreshDatabase(Map.of(SECURITY_DEVELOPMENT_MODE, "true"));
            assertThat(Http.get(server.baseUri().resolve("events"), null).statusCode()).isEqualTo(200);
            assertThat(Http.get(server.baseUri().resolve("admin/keys"), null).statusCode()).isEqualTo(200);
            server.close();
        });
        assertThat(log.split("DEVELOPMENT MODE", -1)).hasSize(3); // at start and on the first request, once each
        assertThat(log).contains("[WARN]");
    }

    @Test
    void keysAndTokensNeverReachTheLog() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String[] secrets = new String[3];
        String log = captureStandardError(() -> {
            TracewellServer server = servers.startOn(servers.createDatabase(), Map.of(
                    SECURITY_DEVELOPMENT_MODE, "false", SECURITY_RATE_PER_SECOND, "0"),
                    new PrintStream(console, true, StandardCharsets.UTF_8));
            Matcher key = KEY.matcher(console.toString(StandardCharsets.UTF_8));
            assertThat(key.find()).isTrue();
            secrets[0] = key.group();
            URI base = server.baseUri();
            Http.Response created = Http.post(base.resolve("admin/keys"), secrets[0], "application/json",
                    "{\"name\": \"logged?\", \"organisation\": \"acme\", \"roles\": [\"capture\"]}");
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode body = JSON.readTree(created.body());
            secrets[1] = body.get("key").asText();
            secrets[2] = body.get("id").asText();
            assertThat(Http.post(base.resolve("events"), secrets[1], "application/json",
                    SecurityHttpTest.event("urn:epc:id:sgtin:4012345.011111." + System.nanoTime())).statusCode())
                    .isEqualTo(201);
            assertThat(Http.get(base.resolve("events"), secrets[1]).statusCode()).isEqualTo(403);
            assertThat(Http.send("DELETE", base.resolve("admin/keys/" + secrets[2]), secrets[0], null, null)
                    .statusCode()).isEqualTo(204);
            assertThat(Http.get(base.resolve("events"), secrets[1]).statusCode()).isEqualTo(401);
            assertThat(Http.get(base.resolve("events"), secrets[1] + "x.y.z").statusCode()).isEqualTo(401);
            server.close();
        });
        // the capture worked: the key's creation and revocation are logged, by id
        assertThat(log).contains("API key " + secrets[2]).contains("revoked");
        for (String secret : List.of(secrets[0], secrets[1])) {
            // twk_<16 hex digit id>_<secret>: the secret itself may hold '_' (base64url), so cut after the id
            String secretPart = secret.substring("twk_".length() + 16 + 1);
            assertThat(secretPart).hasSizeGreaterThan(20);
            assertThat(log).doesNotContain(secretPart);
            assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(secrets[1]);
        }
    }

    interface Action {
        void run() throws Exception;
    }

    /** Runs {@code action} with standard error (where the log goes) copied into the returned text. */
    private static String captureStandardError(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                copy.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                copy.write(b, off, len);
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return copy.toString(StandardCharsets.UTF_8);
    }
}
