package io.tracewell.epcis.capture.job;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.format.SourceLocation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The errors of a capture job as stored in {@code capture_job.errors}: a JSON array of RFC 7807 problems with
 * the members {@code eventIndex}, {@code pointer}, {@code line}, {@code column} and {@code expected} added.
 * At most {@link #MAX_LISTED} are kept; one more entry then says how many were left out.
 */
public final class CaptureErrors {

    public static final int MAX_LISTED = 1000;

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CaptureErrors() {}

    /** The stored form; {@code more} errors beyond the list were found but not kept. */
    public static String toJson(List<CaptureError> errors, int more, String instance) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (CaptureError error : errors) {
                g.writeStartObject();
                g.writeStringField("type", error.exception().type());
                g.writeStringField("title", error.exception().title());
                g.writeNumberField("status", error.exception().status());
                g.writeStringField("detail", error.detail());
                g.writeStringField("instance", instance);
                if (error.eventIndex() != null) {
                    g.writeNumberField("eventIndex", error.eventIndex());
                }
                SourceLocation at = error.location();
                if (at.pointer() != null) {
                    g.writeStringField("pointer", at.pointer());
                }
                if (at.line() > 0) {
                    g.writeNumberField("line", at.line());
                    g.writeNumberField("column", at.column());
                }
                if (error.expected() != null) {
                    g.writeStringField("expected", error.expected());
                }
                g.writeEndObject();
            }
            if (more > 0) {
                g.writeStartObject();
                g.writeStringField("type", EpcisExceptionType.VALIDATION.type());
                g.writeStringField("title", EpcisExceptionType.VALIDATION.title());
                g.writeNumberField("status", EpcisExceptionType.VALIDATION.status());
                g.writeStringField("detail", more + " more error(s) were found and are not listed");
                g.writeStringField("instance", instance);
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The errors of the stored form back (a resumed job goes on with the errors it had committed). The entry
     * that counts errors left out is returned as {@code more}, not as an error.
     */
    public static Restored restore(String json) {
        List<CaptureError> errors = new ArrayList<>();
        int more = 0;
        for (JsonNode problem : read(json)) {
            String detail = problem.path("detail").asText("");
            if (!problem.has("eventIndex") && !problem.has("pointer") && !problem.has("line")
                    && detail.endsWith(" more error(s) were found and are not listed")) {
                more += Integer.parseInt(detail.substring(0, detail.indexOf(' ')));
                continue;
            }
            EpcisExceptionType exception = EpcisExceptionType.VALIDATION;
            for (EpcisExceptionType t : EpcisExceptionType.values()) {
                if (t.type().equals(problem.path("type").asText())) {
                    exception = t;
                }
            }
            Integer eventIndex = problem.has("eventIndex") ? problem.get("eventIndex").asInt() : null;
            String prefix = eventIndex == null ? "document: " : "event " + eventIndex + ": ";
            String message = detail.startsWith(prefix) ? detail.substring(prefix.length()) : detail;
            SourceLocation at = SourceLocation.of(problem.path("line").asInt(0), problem.path("column").asInt(0),
                    problem.has("pointer") ? problem.get("pointer").asText() : null);
            errors.add(new CaptureError(exception, eventIndex, at, message,
                    problem.has("expected") ? problem.get("expected").asText() : null));
        }
        return new Restored(errors, more);
    }

    /** Errors read back from the stored form, and how many more were not listed. */
    public record Restored(List<CaptureError> errors, int more) {}

    /** The stored problems as JSON objects, in order; none for null. */
    public static List<JsonNode> read(String json) {
        List<JsonNode> problems = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return problems;
        }
        try {
            MAPPER.readTree(json).forEach(problems::add);
        } catch (IOException e) {
            throw new UncheckedIOException("stored capture errors are not JSON", e);
        }
        return problems;
    }
}
