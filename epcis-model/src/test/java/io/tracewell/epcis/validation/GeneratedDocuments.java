package io.tracewell.epcis.validation;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.InputStream;
import java.util.function.IntFunction;

/**
 * Large documents produced on the fly, event by event, so that a test can validate far more data than it
 * ever holds in memory.
 */
final class GeneratedDocuments {

    private GeneratedDocuments() {
    }

    static final String XML_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2024-03-01T10:00:00Z">
            <EPCISBody>
            <EventList>
            """;
    static final int XML_HEAD_LINES = 4;

    /** One ObjectEvent per line; event {@code badIndex} has action MOVE. */
    static InputStream xml(int events, int badIndex) {
        return new Generated(XML_HEAD, "</EventList>\n</EPCISBody>\n</epcis:EPCISDocument>\n", events, i ->
                "<ObjectEvent><eventTime>2024-03-01T09:30:00Z</eventTime><eventTimeZoneOffset>+01:00</eventTimeZoneOffset>"
                        + "<epcList><epc>urn:epc:id:sgtin:4012345.011111." + i + "</epc></epcList>"
                        + "<action>" + (i == badIndex ? "MOVE" : "OBSERVE") + "</action></ObjectEvent>\n");
    }

    /** One ObjectEvent per line; event {@code badIndex} has action MOVE. */
    static InputStream json(int events, int badIndex) {
        String head = "{\"@context\": \"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\",\n"
                + "\"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\", \"creationDate\": \"2024-03-01T10:00:00Z\",\n"
                + "\"epcisBody\": {\"eventList\": [\n";
        return new Generated(head, "]}}\n", events, i ->
                (i == 0 ? "" : ",") + "{\"type\": \"ObjectEvent\", \"eventTime\": \"2024-03-01T09:30:00Z\","
                        + " \"eventTimeZoneOffset\": \"+01:00\", \"epcList\": [\"urn:epc:id:sgtin:4012345.011111." + i
                        + "\"], \"action\": \"" + (i == badIndex ? "MOVE" : "OBSERVE") + "\"}\n");
    }

    /** Head, then {@code count} generated parts, then tail; each part is made when it is read. */
    private static final class Generated extends InputStream {
        private final IntFunction<String> part;
        private final int count;
        private final String tail;
        private byte[] current;
        private int position;
        private int next;
        private boolean tailDone;

        Generated(String head, String tail, int count, IntFunction<String> part) {
            this.part = part;
            this.count = count;
            this.tail = tail;
            this.current = head.getBytes(UTF_8);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            while (position == current.length) {
                if (next < count) {
                    current = part.apply(next++).getBytes(UTF_8);
                } else if (!tailDone) {
                    current = tail.getBytes(UTF_8);
                    tailDone = true;
                } else {
                    return -1;
                }
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
