package io.tracewell.regulatory.as2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends through camel-as2's client to an as2-lib receiver on 127.0.0.1 and checks what the sender concludes.
 */
class As2SenderTest {

    /** Non-ASCII characters and bare LF line ends: both must arrive byte for byte. */
    static final byte[] DOCUMENT = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:1\" schemaVersion=\"1.2\">\n"
            + "  <!-- Müller Pharma GmbH, Zürich -->\n"
            + "</epcis:EPCISDocument>\n").getBytes(StandardCharsets.UTF_8);

    private static TestPki.Identity us;
    private static TestPki.Identity partner;
    private static TestPki.Identity stranger;
    private static CamelContext camel;
    private static As2Sender sender;

    @BeforeAll
    static void start() {
        us = TestPki.identity("Tracewell AS2");
        partner = TestPki.identity("Partner AS2");
        stranger = TestPki.identity("Stranger AS2");
        camel = new DefaultCamelContext();
        camel.start();
        sender = new As2Sender(camel);
    }

    @AfterAll
    static void stop() {
        sender.close();
        camel.stop();
    }

    @Test
    void deliveredDocumentIsAcknowledgedWithAVerifiedSignedMdn() throws Exception {
        try (As2LibPartner receiver = new As2LibPartner(partner, us.certificate())) {
            As2Outcome outcome = sender.send(profile(receiver.url(), partner).build(), DOCUMENT);

            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(As2Outcome.Status.ACKNOWLEDGED);
            assertThat(outcome.failure()).isNull();
            assertThat(outcome.httpStatus()).isEqualTo(200);
            assertThat(outcome.disposition()).isEqualTo("automatic-action/MDN-sent-automatically; processed");
            assertThat(outcome.mdnHeader("Content-Type")).startsWith("multipart/signed");
            assertThat(outcome.mdn()).isNotEmpty();
            assertThat(outcome.mic()).isEqualTo(MdnVerifier.computeMic(As2Sender.signedEntity(DOCUMENT), "sha-256"));
            List<As2LibPartner.Received> received = receiver.received();
            assertThat(received).hasSize(1);
            assertThat(received.get(0).payload()).isEqualTo(DOCUMENT);
            assertThat(received.get(0).contentType()).isEqualTo("application/xml; charset=UTF-8");
            assertThat(received.get(0).messageId()).isEqualTo(outcome.messageId());
            assertThat(received.get(0).receiptDeliveryOption()).isNull();
        }
    }

    @Test
    void resendKeepsTheMessageIdPayloadAndMic() throws Exception {
        try (As2LibPartner receiver = new As2LibPartner(partner, us.certificate())) {
            As2PartnerProfile profile = profile(receiver.url(), partner).build();
            String messageId = As2Sender.newMessageId(profile);

            As2Outcome first = sender.send(profile, DOCUMENT, messageId);
            As2Outcome second = sender.send(profile, DOCUMENT, messageId);

            assertThat(first.status()).as(first.toString()).isEqualTo(As2Outcome.Status.ACKNOWLEDGED);
            assertThat(second.status()).as(second.toString()).isEqualTo(As2Outcome.Status.ACKNOWLEDGED);
            assertThat(second.messageId()).isEqualTo(first.messageId()).isEqualTo(messageId);
            assertThat(second.mic()).isEqualTo(first.mic());
            assertThat(receiver.received()).extracting(As2LibPartner.Received::messageId)
                    .containsExactly(messageId, messageId);
            assertThat(receiver.received().get(1).payload()).isEqualTo(receiver.received().get(0).payload());
        }
    }

    @Test
    void partnerDownIsAFailureWithTheReasonNotAnException() throws Exception {
        URI nobodyListens = URI.create("http://127.0.0.1:" + As2LibPartner.freePort() + "/as2");

        As2Outcome outcome = sender.send(profile(nobodyListens, partner).build(), DOCUMENT);

        assertThat(outcome.status()).isEqualTo(As2Outcome.Status.FAILED);
        assertThat(outcome.failure()).isEqualTo(As2Failure.CONNECTION_REFUSED);
        assertThat(outcome.reason()).contains("connection refused by 127.0.0.1:" + nobodyListens.getPort());
        assertThat(outcome.httpStatus()).isZero();
        assertThat(outcome.mdn()).isEmpty();
        assertThat(outcome.messageId()).endsWith("@tracewell.test>");
        assertThat(outcome.mic()).isEqualTo(MdnVerifier.computeMic(As2Sender.signedEntity(DOCUMENT), "sha-256"));
    }

    @Test
    void partnerHoldingAnotherCertificateForUsRefusesOurSignature() throws Exception {
        try (As2LibPartner receiver = new As2LibPartner(partner, stranger.certificate())) {
            As2Outcome outcome = sender.send(profile(receiver.url(), partner).build(), DOCUMENT);

            assertThat(outcome.status()).isEqualTo(As2Outcome.Status.FAILED);
            assertThat(outcome.failure()).as(outcome.toString()).isEqualTo(As2Failure.DISPOSITION_NOT_PROCESSED);
            assertThat(outcome.disposition()).containsIgnoringCase("processed/error: integrity-check-failed");
            assertThat(outcome.reason()).contains(outcome.disposition()).contains("not \"processed\"");
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void anotherCertificateForThePartnerFailsDecryptionThereAndMdnVerificationHere() throws Exception {
        try (As2LibPartner receiver = new As2LibPartner(partner, us.certificate())) {
            As2Outcome outcome = sender.send(profile(receiver.url(), stranger).build(), DOCUMENT);

            assertThat(outcome.status()).isEqualTo(As2Outcome.Status.FAILED);
            assertThat(outcome.failure()).as(outcome.toString()).isEqualTo(As2Failure.MDN_SIGNATURE_INVALID);
            assertThat(outcome.reason()).contains("not by the partner certificate")
                    .contains(stranger.certificate().getSubjectX500Principal().getName());
            assertThat(outcome.disposition()).containsIgnoringCase("processed/error: decryption-failed");
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void httpErrorStatusIsAFailureEvenWithABody() throws Exception {
        HttpServer server = cannedServer(500, "text/plain", "internal trouble");
        try {
            As2Outcome outcome = sender.send(profile(url(server), partner).build(), DOCUMENT);

            assertThat(outcome.status()).isEqualTo(As2Outcome.Status.FAILED);
            assertThat(outcome.failure()).as(outcome.toString()).isEqualTo(As2Failure.HTTP_STATUS);
            assertThat(outcome.reason()).contains("HTTP 500");
            assertThat(outcome.httpStatus()).isEqualTo(500);
            assertThat(new String(outcome.mdn(), StandardCharsets.US_ASCII)).isEqualTo("internal trouble");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void successStatusWithoutMdnIsAFailureWhenASynchronousMdnWasRequested() throws Exception {
        HttpServer server = cannedServer(200, null, "");
        try {
            As2Outcome outcome = sender.send(profile(url(server), partner).build(), DOCUMENT);

            assertThat(outcome.status()).isEqualTo(As2Outcome.Status.FAILED);
            assertThat(outcome.failure()).as(outcome.toString()).isEqualTo(As2Failure.MDN_MISSING);
            assertThat(outcome.reason()).contains("without an MDN");
            assertThat(outcome.httpStatus()).isEqualTo(200);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void partnerThatDoesNotAnswerInTimeIsAFailure() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        try {
            As2Outcome outcome = sender.send(
                    profile(url(server), partner).timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)).build(),
                    DOCUMENT);

            assertThat(outcome.status()).isEqualTo(As2Outcome.Status.FAILED);
            assertThat(outcome.failure()).as(outcome.toString()).isEqualTo(As2Failure.CONNECTION_FAILED);
            assertThat(outcome.reason()).contains("timed out").contains("read timeout PT1S");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aSendInterruptedByTheServerStoppingIsATransientFailure() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CountDownLatch arrived = new CountDownLatch(1);
        server.createContext("/", exchange -> {
            arrived.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        try {
            AtomicReference<As2Outcome> result = new AtomicReference<>();
            Thread sending = new Thread(() -> result.set(sender.send(
                    profile(url(server), partner).timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30)).build(),
                    DOCUMENT)));
            sending.start();
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
            sending.interrupt(); // what stopping the connector's thread does
            sending.join(30_000);
            As2Outcome outcome = result.get();

            assertThat(outcome.status()).isEqualTo(As2Outcome.Status.FAILED);
            assertThat(outcome.failure()).as(outcome.toString()).isEqualTo(As2Failure.CONNECTION_FAILED);
            assertThat(outcome.retryable()).as("sent again later, not a dead letter").isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void asynchronousModeTakesAPlainAcceptanceAsAwaitingTheMdn() throws Exception {
        HttpServer server = cannedServer(200, "text/plain", "accepted");
        try {
            As2Outcome outcome = sender.send(
                    profile(url(server), partner).asyncMdn(URI.create("http://127.0.0.1:1/mdn")).build(), DOCUMENT);

            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(As2Outcome.Status.AWAITING_MDN);
            assertThat(outcome.failure()).isNull();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void asynchronousMdnIsAwaitedThenArrivesAndVerifies() throws Exception {
        BlockingQueue<byte[]> mdnBodies = new ArrayBlockingQueue<>(1);
        BlockingQueue<String> mdnTypes = new ArrayBlockingQueue<>(1);
        HttpServer mdnEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mdnEndpoint.createContext("/mdn", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                mdnBodies.add(in.readAllBytes());
            }
            mdnTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        mdnEndpoint.start();
        URI mdnUrl = URI.create("http://127.0.0.1:" + mdnEndpoint.getAddress().getPort() + "/mdn");
        try (As2LibPartner receiver = new As2LibPartner(partner, us.certificate())) {
            As2Outcome outcome = sender.send(profile(receiver.url(), partner).asyncMdn(mdnUrl).build(), DOCUMENT);

            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(As2Outcome.Status.AWAITING_MDN);
            assertThat(outcome.httpStatus()).isEqualTo(200);
            assertThat(receiver.received()).hasSize(1);
            assertThat(receiver.received().get(0).receiptDeliveryOption()).isEqualTo(mdnUrl.toString());

            byte[] mdn = mdnBodies.poll(20, TimeUnit.SECONDS);
            assertThat(mdn).as("asynchronous MDN posted to " + mdnUrl).isNotNull();
            MdnVerification verification = new MdnVerifier(partner.certificate())
                    .verify(mdn, mdnTypes.take(), outcome.messageId(), outcome.mic());
            assertThat(verification.verified()).as(String.valueOf(verification.reason())).isTrue();
            assertThat(verification.report().originalMessageId()).isEqualTo(outcome.messageId());
        } finally {
            mdnEndpoint.stop(0);
        }
    }

    static As2PartnerProfile.Builder profile(URI url, TestPki.Identity partnerIdentity) {
        return As2PartnerProfile.builder()
                .ourAs2Id(As2LibPartner.OUR_AS2_ID)
                .partnerAs2Id(As2LibPartner.PARTNER_AS2_ID)
                .url(url)
                .fromAddress("as2@tracewell.test")
                .partnerCertificate(partnerIdentity.certificate())
                .signing(us.keys().getPrivate(), List.of(us.certificate()))
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    private static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/as2");
    }

    /** An HTTP server that answers every request with the same status, type and body, after reading the request. */
    private static HttpServer cannedServer(int status, String contentType, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            if (contentType != null) {
                exchange.getResponseHeaders().add("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return server;
    }
}
