package io.tracewell.epcis.capture.job;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A fast first look at a capture document while it arrives: is it well-formed, is it an EPCIS document, and how
 * many events does it hold. It runs before the {@code 202}, so that a document over the event limit gets its
 * {@code 413} and a document that is not even well-formed its {@code 400} at once; the full validation is the
 * job's. Nothing is built: events are counted, not read.
 */
public final class DocumentScanner {

    private static final JsonFactory JSON = new JsonFactory();
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private DocumentScanner() {}

    /** Why a document was refused by the scan. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient SourceLocation location;
        private final String expected;
        private final boolean overLimit;

        Refused(SourceLocation location, String message, String expected, boolean overLimit) {
            super(message, null, false, false);
            this.location = location;
            this.expected = expected;
            this.overLimit = overLimit;
        }

        public SourceLocation location() {
            return location;
        }

        public String expected() {
            return expected;
        }

        /** True when the document holds more events than allowed (413), false when it is malformed (400). */
        public boolean overLimit() {
            return overLimit;
        }
    }

    /**
     * Reads {@code in} to its end and returns the number of events.
     *
     * @throws Refused when the document is malformed, not an EPCISDocument or EPCISQueryDocument, or holds more
     *                 than {@code maxEvents} events (checked as they are counted: reading stops there)
     * @throws IOException when {@code in} fails
     */
    public static long scan(InputStream in, Format format, long maxEvents) throws Refused, IOException {
        return format == Format.XML ? scanXml(in, maxEvents) : scanJson(in, maxEvents);
    }

    private static long scanJson(InputStream in, long maxEvents) throws Refused, IOException {
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new Refused(at(p.currentTokenLocation(), ""), first == null ? "the document is empty"
                        : "the document is not a JSON object", "an EPCISDocument or EPCISQueryDocument object", false);
            }
            Deque<String> path = new ArrayDeque<>();
            long events = 0;
            boolean sawBody = false;
            // Walks the object members; descends only into epcisBody, queryResults and resultsBody.
            path.push("");
            while (!path.isEmpty()) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw new Refused(at(p.currentLocation(), null), "the document ends early",
                            "a complete JSON object", false);
                }
                if (t == JsonToken.END_OBJECT) {
                    path.pop();
                    continue;
                }
                String name = p.currentName();
                String here = path.peek() + "/" + name;
                JsonToken value = p.nextToken();
                boolean descend = value == JsonToken.START_OBJECT && (here.equals("/epcisBody")
                        || here.equals("/epcisBody/queryResults") || here.equals("/epcisBody/queryResults/resultsBody"));
                if (here.equals("/epcisBody")) {
                    sawBody = true;
                }
                if (descend) {
                    path.push(here);
                } else if (value == JsonToken.START_ARRAY && (here.equals("/epcisBody/eventList")
                        || here.equals("/epcisBody/queryResults/resultsBody/eventList"))) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        events++;
                        if (events > maxEvents) {
                            throw new Refused(at(p.currentTokenLocation(), here + "/" + (events - 1)),
                                    "the document holds more than " + maxEvents + " events",
                                    "at most " + maxEvents + " events per capture (GS1-EPCIS-Capture-Limit)", true);
                        }
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new Refused(at(p.currentTokenLocation(), null), "content after the end of the JSON document",
                        "a single JSON object", false);
            }
            if (!sawBody) {
                throw new Refused(SourceLocation.of(1, 1, ""), "the document has no epcisBody",
                        "an EPCISDocument or EPCISQueryDocument with epcisBody", false);
            }
            return events;
        } catch (JsonProcessingException e) {
            throw new Refused(at(e.getLocation(), null), "malformed JSON: " + e.getOriginalMessage(),
                    "well-formed JSON (RFC 8259)", false);
        }
    }

    private static long scanXml(InputStream in, long maxEvents) throws Refused, IOException {
        XMLStreamReader r = null;
        try {
            r = XML.createXMLStreamReader(in);
            int depth = 0;
            int eventListDepth = -1;
            long events = 0;
            boolean rootChecked = false;
            boolean inExtension = false;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.DTD && r.getText() != null && r.getText().contains("[")) {
                    throw new Refused(at(r.getLocation()), "the document has a DTD with declarations",
                            "no DTD (EPCIS documents do not use one)", false);
                }
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (!rootChecked) {
                        rootChecked = true;
                        String root = r.getLocalName();
                        if (!root.equals("EPCISDocument") && !root.equals("EPCISQueryDocument")) {
                            throw new Refused(at(r.getLocation()), "the root element is " + root,
                                    "epcis:EPCISDocument or epcis:EPCISQueryDocument", false);
                        }
                    }
                    if (eventListDepth < 0 && r.getLocalName().equals("EventList")) {
                        eventListDepth = depth;
                    } else if (eventListDepth > 0 && (depth == eventListDepth + 1
                            || depth == eventListDepth + 2 && inExtension)) {
                        if (depth == eventListDepth + 1 && r.getLocalName().equals("extension")) {
                            inExtension = true;
                        } else {
                            events++;
                            if (events > maxEvents) {
                                throw new Refused(at(r.getLocation()), "the document holds more than " + maxEvents
                                        + " events", "at most " + maxEvents
                                        + " events per capture (GS1-EPCIS-Capture-Limit)", true);
                            }
                        }
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    if (depth == eventListDepth + 1 && inExtension) {
                        inExtension = false;
                    }
                    if (depth == eventListDepth) {
                        eventListDepth = -2; // one event list per document
                    }
                    depth--;
                }
            }
            if (!rootChecked) {
                throw new Refused(SourceLocation.of(1, 1, null), "the document has no root element",
                        "epcis:EPCISDocument or epcis:EPCISQueryDocument", false);
            }
            return events;
        } catch (XMLStreamException e) {
            Location l = e.getLocation();
            String message = e.getMessage();
            int marker = message == null ? -1 : message.indexOf("Message: ");
            throw new Refused(l == null ? SourceLocation.NONE : SourceLocation.of(l.getLineNumber(),
                    l.getColumnNumber(), null), "malformed XML: " + (marker >= 0 ? message.substring(marker + 9)
                    : message), "well-formed XML 1.0", false);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // the stream is the caller's
                }
            }
        }
    }

    private static SourceLocation at(JsonLocation l, String pointer) {
        return l == null ? SourceLocation.NONE : SourceLocation.of(l.getLineNr(), l.getColumnNr(), pointer);
    }

    private static SourceLocation at(Location l) {
        return SourceLocation.of(l.getLineNumber(), l.getColumnNumber(), null);
    }
}
