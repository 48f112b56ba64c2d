package io.tracewell.server.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Small capture documents for the HTTP tests: ObjectEvents with explicit eventIDs and distinct EPCs, so that
 * each test's events can be looked up by ID and never collide with another test's. One event can be made
 * invalid: its action is {@code SHIP}, which the schema does not allow, while the document stays well-formed.
 */
final class TestDocuments {

    static final String INVALID_ACTION = "SHIP";

    private TestDocuments() {}

    /** {@code count} fresh eventIDs ({@code urn:uuid:...}). */
    static List<String> eventIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("urn:uuid:" + UUID.randomUUID());
        }
        return ids;
    }

    /** A serial that no other event of the run uses. */
    private static String epc(String eventID) {
        return "urn:epc:id:sgtin:4012345.011111." + Long.toUnsignedString(
                UUID.fromString(eventID.substring("urn:uuid:".length())).getLeastSignificantBits() & 0xffffffffffL);
    }

    static String jsonEvent(String eventID, String action) {
        return """
                    {
                      "type": "ObjectEvent",
                      "eventTime": "2024-03-01T11:00:00.000+01:00",
                      "eventTimeZoneOffset": "+01:00",
                      "eventID": "%s",
                      "epcList": ["%s"],
                      "action": "%s",
                      "bizStep": "shipping",
                      "disposition": "in_transit",
                      "readPoint": {"id": "urn:epc:id:sgln:4012345.00001.0"}
                    }""".formatted(eventID, epc(eventID), action);
    }

    /** A JSON-LD EPCISDocument with one event per ID; the event at {@code invalidIndex} (or none: -1) is invalid. */
    static String jsonDocument(List<String> eventIDs, int invalidIndex) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < eventIDs.size(); i++) {
            events.add(jsonEvent(eventIDs.get(i), i == invalidIndex ? INVALID_ACTION : "OBSERVE"));
        }
        return """
                {
                  "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                  "type": "EPCISDocument",
                  "schemaVersion": "2.0",
                  "creationDate": "2024-03-01T10:00:00Z",
                  "epcisBody": {
                    "eventList": [
                %s
                    ]
                  }
                }
                """.formatted(String.join(",\n", events));
    }

    static String xmlEvent(String eventID, String action) {
        return """
                      <ObjectEvent>
                        <eventTime>2024-03-01T11:00:00+01:00</eventTime>
                        <eventTimeZoneOffset>+01:00</eventTimeZoneOffset>
                        <eventID>%s</eventID>
                        <epcList><epc>%s</epc></epcList>
                        <action>%s</action>
                        <bizStep>urn:epcglobal:cbv:bizstep:receiving</bizStep>
                        <readPoint><id>urn:epc:id:sgln:4012345.00002.0</id></readPoint>
                      </ObjectEvent>
                """.formatted(eventID, epc(eventID), action);
    }

    /** An XML EPCISDocument with one event per ID; the event at {@code invalidIndex} (or none: -1) is invalid. */
    static String xmlDocument(List<String> eventIDs, int invalidIndex) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < eventIDs.size(); i++) {
            events.append(xmlEvent(eventIDs.get(i), i == invalidIndex ? INVALID_ACTION : "OBSERVE"));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                    creationDate="2024-03-01T10:00:00Z">
                  <EPCISBody>
                    <EventList>
                %s    </EventList>
                  </EPCISBody>
                </epcis:EPCISDocument>
                """.formatted(events);
    }

    /** The 1-based line on which {@code text} starts in {@code document}. */
    static int lineOf(String document, String text) {
        int at = document.indexOf(text);
        if (at < 0) {
            throw new IllegalArgumentException(text + " is not in the document");
        }
        return (int) document.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
