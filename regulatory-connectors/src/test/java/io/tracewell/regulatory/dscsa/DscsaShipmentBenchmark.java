package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.regulatory.as2.As2LibPartner;
import io.tracewell.regulatory.as2.As2Outcome;
import io.tracewell.regulatory.as2.As2PartnerProfile;
import io.tracewell.regulatory.as2.As2Sender;
import io.tracewell.regulatory.as2.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The time to build, sign, encrypt and send the DSCSA document of a 10,000-pack shipment (docs/benchmarks.md,
 * "DSCSA shipment"): the shipment (5 pallets of 20 cases of 100 packs, with commissioning, packing and master data)
 * is stored in an embedded MariaDB; then, several times, the document is built from the store and sent over AS2
 * (signed SHA256WITHRSA, encrypted AES256_CBC, synchronous signed MDN verified) to an as2-lib partner on 127.0.0.1.
 *
 * <pre>scripts/bench-dscsa.sh [runs]</pre>
 */
public final class DscsaShipmentBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        TestPki.Identity us = TestPki.identity("Tracewell AS2");
        TestPki.Identity partnerIdentity = TestPki.identity("Example Wholesale AS2");
        List<EpcisEvent> events = ExampleShipment.largeShipment(7, 5, 20, 100);
        try (DscsaTestDatabase database = DscsaTestDatabase.create();
             As2LibPartner partner = new As2LibPartner(partnerIdentity, us.certificate())) {
            EventStore store = new EventStore(database.dataSource(), EventHasher.standard(),
                    Clock.fixed(ExampleShipment.RECORD_TIME, ZoneOffset.UTC));
            CaptureContext ctx = CaptureContext.capture("bench", "seller-org", Namespaces.NONE);
            long t0 = System.nanoTime();
            store.store(events, ctx);
            try (EventStore.Session session = store.open(ctx)) {
                session.addMasterData(ExampleShipment.masterData());
                session.commit();
            }
            System.out.printf(Locale.ROOT, "stored %,d events (10,000 packs, 100 cases, 5 pallets) in %.1f s%n",
                    events.size(), (System.nanoTime() - t0) / 1e9);
            DscsaDocumentBuilder builder = new DscsaDocumentBuilder(database.dataSource(), ExampleShipment.settings());
            As2PartnerProfile profile = As2PartnerProfile.builder().ourAs2Id(As2LibPartner.OUR_AS2_ID)
                    .partnerAs2Id(As2LibPartner.PARTNER_AS2_ID).url(partner.url()).fromAddress("as2@tracewell.test")
                    .partnerCertificate(partnerIdentity.certificate()).signing(us.keys().getPrivate(),
                            List.of(us.certificate())).timeouts(Duration.ofSeconds(10), Duration.ofSeconds(120))
                    .build();
            DefaultCamelContext camel = new DefaultCamelContext();
            camel.start();
            String shipment = ExampleShipment.id(7);
            double[] build = new double[runs + 1];
            double[] send = new double[runs + 1];
            int size = 0;
            try (As2Sender sender = new As2Sender(camel)) {
                for (int r = 0; r <= runs; r++) { // run 0 warms up
                    long b0 = System.nanoTime();
                    byte[] document = builder.build(shipment, ExampleShipment.buyer(), DocumentIdentity.create(
                            Clock.systemUTC()));
                    long b1 = System.nanoTime();
                    As2Outcome outcome = sender.send(profile, document);
                    long b2 = System.nanoTime();
                    if (!outcome.acknowledged()) {
                        throw new IllegalStateException("not acknowledged: " + outcome);
                    }
                    build[r] = (b1 - b0) / 1e6;
                    send[r] = (b2 - b1) / 1e6;
                    size = document.length;
                    System.out.printf(Locale.ROOT, "run %d: build %.0f ms, sign + encrypt + send + MDN %.0f ms%n", r,
                            build[r], send[r]);
                }
            } finally {
                camel.stop();
            }
            double[] b = Arrays.copyOfRange(build, 1, runs + 1);
            double[] s = Arrays.copyOfRange(send, 1, runs + 1);
            Arrays.sort(b);
            Arrays.sort(s);
            System.out.printf(Locale.ROOT, "%n| 10,000-pack shipment, %d runs after one warm-up | median | min | max |%n",
                    runs);
            System.out.println("|---|---:|---:|---:|");
            System.out.printf(Locale.ROOT, "| Build the DSCSA document from the store (%,d bytes) | %.0f ms | %.0f ms |"
                    + " %.0f ms |%n", size, b[runs / 2], b[0], b[runs - 1]);
            System.out.printf(Locale.ROOT, "| Sign, encrypt, send over AS2, verify the MDN | %.0f ms | %.0f ms |"
                    + " %.0f ms |%n", s[runs / 2], s[0], s[runs - 1]);
            System.out.printf(Locale.ROOT, "| Together | %.0f ms | | |%n", b[runs / 2] + s[runs / 2]);
        }
        System.exit(0);
    }
}
