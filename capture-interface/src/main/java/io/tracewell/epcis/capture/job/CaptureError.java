package io.tracewell.epcis.capture.job;

import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.format.SourceLocation;
import java.util.Objects;

/**
 * One error of a capture job, shown in the job's {@code errors} as an RFC 7807 problem: which event (its index
 * in the document's event list, from 0; null for the document itself), where in the text, what is wrong and
 * what was expected.
 */
public record CaptureError(EpcisExceptionType exception, Integer eventIndex, SourceLocation location, String message,
                           String expected) {

    public CaptureError {
        Objects.requireNonNull(exception, "exception");
        location = location == null ? SourceLocation.NONE : location;
        Objects.requireNonNull(message, "message");
    }

    public static CaptureError validation(Integer eventIndex, SourceLocation location, String message,
                                          String expected) {
        return new CaptureError(EpcisExceptionType.VALIDATION, eventIndex, location, message, expected);
    }

    /** The problem's {@code detail}: the event named first, then what is wrong. */
    public String detail() {
        return eventIndex == null ? "document: " + message : "event " + eventIndex + ": " + message;
    }
}
