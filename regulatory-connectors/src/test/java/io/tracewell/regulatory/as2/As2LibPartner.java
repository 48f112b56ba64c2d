package io.tracewell.regulatory.as2;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.helger.as2lib.cert.PredefinedCertificateFactory;
import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.exception.AS2Exception;
import com.helger.as2lib.message.AS2Message;
import com.helger.as2lib.message.IMessage;
import com.helger.as2lib.partner.Partnership;
import com.helger.as2lib.partner.SelfFillingPartnershipFactory;
import com.helger.as2lib.processor.DefaultMessageProcessor;
import com.helger.as2lib.processor.module.AbstractProcessorModule;
import com.helger.as2lib.processor.receiver.AS2ReceiverModule;
import com.helger.as2lib.processor.sender.AsynchMDNSenderModule;
import com.helger.as2lib.processor.storage.IProcessorStorageModule;
import com.helger.as2lib.session.AS2Session;

/**
 * The trading partner in tests: an as2-lib receiver (an implementation independent of camel-as2) listening on
 * 127.0.0.1. It decrypts with its own key, verifies our signature with the certificate it was configured with for us
 * (not the one inside the message), stores what it received, and answers with a signed MDN, synchronously or, when
 * asked, asynchronously to the URL in Receipt-Delivery-Option.
 */
public final class As2LibPartner implements AutoCloseable {

    public static final String PARTNER_AS2_ID = "PARTNER-AS2";
    public static final String OUR_AS2_ID = "TRACEWELL-AS2";
    private static final String PASSWORD = "test";
    private static final String PARTNER_ALIAS = "partner";
    private static final String US_ALIAS = "tracewell";

    /** One message as the partner stored it. */
    public record Received(String messageId, byte[] payload, String contentType, String receiptDeliveryOption) {
    }

    private final int port;
    private final DefaultMessageProcessor processor;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /**
     * Starts a partner that holds {@code partner} (its key and certificate) and trusts {@code certificateForUs} as
     * our signing certificate.
     */
    public As2LibPartner(TestPki.Identity partner, X509Certificate certificateForUs) throws Exception {
        this(partner, certificateForUs, freePort());
    }

    /** A partner on a port chosen before, e.g. one that was down and comes up. */
    public As2LibPartner(TestPki.Identity partner, X509Certificate certificateForUs, int port) throws Exception {
        this.port = port;
        AS2Session session = new AS2Session();
        // verify with the certificate configured for the sender, as a partner should, not with the one we embed
        session.setCryptoVerifyUseCertificateInBodyPart(false);

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(PARTNER_ALIAS, partner.keys().getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {partner.certificate()});
        keyStore.setCertificateEntry(US_ALIAS, certificateForUs);
        PredefinedCertificateFactory certificates = new PredefinedCertificateFactory(keyStore);
        certificates.setPassword(PASSWORD);
        certificates.initDynamicComponent(session, null);
        session.setCertificateFactory(certificates);

        SelfFillingPartnershipFactory partnerships = new SelfFillingPartnershipFactory();
        partnerships.initDynamicComponent(session, null);
        Partnership partnership = new Partnership(OUR_AS2_ID + "-" + PARTNER_AS2_ID);
        partnership.setSenderAS2ID(OUR_AS2_ID);
        partnership.setSenderX509Alias(US_ALIAS);
        partnership.setReceiverAS2ID(PARTNER_AS2_ID);
        partnership.setReceiverX509Alias(PARTNER_ALIAS);
        partnership.setSigningAlgorithm(ECryptoAlgorithmSign.DIGEST_SHA_256);
        partnership.setEncryptAlgorithm(ECryptoAlgorithmCrypt.CRYPT_AES256_CBC);
        partnerships.addPartnership(partnership);
        session.setPartnershipFactory(partnerships);

        processor = new DefaultMessageProcessor();
        processor.initDynamicComponent(session, null);
        session.setMessageProcessor(processor);

        AS2ReceiverModule receiver = new AS2ReceiverModule();
        receiver.setAddress("127.0.0.1");
        receiver.setPort(port);
        receiver.initDynamicComponent(session, null);
        processor.addModule(receiver);

        Capture capture = new Capture(received);
        capture.initDynamicComponent(session, null);
        processor.addModule(capture);

        AsynchMDNSenderModule asyncMdnSender = new AsynchMDNSenderModule();
        asyncMdnSender.initDynamicComponent(session, null);
        processor.addModule(asyncMdnSender);

        // binds the server socket before it returns: connections made from here on are queued, not refused
        processor.startActiveModules();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/as2");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        processor.stopActiveModules();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stores each received message's decrypted, verified payload. */
    private static final class Capture extends AbstractProcessorModule implements IProcessorStorageModule {

        private final List<Received> sink;

        Capture(List<Received> sink) {
            this.sink = sink;
        }

        @Override
        public boolean canHandle(String action, IMessage message, Map<String, Object> options) {
            return DO_STORE.equals(action) && message instanceof AS2Message;
        }

        @Override
        public void handle(String action, IMessage message, Map<String, Object> options) throws AS2Exception {
            try (InputStream in = message.getData().getInputStream()) {
                sink.add(new Received(message.getMessageID(), in.readAllBytes(), message.getData().getContentType(),
                        message.getHeader("Receipt-Delivery-Option")));
            } catch (Exception e) {
                throw new AS2Exception("test capture failed", e);
            }
        }
    }
}
