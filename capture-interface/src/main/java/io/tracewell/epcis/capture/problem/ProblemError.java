package io.tracewell.epcis.capture.problem;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.validation.Violation;
import java.util.Objects;

/**
 * One entry of a validation problem's {@code errors}: where (a JSON pointer for JSON bodies, a line and
 * column for XML, both when known), what is wrong, and what was expected there.
 */
public record ProblemError(SourceLocation location, String message, String expected) {

    public ProblemError {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public static ProblemError of(Violation violation) {
        return new ProblemError(violation.location(), violation.message(), violation.expected());
    }

    public static ProblemError of(EpcisFormatException e) {
        return new ProblemError(e.location(), e.problem(), e.expected());
    }
}
