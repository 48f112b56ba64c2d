package io.tracewell.epcis.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.format.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a JSON/JSON-LD document while it streams in. The events of an event list are read and
 * validated one at a time and then dropped; the rest of the document (its "shell", with the event
 * lists left empty) is validated once at the end. Memory therefore grows with the largest single event
 * and the shell, not with the number of events.
 *
 * <p>Violations are reported in the order they are found: those of each event as it streams past, then
 * those of the document's own fields. A syntax error ends the run.
 *
 * <p>Event lists are streamed where EPCIS puts them: {@code /epcisBody/eventList} and
 * {@code /epcisBody/queryResults/resultsBody/eventList}. A document whose {@code @context} comes after
 * its events (JSON objects are unordered) is handled: the prefix check of those events waits for it.
 */
final class JsonDocumentValidator {

    private static final Set<String> STREAMED_LISTS = Set.of(
            "/epcisBody/eventList", "/epcisBody/queryResults/resultsBody/eventList");
    private static final Set<String> STREAMED_PATHS = Set.of(
            "", "/epcisBody", "/epcisBody/queryResults", "/epcisBody/queryResults/resultsBody");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final JsonSchemas schemas;
    private final JsonSchemaErrors errors;

    JsonDocumentValidator(JsonSchemas schemas) {
        this.schemas = schemas;
        this.errors = new JsonSchemaErrors(schemas.tree);
    }

    void validate(InputStream in, ViolationCollector out) {
        Run run = new Run(out);
        try (JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                out.add(position(parser.currentTokenLocation()),
                        first == null ? "the document is empty" : "the document is not a JSON object",
                        "a JSON object: an EPCISDocument, an EPCISQueryDocument or a single event (EPCIS 2.0 section 10)");
                return;
            }
            ObjectNode shell = run.readObject(parser, Locations.ROOT);
            if (parser.nextToken() != null) {
                out.add(position(parser.currentTokenLocation()), "content after the end of the JSON document",
                        "a single JSON value");
            }
            run.finish(shell);
        } catch (StreamReadException e) {
            out.add(position(e.getLocation()), syntaxMessage(e), syntaxExpectation(e));
        } catch (JsonProcessingException e) {
            out.add(position(e.getLocation()), "malformed JSON: " + e.getOriginalMessage(), "well-formed JSON (RFC 8259)");
        } catch (IOException e) {
            out.add(SourceLocation.NONE, "the document could not be read: " + e.getMessage(),
                    "a readable JSON document");
        }
    }

    /** The state of one validation: the document's @context terms and prefix findings that wait for them. */
    private final class Run {
        private final ViolationCollector out;
        /** Findings of undeclared prefixes met before the root @context, by prefix; each list is capped at
         *  the violation limit, which bounds memory when @context comes last in a large document. */
        private final Map<String, List<JsonLdTerms.Finding>> waitingForContext = new LinkedHashMap<>();
        private Set<String> documentTerms;

        Run(ViolationCollector out) {
            this.out = out;
        }

        ObjectNode readObject(JsonParser parser, SourceLocation at) throws IOException {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                SourceLocation fieldAt = Locations.child(at, name);
                if (value == JsonToken.START_ARRAY && STREAMED_LISTS.contains(fieldAt.pointer())) {
                    streamEvents(parser, fieldAt);
                    object.putArray(name);
                } else if (value == JsonToken.START_OBJECT && STREAMED_PATHS.contains(fieldAt.pointer())) {
                    object.set(name, readObject(parser, fieldAt));
                } else {
                    JsonNode node = MAPPER.readTree(parser);
                    object.set(name, node);
                    if (at.pointer().isEmpty() && "@context".equals(name)) {
                        contextKnown(node);
                    }
                }
            }
            return object;
        }

        private void streamEvents(JsonParser parser, SourceLocation listAt) throws IOException {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode event = MAPPER.readTree(parser);
                checkEvent(event, Locations.child(listAt, index++));
            }
        }

        private void checkEvent(JsonNode event, SourceLocation at) {
            errors.translate(schemas.documentEvent.validate(event), at).forEach(out::add);
            Set<String> scope = documentTerms != null ? documentTerms : Set.of();
            for (JsonLdTerms.Finding finding : JsonLdTerms.check(event, at, scope)) {
                if (finding.prefix() != null && documentTerms == null) {
                    List<JsonLdTerms.Finding> waiting =
                            waitingForContext.computeIfAbsent(finding.prefix(), prefix -> new ArrayList<>());
                    if (waiting.size() < out.limit()) {
                        waiting.add(finding);
                    }
                } else {
                    out.add(finding.toViolation());
                }
            }
        }

        private void contextKnown(JsonNode context) {
            documentTerms = JsonLdTerms.declaredBy(context);
            waitingForContext.keySet().removeIf(documentTerms::contains);
        }

        void finish(ObjectNode shell) {
            errors.translate(schemas.root.validate(shell), Locations.ROOT).forEach(out::add);
            for (JsonLdTerms.Finding finding : JsonLdTerms.check(shell, Locations.ROOT, Set.of())) {
                out.add(finding.toViolation());
            }
            waitingForContext.values().forEach(findings -> findings.forEach(f -> out.add(f.toViolation())));
        }
    }

    private static String syntaxMessage(StreamReadException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field")) {
            return original.replace("Duplicate field", "duplicate field");
        }
        int newline = original.indexOf('\n');
        return "malformed JSON: " + (newline > 0 ? original.substring(0, newline) : original);
    }

    private static String syntaxExpectation(StreamReadException e) {
        return String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
                ? "each field at most once in an object (RFC 8259 section 4)"
                : "well-formed JSON (RFC 8259)";
    }

    private static SourceLocation position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourceLocation.NONE;
        }
        return Locations.lineColumn(location.getLineNr(), location.getColumnNr());
    }
}
