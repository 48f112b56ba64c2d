package io.tracewell.epcis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EventType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticEventsTest {

    @Test
    void theSameIndexGivesTheSameEvent() {
        assertThat(SyntheticEvents.event(12_345)).isEqualTo(SyntheticEvents.event(12_345));
        assertThat(SyntheticEvents.event(12_345)).isNotEqualTo(SyntheticEvents.event(12_365));
    }

    @Test
    void theMixIsAsDocumented() {
        Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
        for (long i = 0; i < 1000; i++) {
            counts.merge(SyntheticEvents.event(i).type(), 1, Integer::sum);
        }
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                EventType.OBJECT_EVENT, 400,
                EventType.AGGREGATION_EVENT, 200,
                EventType.TRANSACTION_EVENT, 150,
                EventType.TRANSFORMATION_EVENT, 100,
                EventType.ASSOCIATION_EVENT, 150));
        long withSensors = LongStream.range(0, 1000)
                .filter(i -> !SyntheticEvents.event(i).sensorElementList().isEmpty()).count();
        assertThat(withSensors).isEqualTo(250);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aGeneratedDocumentReadsBackAsTheGeneratedEvents(Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocumentGenerator.write(format, 60, out);
        try (EpcisEventReader reader = EpcisFormats.reader(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(reader.format()).isEqualTo(format);
            assertThat(reader.header().namespaces().iri("example")).isEqualTo(SyntheticEvents.EXAMPLE_NS);
            long i = 0;
            EpcisEvent event;
            while ((event = reader.next()) != null) {
                assertThat(event).as("event %d", i).isEqualTo(SyntheticEvents.event(i));
                i++;
            }
            assertThat(i).isEqualTo(60);
        }
    }
}
