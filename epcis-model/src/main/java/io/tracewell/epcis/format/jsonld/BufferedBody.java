package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.model.DocumentKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@code epcisBody} read as a tree because the document's {@code @context} had not been seen when it started
 * (docs/formats.md, "Streaming"): the same structure the streaming reader walks, taken from the tree.
 */
final class BufferedBody {
    private BufferedBody() {
    }

    record EventList(List<JsonValue> events, JsonPath path) {
    }

    static EventList read(JsonValue bodyValue, JsonPath bodyPath, HeaderReader parts) {
        Members body = Members.of(bodyValue, bodyPath, parts.context, "epcisBody");
        JsonValue list = null;
        JsonPath listPath = null;
        for (Map.Entry<String, JsonValue> e : body.obj().members().entrySet()) {
            JsonPath p = bodyPath.child(e.getKey());
            if ("eventList".equals(e.getKey())) {
                parts.bodyKind(DocumentKind.EPCIS_DOCUMENT, p);
                list = e.getValue();
                listPath = p;
            } else if ("queryResults".equals(e.getKey())) {
                parts.bodyKind(DocumentKind.EPCIS_QUERY_DOCUMENT, p);
                Members qr = Members.of(e.getValue(), p, parts.context, "queryResults");
                parts.queryName = qr.string("queryName");
                parts.subscriptionID = qr.string("subscriptionID");
                extras(qr, EpcisMembers.QUERY_RESULTS, "queryResults", parts);
                Members rb = qr.object("resultsBody");
                if (rb != null) {
                    list = rb.get("eventList");
                    listPath = rb.path().child("eventList");
                    parts.resultsVocabularies = rb.get("vocabularyList");
                    parts.resultsVocabulariesPath = rb.path().child("vocabularyList");
                    extras(rb, EpcisMembers.RESULTS_BODY, "resultsBody", parts);
                }
            }
        }
        extras(body, EpcisMembers.BODY, "epcisBody", parts);
        if (list == null) {
            return new EventList(List.of(), listPath);
        }
        if (!(list instanceof JsonValue.Arr arr)) {
            throw listPath.error(list, "'eventList' is " + list.kind(), "an array of events");
        }
        return new EventList(arr.items(), listPath);
    }

    private static void extras(Members m, Set<String> standard, String where, HeaderReader parts) {
        for (Map.Entry<String, JsonValue> e : m.obj().members().entrySet()) {
            if (!standard.contains(e.getKey())) {
                parts.extra(e.getKey(), e.getValue(), m.path().child(e.getKey()), where);
            }
        }
    }
}
