package io.tracewell.epcis.capture;

import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.model.EpcisEvent;
import java.util.List;

/** What became of one event posted to {@code POST /events}. */
public sealed interface CaptureOutcome {

    /** Stored; {@code event} is the event as stored, with its recordTime and eventID. */
    record Captured(EpcisEvent event) implements CaptureOutcome {
        public String eventID() {
            return event.eventID();
        }
    }

    /** Not stored: the body breaks the standard in every way listed. */
    record Invalid(List<ProblemError> errors) implements CaptureOutcome {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid body has at least one error");
            }
        }
    }

    /** Not stored: an event with the same CBV 2.0 hash ID is stored and not declared erroneous. */
    record Duplicate(String hashId) implements CaptureOutcome {}
}
