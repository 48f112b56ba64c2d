package io.tracewell.epcis.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.model.EpcisEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link EpcisEventReader#skip()} passes over an event that could not be read, and the reader goes on. */
class EventReaderSkipTest {

    private static final String JSON = """
            {"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
             "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-01-01T00:00:00Z",
             "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "eventTime": "2024-01-01T00:00:01Z", "eventTimeZoneOffset": "+00:00",
                "action": "OBSERVE", "epcList": ["urn:epc:id:sgtin:0614141.107346.1"]},
               {"type": "ObjectEvent", "eventTime": "not a time", "eventTimeZoneOffset": "+00:00",
                "action": "OBSERVE", "epcList": [{"nested": [1, 2, {"deep": true}]}]},
               {"type": "ObjectEvent", "eventTime": "2024-01-01T00:00:03Z", "eventTimeZoneOffset": "+00:00",
                "action": "ADD", "epcList": ["urn:epc:id:sgtin:0614141.107346.3"]}
             ]}}
            """;

    private static final String XML = """
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                creationDate="2024-01-01T00:00:00Z">
              <EPCISBody><EventList>
                <ObjectEvent><eventTime>2024-01-01T00:00:01Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
                  <epcList><epc>urn:epc:id:sgtin:0614141.107346.1</epc></epcList><action>OBSERVE</action></ObjectEvent>
                <ObjectEvent><eventTime>not a time</eventTime><bogus><deeper>x</deeper></bogus></ObjectEvent>
                <ObjectEvent><eventTime>2024-01-01T00:00:03Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
                  <epcList><epc>urn:epc:id:sgtin:0614141.107346.3</epc></epcList><action>ADD</action></ObjectEvent>
              </EventList></EPCISBody>
            </epcis:EPCISDocument>
            """;

    @Test
    void jsonSkipsTheSecondEvent() {
        assertSkipsSecond(Format.JSON_LD, JSON, "/epcisBody/eventList/1");
    }

    @Test
    void xmlSkipsTheSecondEvent() {
        assertSkipsSecond(Format.XML, XML, null);
    }

    @Test
    void readingTheBadEventFailsWithoutSkip() {
        for (Format format : Format.values()) {
            try (EpcisEventReader reader = reader(format, format == Format.XML ? XML : JSON)) {
                reader.next();
                assertThatThrownBy(reader::next).isInstanceOf(EpcisFormatException.class);
            }
        }
    }

    @Test
    void skipAtTheEndReturnsFalse() {
        for (Format format : Format.values()) {
            try (EpcisEventReader reader = reader(format, format == Format.XML ? XML : JSON)) {
                assertThat(reader.skip()).isTrue();
                assertThat(reader.skip()).isTrue();
                assertThat(reader.skip()).isTrue();
                assertThat(reader.skip()).isFalse();
                assertThat(reader.next()).isNull();
            }
        }
    }

    @Test
    void aJsonEventWithWrongFieldsLeavesTheReaderAbleToGoOn() {
        try (EpcisEventReader reader = reader(Format.JSON_LD, JSON)) {
            reader.next();
            assertThatThrownBy(reader::next).isInstanceOf(EpcisFormatException.class);
            assertThat(reader.canContinue()).isTrue();
            assertThat(reader.next().eventTime().instant()).isEqualTo(java.time.Instant.parse("2024-01-01T00:00:03Z"));
        }
    }

    @Test
    void malformedJsonStopsTheReaderForGoodWithTheSameError() {
        String broken = JSON.replace("\"action\": \"ADD\"", "\"action\" \"ADD\"");
        try (EpcisEventReader reader = reader(Format.JSON_LD, broken)) {
            reader.next();
            assertThat(reader.skip()).isTrue();
            EpcisFormatException failure = catchFormatException(reader::next);
            assertThat(reader.canContinue()).isFalse();
            assertThat(failure.getMessage()).contains("malformed JSON");
            // a caller looping over next() gets the same error again, never an event or the end of the list
            assertThat(catchFormatException(reader::next)).isSameAs(failure);
            assertThat(catchFormatException(reader::skip)).isSameAs(failure);
        }
    }

    @Test
    void anXmlEventThatFailsHalfWayStopsTheReader() {
        try (EpcisEventReader reader = reader(Format.XML, XML)) {
            reader.next();
            assertThat(reader.canContinue()).isTrue();
            EpcisFormatException failure = catchFormatException(reader::next);
            assertThat(reader.canContinue()).isFalse();
            assertThat(catchFormatException(reader::skip)).isSameAs(failure);
            assertThat(catchFormatException(reader::next)).isSameAs(failure);
        }
    }

    private static EpcisFormatException catchFormatException(Runnable call) {
        try {
            call.run();
        } catch (EpcisFormatException e) {
            return e;
        }
        throw new AssertionError("no EpcisFormatException");
    }

    private static void assertSkipsSecond(Format format, String text, String pointer) {
        try (EpcisEventReader reader = reader(format, text)) {
            EpcisEvent first = reader.next();
            assertThat(first.eventTime().instant()).isEqualTo(java.time.Instant.parse("2024-01-01T00:00:01Z"));
            assertThat(reader.skip()).isTrue();
            SourceLocation skipped = reader.lastEventLocation();
            assertThat(skipped.line()).isEqualTo(6);
            if (pointer != null) {
                assertThat(skipped.pointer()).isEqualTo(pointer);
            }
            EpcisEvent third = reader.next();
            assertThat(third.eventTime().instant()).isEqualTo(java.time.Instant.parse("2024-01-01T00:00:03Z"));
            assertThat(reader.next()).isNull();
        }
    }

    private static EpcisEventReader reader(Format format, String text) {
        return EpcisFormats.reader(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
