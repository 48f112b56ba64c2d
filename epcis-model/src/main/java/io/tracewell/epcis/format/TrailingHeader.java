package io.tracewell.epcis.format;

import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.ExtensionElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a streamed document adds to its header after the event list. A writer has begun with the header as it was
 * before the first event; the reader knows the rest only at the end: in XML, document-level extensions follow
 * {@code EPCISBody} (EPCIS 2.0 XSD); in JSON-LD, any member may follow {@code epcisBody}. Both bindings can still
 * write document-level extensions after the events; anything else that arrived late cannot reach an output that
 * is already written, and is an error rather than a silent loss.
 */
public final class TrailingHeader {
    private TrailingHeader() {
    }

    /**
     * The document-level extensions of {@code complete} that {@code begun} did not have.
     *
     * @throws EpcisFormatException when another member differs
     */
    public static List<ExtensionElement> lateExtensions(DocumentHeader begun, DocumentHeader complete) {
        Objects.requireNonNull(begun, "begun");
        Objects.requireNonNull(complete, "complete");
        List<String> changed = new ArrayList<>();
        for (RecordComponent c : DocumentHeader.class.getRecordComponents()) {
            if (!c.getName().equals("extensions") && !Objects.equals(value(c, begun), value(c, complete))) {
                changed.add(c.getName());
            }
        }
        List<ExtensionElement> before = begun.extensions();
        List<ExtensionElement> after = complete.extensions();
        if (after.size() < before.size() || !after.subList(0, before.size()).equals(before)) {
            changed.add("extensions");
        }
        if (!changed.isEmpty()) {
            throw new EpcisFormatException(SourceLocation.NONE,
                    "document members after the event list (" + String.join(", ", changed)
                            + ") cannot be streamed into the converted document",
                    "those members before the event list (only document-level extensions may follow it)");
        }
        return after.subList(before.size(), after.size());
    }

    private static Object value(RecordComponent c, DocumentHeader h) {
        try {
            return c.getAccessor().invoke(h);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
