package io.tracewell.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.TracewellServer;
import io.tracewell.server.capture.CaptureHttp;
import io.tracewell.server.capture.TestServers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The EU FMD connector on a running server (docs/fmd.md): configured by {@code epcis.fmd.config}, woken by a
 * capture, it creates the deliveries of a commissioned batch and attempts them; what is missing shows in the
 * operator's delivery list. The hub itself is tested in regulatory-connectors (FmdHubTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FmdOnServerTest {

    private static final Path DATA = Path.of("target", "fmd on server test").toAbsolutePath();
    private static final char[] PASSWORD = "changeit".toCharArray();

    private TestServers servers;
    private TracewellServer server;

    @BeforeAll
    void start() throws Exception {
        servers = TestServers.embedded(DATA);
        Path dir = Files.createDirectories(DATA.resolve("fmd"));
        keyStores(dir);
        Path config = Files.writeString(dir.resolve("fmd.json"), """
                {"hub": {"url": "https://127.0.0.1:9/obp", "senderId": "OBP-TEST-01",
                         "clientKeyStore": "client.p12", "clientKeyStorePassword": "changeit",
                         "trustStore": "trust.p12", "trustStorePassword": "changeit", "connectTimeoutSeconds": 2},
                 "release": "commissioning", "retry": {"firstRetrySeconds": 3600}}""");
        server = servers.startOnFreshDatabase(Map.of("epcis.fmd.config", config.toString(),
                "epcis.fmd.interval-ms", "200"));
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aCommissionedBatchBecomesDeliveriesThatTheOperatorSees() throws Exception {
        CaptureHttp http = new CaptureHttp(server.baseUri());
        String document = """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-05-04T10:00:00Z",
                 "epcisBody": {"eventList": [
                   {"type": "ObjectEvent", "action": "ADD", "eventTime": "2026-05-04T09:00:00.000Z",
                    "eventTimeZoneOffset": "+00:00", "bizStep": "commissioning", "disposition": "active",
                    "epcList": ["https://id.gs1.org/01/04098765000010/21/SN1001",
                                "https://id.gs1.org/01/04098765000010/21/SN1002"],
                    "ilmd": {"cbvmda:lotNumber": "B2026-07", "cbvmda:itemExpirationDate": "2028-06-30"}}]}}""";
        JsonObject job = http.awaitFinished(CaptureHttp.accepted(http.capture("application/ld+json", null,
                document)), Duration.ofSeconds(60));
        assertThat(job.getBoolean("success")).as("capture job %s", job).isTrue();

        Instant deadline = Instant.now().plusSeconds(30);
        JsonArray deliveries;
        do {
            HttpResponse<String> r = http.get("/admin/deliveries?connector=fmd", "application/json");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            deliveries = new JsonArray(r.body());
            if (deliveries.size() == 2 && deliveries.stream().allMatch(d -> ((JsonObject) d).getInteger("attempts")
                    >= 1)) {
                break;
            }
            assertThat(Instant.now()).as("two attempted deliveries within 30 s: %s", deliveries).isBefore(deadline);
            Thread.sleep(200);
        } while (true);
        JsonObject product = deliveries.getJsonObject(0);
        assertThat(product.getString("subject")).isEqualTo("product:04098765000010");
        assertThat(product.getString("partner")).isEqualTo("eu-hub");
        assertThat(product.getString("state")).isEqualTo("failed");
        assertThat(product.getString("lastError")).contains("master data missing")
                .contains("no EPCClass master data for https://id.gs1.org/01/04098765000010");
        JsonObject batch = deliveries.getJsonObject(1);
        assertThat(batch.getString("subject")).isEqualTo("batch:04098765000010:B2026-07");
        assertThat(batch.getString("lastError")).contains("waiting for product:04098765000010");
    }

    private static void keyStores(Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair keys = g.generateKeyPair();
        X500Name name = new X500Name("CN=OBP-TEST-01");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), name,
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        KeyStore client = KeyStore.getInstance("PKCS12");
        client.load(null, null);
        client.setKeyEntry("client", keys.getPrivate(), PASSWORD, new Certificate[] {certificate});
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("hub", certificate);
        try (OutputStream out = Files.newOutputStream(dir.resolve("client.p12"))) {
            client.store(out, PASSWORD);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("trust.p12"))) {
            trust.store(out, PASSWORD);
        }
    }
}
