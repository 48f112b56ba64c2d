package io.tracewell.trace.serial;

import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.SourceLocation;
import java.util.List;

/**
 * A request for serials that cannot be served as asked: a member is missing or malformed, or the service refuses
 * it (the guessing probability would not stay below the bound, a sequential width has no numbers left). Each error
 * names the member by its JSON pointer and says what was expected; nothing was issued.
 */
public final class SerializationRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ProblemError> errors;

    public SerializationRequestException(List<ProblemError> errors) {
        super(summary(errors), null, false, false);
        this.errors = List.copyOf(errors);
        if (this.errors.isEmpty()) {
            throw new IllegalArgumentException("a refused request has at least one error");
        }
    }

    /** One error at the member {@code pointer} (RFC 6901). */
    public static SerializationRequestException at(String pointer, String message, String expected) {
        return new SerializationRequestException(List.of(error(pointer, message, expected)));
    }

    static ProblemError error(String pointer, String message, String expected) {
        return new ProblemError(SourceLocation.of(0, 0, pointer), message, expected);
    }

    public List<ProblemError> errors() {
        return errors;
    }

    private static String summary(List<ProblemError> errors) {
        StringBuilder sb = new StringBuilder();
        for (ProblemError e : errors) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.location()).append(": ").append(e.message());
        }
        return sb.toString();
    }
}
