package io.tracewell.epcis.format.xml12;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TransformationEvent;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large document, generated while it is read (it never exists as a whole), is read one event at a time: the
 * reader takes only a little of the input ahead of the event it returns, keeps no event it has returned, and every
 * event comes out right. The DSCSA-sized run has 100,000 events ({@code -Depcis12.largeDocumentEvents=100000});
 * the default keeps the build quick.
 */
class Epcis12XmlReaderStreamingTest {
    private static final int EVENTS = Integer.getInteger("epcis12.largeDocumentEvents", 20_000);
    /** How many events the reader may have taken from the input beyond the one it returns (parser buffers). */
    private static final int MAX_LEAD = 200;
    private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");

    @Test
    void aLargeDocumentIsReadOneEventAtATime() {
        GeneratedDocument document = new GeneratedDocument(EVENTS);
        List<WeakReference<EpcisEvent>> returned = new ArrayList<>();
        int count = 0;
        int maxLead = 0;
        try (Epcis12XmlReader reader = new Epcis12XmlReader(document)) {
            assertThat(reader.header12().sbdh()).isEqualTo(Epcis12TestSupport.sbdh());
            assertThat(document.generated()).as("events generated when the header is known").isLessThan(MAX_LEAD);
            EpcisEvent event;
            while ((event = reader.next()) != null) {
                check(event, count);
                maxLead = Math.max(maxLead, document.generated() - (count + 1));
                if (count % 1000 == 0) {
                    returned.add(new WeakReference<>(event));
                }
                count++;
            }
        }
        assertThat(count).isEqualTo(EVENTS);
        assertThat(document.generated()).isEqualTo(EVENTS);
        assertThat(maxLead).as("events taken from the input ahead of the one returned").isLessThan(MAX_LEAD);
        assertThat(collected(returned)).as("events the reader still holds after returning them").isZero();
    }

    /** Event {@code i} is what {@link GeneratedDocument} wrote for it. */
    private static void check(EpcisEvent event, int i) {
        assertThat(event.eventID()).isEqualTo(eventId(i));
        assertThat(event.eventTime()).isEqualTo(EpcisTime.parse(START.plusSeconds(i).toString()));
        switch (i % 100 == 99 ? 2 : i % 10 == 9 ? 1 : 0) {
            case 0 -> {
                ObjectEvent o = (ObjectEvent) event;
                assertThat(o.action()).isEqualTo(Action.OBSERVE);
                assertThat(o.epcList()).containsExactly(sgtin(i));
                assertThat(o.bizStep()).isEqualTo(BizStep.SHIPPING);
                assertThat(o.where().sourceList()).containsExactly(
                        new SourceDest(SourceDestType.OWNING_PARTY, "urn:epc:id:sgln:0614141.00000.0"));
            }
            case 1 -> {
                AggregationEvent a = (AggregationEvent) event;
                assertThat(a.parentID()).isEqualTo("urn:epc:id:sscc:0614141." + String.format("%010d", i));
                assertThat(a.childEPCs()).containsExactly(sgtin(i - 1), sgtin(i - 2));
                assertThat(a.bizStep()).isEqualTo(BizStep.PACKING);
            }
            default -> {
                TransformationEvent t = (TransformationEvent) event;
                assertThat(t.inputEPCList()).containsExactly(sgtin(i - 1));
                assertThat(t.outputEPCList()).containsExactly(sgtin(i));
            }
        }
    }

    /** How many of the weakly held events are still reachable once the garbage collector has run. */
    private static long collected(List<WeakReference<EpcisEvent>> returned) {
        long alive = returned.size();
        for (int attempt = 0; attempt < 20 && alive > 0; attempt++) {
            System.gc();
            alive = returned.stream().filter(r -> r.get() != null).count();
            if (alive > 0) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return alive;
    }

    private static String eventId(int i) {
        return String.format("urn:uuid:3b0f7c2e-0000-4000-8000-%012d", i);
    }

    private static String sgtin(int i) {
        return "urn:epc:id:sgtin:0614141.010734." + i;
    }

    /**
     * An EPCIS 1.2 document of {@code events} events, produced as it is read: the header, then one event per
     * chunk (every tenth an AggregationEvent, every hundredth a TransformationEvent), then the end.
     */
    static final class GeneratedDocument extends InputStream {
        private final int events;
        private int generated;
        private boolean ended;
        private byte[] chunk;
        private int position;

        GeneratedDocument(int events) {
            this.events = events;
            byte[] header = Epcis12TestSupport.write(Epcis12Header.of(Epcis12TestSupport.T,
                    Epcis12TestSupport.sbdh()), List.of());
            String text = new String(header, StandardCharsets.UTF_8);
            // the writer's empty document up to the open event list
            this.chunk = (text.substring(0, text.indexOf("<EventList")) + "<EventList>")
                    .getBytes(StandardCharsets.UTF_8);
        }

        /** How many events have been produced so far. */
        int generated() {
            return generated;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            while (chunk != null && position == chunk.length) {
                chunk = nextChunk();
                position = 0;
            }
            if (chunk == null) {
                return -1;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }

        private byte[] nextChunk() {
            if (generated < events) {
                return event(generated++).getBytes(StandardCharsets.UTF_8);
            }
            if (!ended) {
                ended = true;
                return "</EventList></EPCISBody></epcis:EPCISDocument>\n".getBytes(StandardCharsets.UTF_8);
            }
            return null;
        }

        private static String event(int i) {
            String head = "<eventTime>" + START.plusSeconds(i) + "</eventTime><eventTimeZoneOffset>+00:00"
                    + "</eventTimeZoneOffset><baseExtension><eventID>" + eventId(i) + "</eventID></baseExtension>";
            if (i % 100 == 99) {
                return "\n<extension><TransformationEvent>" + head + "<inputEPCList><epc>" + sgtin(i - 1)
                        + "</epc></inputEPCList><outputEPCList><epc>" + sgtin(i) + "</epc></outputEPCList>"
                        + "<bizStep>urn:epcglobal:cbv:bizstep:repackaging</bizStep></TransformationEvent></extension>";
            }
            if (i % 10 == 9) {
                return "\n<AggregationEvent>" + head + "<parentID>urn:epc:id:sscc:0614141." + String.format("%010d", i)
                        + "</parentID><childEPCs><epc>" + sgtin(i - 1) + "</epc><epc>" + sgtin(i - 2)
                        + "</epc></childEPCs><action>ADD</action><bizStep>urn:epcglobal:cbv:bizstep:packing</bizStep>"
                        + "<readPoint><id>urn:epc:id:sgln:0614141.00000.12</id></readPoint></AggregationEvent>";
            }
            return "\n<ObjectEvent>" + head + "<epcList><epc>" + sgtin(i) + "</epc></epcList><action>OBSERVE</action>"
                    + "<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep><disposition>"
                    + "urn:epcglobal:cbv:disp:in_transit</disposition><readPoint><id>urn:epc:id:sgln:0614141.00000.12"
                    + "</id></readPoint><extension><sourceList><source type=\"urn:epcglobal:cbv:sdt:owning_party\">"
                    + "urn:epc:id:sgln:0614141.00000.0</source></sourceList></extension></ObjectEvent>";
        }
    }
}
