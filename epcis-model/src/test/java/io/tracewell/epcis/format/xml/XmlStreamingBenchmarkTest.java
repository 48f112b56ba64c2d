package io.tracewell.epcis.format.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.model.EpcisEvent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A million events through the reader and the writer, generated and discarded on the fly, so that only the
 * streaming itself holds memory. Run with a small heap to see that it is bounded, e.g.
 * {@code ./mvnw -pl epcis-model test -Dtest=XmlStreamingBenchmarkTest -Dtest.excludedGroups= -DargLine=-Xmx48m}.
 */
@Tag("benchmark")
class XmlStreamingBenchmarkTest {
    private static final int EVENTS = 1_000_000;

    private static final byte[] HEAD = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" xmlns:ex=\"https://ns.example.com/\""
            + " schemaVersion=\"2.0\" creationDate=\"2024-05-01T10:15:30Z\"><EPCISBody><EventList>\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "</EventList></EPCISBody></epcis:EPCISDocument>\n"
            .getBytes(StandardCharsets.UTF_8);

    private static byte[] event(int i) {
        return ("<ObjectEvent><eventTime>2024-05-01T08:15:30.000Z</eventTime>"
                + "<eventTimeZoneOffset>+02:00</eventTimeZoneOffset><eventID>urn:uuid:" + i + "</eventID>"
                + "<epcList><epc>urn:epc:id:sgtin:4012345.011111." + i + "</epc></epcList><action>OBSERVE</action>"
                + "<bizStep>shipping</bizStep><readPoint><id>urn:epc:id:sgln:4012345.00000.1</id></readPoint>"
                + "<sensorElementList><sensorElement><sensorReport type=\"gs1:Temperature\" value=\"4.5\" uom=\"CEL\"/>"
                + "</sensorElement></sensorElementList><ex:f><ex:g>" + i + "</ex:g></ex:f></ObjectEvent>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The document, produced piece by piece as the reader asks for it. */
    private static InputStream document() {
        return new SequenceInputStream(new Enumeration<InputStream>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next <= EVENTS;
            }

            @Override
            public InputStream nextElement() {
                int i = next++;
                byte[] part = i < 0 ? HEAD : i == EVENTS ? TAIL : event(i);
                return new ByteArrayInputStream(part);
            }
        });
    }

    @Test
    void aMillionEventsStreamInBoundedMemory() {
        Runtime rt = Runtime.getRuntime();
        long peak = 0;
        long bytes;
        int count = 0;
        long start = System.nanoTime();
        CountingSink sink = new CountingSink();
        try (XmlEventReader reader = new XmlEventReader(document());
             XmlEventWriter writer = new XmlEventWriter(sink)) {
            writer.begin(reader.header());
            EpcisEvent event;
            while ((event = reader.next()) != null) {
                writer.write(event);
                if (++count % 50_000 == 0) {
                    peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                }
            }
            writer.end();
            bytes = sink.count;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d events read and written in %.1f s (%.0f events/s), %d MB written, peak heap in use"
                + " %d MB of max %d MB%n", count, seconds, count / seconds, bytes >> 20, peak >> 20,
                rt.maxMemory() >> 20);

        assertThat(count).isEqualTo(EVENTS);
        assertThat(bytes).isGreaterThan(400L * EVENTS);
        // The document is several hundred MB; what stays in use must not grow with it.
        assertThat(peak).isLessThan(256L << 20);
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
