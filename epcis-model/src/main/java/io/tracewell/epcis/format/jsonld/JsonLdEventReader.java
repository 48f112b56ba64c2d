package io.tracewell.epcis.format.jsonld;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.EpcisEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Reads an EPCIS 2.0 JSON-LD {@code EPCISDocument} or {@code EPCISQueryDocument} (EPCIS 2.0 §10) one event at a
 * time with Jackson's streaming parser: only the event being mapped is held as a tree, so memory is bounded by the
 * largest event, not by the document.
 *
 * <p>Members may come in any order. Those before {@code epcisBody} are in {@link #header()} from the start; those
 * after it once {@link #next()} has returned {@code null}. When {@code @context} has not been seen by the time
 * {@code epcisBody} starts, the events cannot be resolved while streaming, so the body is buffered (see
 * docs/formats.md, "Streaming").
 *
 * <p>An error in one event (a missing field, a bad value) leaves the reader usable: {@link #next()} goes on with
 * the following event. Malformed JSON ends the reading; every later call repeats that error.
 */
public final class JsonLdEventReader implements EpcisEventReader {
    private enum Frame { ROOT, BODY, QUERY_RESULTS, RESULTS_BODY }

    private enum State { NEW, STREAMING, BUFFERED, DONE }

    private final JsonParser parser;
    private final HeaderReader parts = new HeaderReader();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Deque<JsonPath> framePaths = new ArrayDeque<>();
    private State state = State.NEW;
    private DocumentHeader header;
    private JsonPath eventListPath;
    private int index;
    private JsonValue bufferedBody;
    private JsonPath bufferedBodyPath;
    private List<JsonValue> bufferedEvents = List.of();
    private SourceLocation lastLocation = SourceLocation.NONE;
    private EpcisFormatException failure;

    /** Reads from {@code in}; {@link #close()} closes it. */
    public JsonLdEventReader(InputStream in) {
        Objects.requireNonNull(in, "in");
        try {
            this.parser = JsonTrees.FACTORY.createParser(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one standalone event, a JSON object whose {@code type} is an event type and which carries its own
     * {@code @context} (the capture interface's {@code POST /events}). Does not close {@code in}.
     */
    public static EpcisEvent readEvent(InputStream in) {
        try (JsonParser p = JsonTrees.FACTORY.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            try {
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    throw notAnObject(p, t, "an EPCIS event object");
                }
                JsonValue event = JsonTrees.read(p);
                if (p.nextToken() != null) {
                    throw trailing(p);
                }
                return readEvent(event);
            } catch (JsonProcessingException e) {
                throw JsonTrees.malformed(p, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one standalone event from a Jackson tree (no line/column in errors; numbers as the tree holds them). */
    public static EpcisEvent readEvent(JsonNode event) {
        return readEvent(JsonTrees.fromNode(event));
    }

    private static EpcisEvent readEvent(JsonValue event) {
        if (event instanceof JsonValue.Obj o && o.get("type") instanceof JsonValue.Str s
                && s.value().startsWith("EPCIS")) {
            throw JsonPath.ROOT.child("type").error(s, "the input is an " + s.value() + ", not a single event",
                    "one event object (documents are read with new JsonLdEventReader(in))");
        }
        return EventReader.read(event, JsonPath.ROOT, ReadContext.STANDARD);
    }

    @Override
    public Format format() {
        return Format.JSON_LD;
    }

    @Override
    public DocumentHeader header() {
        ensureStarted();
        return header;
    }

    @Override
    public EpcisEvent next() {
        ensureStarted();
        if (state == State.DONE) {
            return null;
        }
        JsonValue event;
        JsonPath path;
        if (state == State.BUFFERED) {
            if (index >= bufferedEvents.size()) {
                state = State.DONE;
                return null;
            }
            path = eventListPath.child(index);
            event = bufferedEvents.get(index++);
        } else {
            try {
                JsonToken t = parser.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    finishDocument();
                    return null;
                }
                path = eventListPath.child(index++);
                event = JsonTrees.read(parser);
            } catch (JsonProcessingException e) {
                throw fail(JsonTrees.malformed(parser, e));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (EpcisFormatException e) {
                throw fail(e); // the document's structure, not one event, is wrong
            }
        }
        lastLocation = path.location(event);
        return EventReader.read(event, path, parts.context);
    }

    @Override
    public boolean skip() {
        ensureStarted();
        if (state == State.DONE) {
            return false;
        }
        if (state == State.BUFFERED) {
            if (index >= bufferedEvents.size()) {
                state = State.DONE;
                return false;
            }
            JsonPath path = eventListPath.child(index);
            lastLocation = path.location(bufferedEvents.get(index++));
            return true;
        }
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                finishDocument();
                return false;
            }
            JsonPath path = eventListPath.child(index++);
            lastLocation = SourceLocation.of(parser.currentTokenLocation().getLineNr(),
                    parser.currentTokenLocation().getColumnNr(), path.toString());
            parser.skipChildren();
            return true;
        } catch (JsonProcessingException e) {
            throw fail(JsonTrees.malformed(parser, e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EpcisFormatException e) {
            throw fail(e);
        }
    }

    @Override
    public boolean canContinue() {
        return failure == null;
    }

    @Override
    public SourceLocation lastEventLocation() {
        return lastLocation;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureStarted() {
        if (failure != null) {
            throw failure;
        }
        if (state != State.NEW) {
            return;
        }
        try {
            JsonToken t = parser.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw notAnObject(parser, t, "an EPCISDocument or EPCISQueryDocument object");
            }
            parts.rootLine = parser.currentTokenLocation().getLineNr();
            parts.rootColumn = parser.currentTokenLocation().getColumnNr();
            frames.push(Frame.ROOT);
            framePaths.push(JsonPath.ROOT);
            if (readMembers(Frame.ROOT)) {
                state = State.STREAMING;
            } else {
                frames.clear();
                expectEnd();
                state = bufferedBody != null ? State.BUFFERED : State.DONE;
                if (bufferedBody != null) {
                    BufferedBody.EventList list = BufferedBody.read(bufferedBody, bufferedBodyPath, parts);
                    bufferedEvents = list.events();
                    eventListPath = list.path();
                }
            }
            header = parts.build(); // first, so that a wrong document type is the error reported
            if (parts.bodyKind == null) {
                throw JsonPath.ROOT.error(new JsonValue.Null(parts.rootLine, parts.rootColumn),
                        "the document has no epcisBody with an eventList or queryResults",
                        "\"epcisBody\": {\"eventList\": [...]} or {\"queryResults\": {...}}");
            }
        } catch (JsonProcessingException e) {
            throw fail(JsonTrees.malformed(parser, e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EpcisFormatException e) {
            throw fail(e);
        }
    }

    /**
     * Reads members of the current object until its end ({@code false}) or until an event list starts
     * ({@code true}, the parser then stands on the list's {@code [}).
     */
    private boolean readMembers(Frame frame) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            JsonPath p = framePaths.peek().child(name);
            boolean events = switch (frame) {
                case ROOT -> rootMember(name, p);
                case BODY -> switch (name) {
                    case "eventList" -> startEvents(DocumentKind.EPCIS_DOCUMENT, p);
                    case "queryResults" -> {
                        parts.bodyKind(DocumentKind.EPCIS_QUERY_DOCUMENT, p);
                        yield enter(Frame.QUERY_RESULTS, p);
                    }
                    default -> extra(name, p, "epcisBody");
                };
                case QUERY_RESULTS -> switch (name) {
                    case "queryName" -> {
                        parts.queryName = text(name, p);
                        yield false;
                    }
                    case "subscriptionID" -> {
                        parts.subscriptionID = text(name, p);
                        yield false;
                    }
                    case "resultsBody" -> enter(Frame.RESULTS_BODY, p);
                    default -> extra(name, p, "queryResults");
                };
                case RESULTS_BODY -> switch (name) {
                    case "eventList" -> startEvents(DocumentKind.EPCIS_QUERY_DOCUMENT, p);
                    case "vocabularyList" -> {
                        parts.resultsVocabularies = JsonTrees.read(parser);
                        parts.resultsVocabulariesPath = p;
                        yield false;
                    }
                    default -> extra(name, p, "resultsBody");
                };
            };
            if (events) {
                return true;
            }
        }
        return false;
    }

    private boolean rootMember(String name, JsonPath p) throws IOException {
        switch (name) {
            case "@context" -> {
                parts.context = ReadContext.STANDARD.extend(JsonTrees.read(parser), p);
                parts.contextSeen = true;
            }
            case "epcisBody" -> {
                if (parts.contextSeen) {
                    return enter(Frame.BODY, p);
                }
                bufferedBody = JsonTrees.read(parser);
                bufferedBodyPath = p;
            }
            default -> parts.root.put(name, JsonTrees.read(parser));
        }
        return false;
    }

    private boolean enter(Frame frame, JsonPath p) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            JsonValue v = JsonTrees.read(parser);
            throw p.error(v, "'" + frame(frame) + "' is " + v.kind(), "a JSON object");
        }
        frames.push(frame);
        framePaths.push(p);
        if (readMembers(frame)) {
            return true;
        }
        frames.pop();
        framePaths.pop();
        return false;
    }

    private boolean startEvents(DocumentKind kind, JsonPath p) throws IOException {
        parts.bodyKind(kind, p);
        if (eventListPath != null) {
            throw p.error(JsonTrees.read(parser), "a second eventList", "one eventList per document");
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            JsonValue v = JsonTrees.read(parser);
            throw p.error(v, "'eventList' is " + v.kind(), "an array of events");
        }
        eventListPath = p;
        return true;
    }

    private boolean extra(String name, JsonPath p, String where) throws IOException {
        parts.extra(name, JsonTrees.read(parser), p, where);
        return false;
    }

    private String text(String name, JsonPath p) throws IOException {
        JsonValue v = JsonTrees.read(parser);
        if (v instanceof JsonValue.Str s) {
            return s.value();
        }
        throw p.error(v, "'" + name + "' is " + v.kind(), "a string");
    }

    /** After the event list: the rest of resultsBody, queryResults, epcisBody and the document. */
    private void finishDocument() throws IOException {
        while (!frames.isEmpty()) {
            if (readMembers(frames.peek())) {
                throw eventListPath.error(null, "a second eventList", "one eventList per document");
            }
            frames.pop();
            framePaths.pop();
        }
        expectEnd();
        state = State.DONE;
        header = parts.build();
    }

    private void expectEnd() throws IOException {
        if (parser.nextToken() != null) {
            throw trailing(parser);
        }
    }

    private EpcisFormatException fail(EpcisFormatException e) {
        failure = e;
        state = State.DONE;
        return e;
    }

    private static String frame(Frame f) {
        return switch (f) {
            case ROOT -> "the document";
            case BODY -> "epcisBody";
            case QUERY_RESULTS -> "queryResults";
            case RESULTS_BODY -> "resultsBody";
        };
    }

    private static EpcisFormatException notAnObject(JsonParser p, JsonToken t, String expected) {
        var at = t == null ? p.currentLocation() : p.currentTokenLocation(); // at the end: where the input ends
        return new EpcisFormatException(SourceLocation.of(Math.max(at.getLineNr(), 0),
                Math.max(at.getColumnNr(), 0), ""),
                t == null ? "the input is empty" : "the input starts with " + describe(t), expected);
    }

    private static EpcisFormatException trailing(JsonParser p) {
        var at = p.currentTokenLocation();
        return new EpcisFormatException(SourceLocation.of(at.getLineNr(), at.getColumnNr(), ""),
                "content after the end of the top-level object", "nothing after the closing '}'");
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
