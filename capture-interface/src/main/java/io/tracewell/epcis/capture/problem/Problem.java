package io.tracewell.epcis.capture.problem;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 7807 problem with an EPCIS exception type: what the REST binding answers with on every error.
 *
 * @param exception the EPCIS exception type, which fixes {@code type}, {@code title} and {@code status}
 * @param detail    what went wrong with this request, for people
 * @param instance  the request path the problem is about
 * @param errors    for validation problems, every violation found; empty otherwise
 */
public record Problem(EpcisExceptionType exception, String detail, String instance, List<ProblemError> errors) {

    public Problem {
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(instance, "instance");
        errors = List.copyOf(errors);
    }

    public static Problem of(EpcisExceptionType exception, String detail, String instance) {
        return new Problem(exception, detail, instance, List.of());
    }

    public static Problem validation(String detail, String instance, List<ProblemError> errors) {
        return new Problem(EpcisExceptionType.VALIDATION, detail, instance, errors);
    }

    public String type() {
        return exception.type();
    }

    public String title() {
        return exception.title();
    }

    public int status() {
        return exception.status();
    }
}
