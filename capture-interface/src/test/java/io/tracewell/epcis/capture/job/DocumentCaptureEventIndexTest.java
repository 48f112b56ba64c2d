package io.tracewell.epcis.capture.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which event a validation error belongs to. */
class DocumentCaptureEventIndexTest {

    @Test
    void jsonErrorsAreAssignedByTheirPointer() {
        assertThat(index(SourceLocation.of(3, 4, "/epcisBody/eventList/12/epcList/0"))).isEqualTo(12);
        assertThat(index(SourceLocation.of(3, 4, "/epcisBody/eventList/7"))).isEqualTo(7);
        assertThat(index(SourceLocation.of(3, 4, "/epcisBody/queryResults/resultsBody/eventList/1/type"))).isEqualTo(1);
        assertThat(index(SourceLocation.of(1, 1, "/epcisHeader/epcisMasterData"))).isNull();
        assertThat(index(SourceLocation.of(1, 1, "/epcisBody/eventList"))).as("the list itself").isNull();
        assertThat(index(SourceLocation.NONE)).isNull();
    }

    @Test
    void xmlErrorsAreAssignedToTheLastEventStartingBeforeThem() {
        List<SourceLocation> starts = List.of(SourceLocation.of(10, 5), SourceLocation.of(20, 5),
                SourceLocation.of(20, 60), SourceLocation.of(31, 1));
        assertThat(DocumentCapture.eventIndex(SourceLocation.of(9, 80), Format.XML, starts)).as("header").isNull();
        assertThat(DocumentCapture.eventIndex(SourceLocation.of(10, 5), Format.XML, starts)).isEqualTo(0);
        assertThat(DocumentCapture.eventIndex(SourceLocation.of(19, 2), Format.XML, starts)).isEqualTo(0);
        assertThat(DocumentCapture.eventIndex(SourceLocation.of(20, 59), Format.XML, starts)).isEqualTo(1);
        assertThat(DocumentCapture.eventIndex(SourceLocation.of(20, 61), Format.XML, starts)).isEqualTo(2);
        assertThat(DocumentCapture.eventIndex(SourceLocation.of(40, 1), Format.XML, starts)).isEqualTo(3);
        assertThat(DocumentCapture.eventIndex(SourceLocation.of(40, 1), Format.XML, List.of())).isNull();
    }

    private static Integer index(SourceLocation at) {
        return DocumentCapture.eventIndex(at, Format.JSON_LD, List.of());
    }
}
