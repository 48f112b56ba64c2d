package io.tracewell.epcis.hash;

import io.tracewell.epcis.cbv.SensorMeasurementType;
import static io.tracewell.epcis.hash.TestEvents.complex;
import static io.tracewell.epcis.hash.TestEvents.objectEvent;
import static io.tracewell.epcis.hash.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorMetadata;
import io.tracewell.epcis.model.SensorReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Single-threaded throughput of {@link EventHasher#hashId}: pre-hash (canonicalisation of every value, sorting) plus
 * SHA-256, over generated shipping events of realistic size (12 SGTINs, a quantity, transactions, sources and
 * destinations, a sensor element with two reports, ILMD, user extensions), once written the XML way (EPC URIs, CBV
 * URNs) and once the JSON-LD way (Digital Links, bare words). Run as a JUnit test with the {@code benchmark} tag or
 * through {@link #main} (optional argument: seconds to measure per spelling). Reports operations per wall-clock second
 * and per CPU second of the measuring thread (meaningful on a shared machine).
 */
@Tag("benchmark")
class EventHashBenchmark {
    private static final int DISTINCT_EVENTS = 1_000;

    record Rate(double perSecond, double perCpuSecond) {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        run(seconds);
    }

    @Test
    void measure() {
        List<Rate> rates = run(3);
        assertThat(rates).allSatisfy(r -> assertThat(r.perSecond()).isPositive());
    }

    static List<Rate> run(double seconds) {
        ObjectEvent[] urnSpelling = new ObjectEvent[DISTINCT_EVENTS];
        ObjectEvent[] linkSpelling = new ObjectEvent[DISTINCT_EVENTS];
        for (int i = 0; i < DISTINCT_EVENTS; i++) {
            urnSpelling[i] = shipping(i, false);
            linkSpelling[i] = shipping(i, true);
        }
        EventHasher hasher = EventHasher.standard();
        // Correctness first: both spellings of an event give one ID, different events different IDs.
        assertThat(hasher.hashId(linkSpelling[7])).isEqualTo(hasher.hashId(urnSpelling[7]));
        assertThat(hasher.hashId(urnSpelling[8])).isNotEqualTo(hasher.hashId(urnSpelling[7]));

        System.out.printf(Locale.ROOT, "pre-hash of one event: %d characters%n", hasher.preHash(urnSpelling[0]).length());
        Rate urn = throughput(hasher, urnSpelling, seconds);
        Rate link = throughput(hasher, linkSpelling, seconds);
        System.out.printf(Locale.ROOT, "EPC URI / CBV URN spelling:    %,10.0f hash IDs/s (%,10.0f per CPU second)%n",
                urn.perSecond(), urn.perCpuSecond());
        System.out.printf(Locale.ROOT, "Digital Link / bare words:     %,10.0f hash IDs/s (%,10.0f per CPU second)%n",
                link.perSecond(), link.perCpuSecond());
        return List.of(urn, link);
    }

    private static Rate throughput(EventHasher hasher, ObjectEvent[] events, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int sink = 0;
        // Warm-up: let the JIT compile the hot paths before measuring.
        long warmUpEnd = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; System.nanoTime() < warmUpEnd; i++) {
            sink += hasher.hashId(events[i % events.length]).digestHex().charAt(0);
        }
        long count = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                sink += hasher.hashId(events[(int) (count++ % events.length)]).digestHex().charAt(0);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (sink == 42) {
            System.out.println("(unlikely)");
        }
        return new Rate(count / wall, count / cpu);
    }

    /** A shipping event; {@code jsonStyle} writes the same values as a JSON-LD capture usually does. */
    static ObjectEvent shipping(int n, boolean jsonStyle) {
        Instant when = Instant.parse("2024-05-01T08:00:00Z").plusMillis(37_000L * n);
        TestEvents.ObjectEventBuilder b = objectEvent(EpcisTime.of(when).toString(), "+02:00");
        for (int k = 0; k < 12; k++) {
            long serial = 100_000L + 12L * n + k;
            b.epcs(jsonStyle ? "https://id.gs1.org/01/04012345111118/21/" + serial
                    : "urn:epc:id:sgtin:4012345.011111." + serial);
        }
        b.quantity(new QuantityElement(jsonStyle ? "https://id.gs1.org/01/04012345222227/10/LOT-" + (n % 50)
                : "urn:epc:class:lgtin:4012345.022222.LOT-" + (n % 50), new BigDecimal("12.50"), "KGM"));
        b.bizStep(jsonStyle ? "shipping" : "urn:epcglobal:cbv:bizstep:shipping");
        b.disposition(jsonStyle ? "in_transit" : "urn:epcglobal:cbv:disp:in_transit");
        b.readPoint(jsonStyle ? "https://id.gs1.org/414/4012345000054" : "urn:epc:id:sgln:4012345.00005.0");
        b.bizLocation(jsonStyle ? "https://id.gs1.org/414/4012345000016" : "urn:epc:id:sgln:4012345.00001.0");
        b.bizTransaction(jsonStyle ? "po" : "urn:epcglobal:cbv:btt:po", "urn:epcglobal:cbv:bt:4012345000009:PO-" + n);
        b.bizTransaction(jsonStyle ? "desadv" : "urn:epcglobal:cbv:btt:desadv",
                "urn:epcglobal:cbv:bt:4012345000009:ASN-" + n);
        String sdt = jsonStyle ? "" : "urn:epcglobal:cbv:sdt:";
        b.source(sdt + "owning_party", jsonStyle ? "https://id.gs1.org/417/4012345000009" : "urn:epc:id:pgln:4012345.00000");
        b.source(sdt + "location", jsonStyle ? "https://id.gs1.org/414/4012345000016" : "urn:epc:id:sgln:4012345.00001.0");
        b.destination(sdt + "owning_party",
                jsonStyle ? "https://id.gs1.org/417/0614141000005" : "urn:epc:id:pgln:0614141.00000");
        b.destination(sdt + "location",
                jsonStyle ? "https://id.gs1.org/414/0614141000012" : "urn:epc:id:sgln:0614141.00001.0");
        b.sensor(new SensorElement(
                new SensorMetadata(EpcisTime.of(when.minusSeconds(60)), null, null,
                        jsonStyle ? "https://id.gs1.org/8004/4000001111" : "urn:epc:id:giai:4000001.111",
                        null, null, null, null, List.of()),
                List.of(SensorReport.builder().type(SensorMeasurementType.of(jsonStyle ? "Temperature" : "gs1:Temperature"))
                                .value(new BigDecimal("4.5")).uom("CEL").build(),
                        SensorReport.builder().type(SensorMeasurementType.of(jsonStyle ? "RelativeHumidity" : "gs1:RelativeHumidity"))
                                .value(new BigDecimal(jsonStyle ? "61" : "61.0")).uom("P1").build()),
                List.of()));
        b.ilmd(ExtensionElement.text(new QName("urn:epcglobal:cbv:mda", "lotNumber"), "LOT-" + (n % 50)),
                ExtensionElement.text(new QName("urn:epcglobal:cbv:mda", "bestBeforeDate"), "2024-08-01"));
        b.extension(text("temperatureZone", "chilled"));
        b.extension(complex("shipment", text("carrier", "ACME Logistics"), text("reference", "SHP-" + n)));
        return b.build();
    }
}
