package io.tracewell.epcis.format.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reader and writer stream: a 200,000-event document is generated while it is read, and the reader never
 * gets far ahead of the event it hands out; the writer passes bytes on while events are still coming.
 */
class JsonLdStreamingTest {
    private static final int EVENTS = 200_000;
    private static final int WRITTEN = 50_000;

    /** Produces the document piece by piece and counts what the reader has taken so far. */
    private static final class GeneratedDocument extends InputStream {
        private final int events;
        private byte[] chunk = ("{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\", "
                + "{\"ex\": \"https://ns.example.com/epcis/\"}], \"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\", "
                + "\"creationDate\": \"2024-03-01T00:00:00Z\", \"epcisBody\": {\"eventList\": [")
                .getBytes(StandardCharsets.UTF_8);
        private int pos;
        private int next;
        private boolean ended;
        long produced;

        GeneratedDocument(int events) {
            this.events = events;
        }

        private static String event(int i) {
            return (i == 0 ? "" : ",") + "{\"type\": \"ObjectEvent\", \"eventTime\": \"2024-03-01T08:00:00.000Z\", "
                    + "\"eventTimeZoneOffset\": \"+00:00\", \"epcList\": [\"urn:epc:id:sgtin:4012345.011111." + i
                    + "\"], \"action\": \"OBSERVE\", \"bizStep\": \"shipping\", \"ex:seq\": " + i + "}";
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == chunk.length) {
                if (next < events) {
                    chunk = event(next++).getBytes(StandardCharsets.UTF_8);
                } else if (!ended) {
                    chunk = "]}}".getBytes(StandardCharsets.UTF_8);
                    ended = true;
                } else {
                    return -1;
                }
                pos = 0;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            produced += n;
            return n;
        }
    }

    @Test
    void readsTwoHundredThousandEventsWithoutReadingAhead() {
        GeneratedDocument in = new GeneratedDocument(EVENTS);
        int eventSize = GeneratedDocument.event(EVENTS - 1).length();
        try (JsonLdEventReader reader = new JsonLdEventReader(in)) {
            assertThat(reader.header().creationDate()).isEqualTo(EpcisTime.parse("2024-03-01T00:00:00Z"));
            long count = 0;
            long maxAhead = 0;
            long outOfOrder = -1;
            EpcisEvent e;
            while ((e = reader.next()) != null) {
                if (outOfOrder < 0 && !((ObjectEvent) e).epcList().get(0).endsWith("." + count)) {
                    outOfOrder = count;
                }
                // How far the input has been taken beyond the events handed out so far.
                maxAhead = Math.max(maxAhead, in.produced - (count + 1) * eventSize);
                count++;
            }
            assertThat(count).isEqualTo(EVENTS);
            assertThat(outOfOrder).as("first event out of order").isEqualTo(-1);
            // The parser's input buffer is a few kilobytes; the rest of the document was not yet produced.
            assertThat(maxAhead).as("bytes read ahead of the current event").isLessThan(64 * 1024);
            assertThat(reader.lastEventLocation().pointer()).isEqualTo("/epcisBody/eventList/" + (EVENTS - 1));
            assertThat(in.produced).isGreaterThan((long) EVENTS * (eventSize - 10));
        }
    }

    @Test
    void writesWhileEventsAreStillComing() {
        long[] received = new long[1];
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                received[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                received[0] += len;
            }
        };
        EpcisEvent template = JsonLdEventReader.readEvent(
                new ByteArrayInputStream(JsonLd.resourceBytes("standalone-event.jsonld")));
        try (JsonLdEventWriter writer = new JsonLdEventWriter(sink)) {
            writer.begin(DocumentHeader.document(EpcisTime.parse("2024-03-01T00:00:00Z"),
                    new Namespaces(Map.of("example", "http://ns.example.com/epcis/"))));
            long afterHalf = 0;
            for (int i = 0; i < WRITTEN; i++) {
                writer.write(template);
                if (i == WRITTEN / 2) {
                    afterHalf = received[0];
                }
            }
            writer.end();
            assertThat(afterHalf).as("bytes passed on halfway").isGreaterThan(received[0] / 3);
            assertThat(received[0] - afterHalf).isGreaterThan(received[0] / 3);
        }
    }
}
