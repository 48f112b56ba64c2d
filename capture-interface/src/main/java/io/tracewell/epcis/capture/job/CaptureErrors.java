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
