package io.tracewell.epcis.format.jsonld;

import static io.tracewell.epcis.format.jsonld.EventWriter.string;
import static io.tracewell.epcis.format.jsonld.EventWriter.time;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The document around the events: {@code @context}, the header members and {@code epcisBody} up to the event
 * list ({@link #begin}), and after it ({@link #end}).
 */
final class HeaderWriter {
    private HeaderWriter() {
    }

    /** The document scope's prefixes, with declarations for every name the header itself uses. */
    static WritePrefixes prefixes(DocumentHeader h) {
        WritePrefixes px = WritePrefixes.document(h.namespaces());
        px.requireAll(h.extensions());
        ExtensionElement sbdh = fullSbdh(h);
        if (sbdh != null) {
            px.require(sbdh);
        }
        for (Vocabulary v : h.masterData()) {
            px.requireAll(v.extensions());
            for (VocabularyElement e : v.elements()) {
                px.requireAll(e.extensions());
                e.attributes().forEach(a -> px.requireValue(a.value()));
            }
        }
        return px;
    }

    static void begin(JsonGenerator g, DocumentHeader h, WritePrefixes px) throws IOException {
        g.writeStartObject();
        context(g, h, px);
        string(g, "id", h.id());
        g.writeStringField("type", h.kind().standardName());
        string(g, "schemaVersion", h.schemaVersion());
        time(g, "creationDate", h.creationDate());
        Sbdh sbdh = h.sbdh();
        if (sbdh != null) {
            string(g, "sender", sbdh.sender());
            string(g, "receiver", sbdh.receiver());
            string(g, "instanceIdentifier", sbdh.instanceIdentifier());
        }
        ExtensionElement full = fullSbdh(h);
        boolean headerMasterData = h.kind() == DocumentKind.EPCIS_DOCUMENT && !h.masterData().isEmpty();
        if (headerMasterData || full != null) {
            g.writeObjectFieldStart("epcisHeader");
            if (headerMasterData) {
                g.writeObjectFieldStart("epcisMasterData");
                vocabularies(g, h.masterData(), px);
                g.writeEndObject();
            }
            if (full != null) {
                ExtensionWriter.writeMembers(g, List.of(full), px);
            }
            g.writeEndObject();
        }
        EventWriter.extensions(g, h.extensions(), px);
        g.writeObjectFieldStart("epcisBody");
        if (h.kind() == DocumentKind.EPCIS_QUERY_DOCUMENT) {
            g.writeObjectFieldStart("queryResults");
            string(g, "queryName", h.queryName());
            string(g, "subscriptionID", h.subscriptionID());
            g.writeObjectFieldStart("resultsBody");
        }
        g.writeArrayFieldStart("eventList");
    }

    /** Closes the event list and the body, then writes the document-level extensions that came after it. */
    static void end(JsonGenerator g, DocumentHeader h, List<ExtensionElement> late, WritePrefixes px)
            throws IOException {
        g.writeEndArray();
        if (h.kind() == DocumentKind.EPCIS_QUERY_DOCUMENT) {
            if (!h.masterData().isEmpty()) {
                vocabularies(g, h.masterData(), px);
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
        EventWriter.extensions(g, late, px);
        g.writeEndObject();
    }

    /** The standard context URL, the document's other context URLs, then its prefix declarations. */
    private static void context(JsonGenerator g, DocumentHeader h, WritePrefixes px) throws IOException {
        List<String> urls = new ArrayList<>();
        for (String url : h.contexts()) {
            if (!StandardContext.isStandardUrl(url) && !urls.contains(url)) {
                urls.add(url);
            }
        }
        Map<String, String> declarations = px.declarations();
        g.writeFieldName("@context");
        if (urls.isEmpty() && declarations.isEmpty()) {
            g.writeString(StandardContext.URL);
            return;
        }
        g.writeStartArray();
        g.writeString(StandardContext.URL);
        for (String url : urls) {
            g.writeString(url);
        }
        if (!declarations.isEmpty()) {
            EventWriter.writeObject(g, declarations);
        }
        g.writeEndArray();
    }

    /**
     * The whole SBDH as an element, when it holds more than {@code sender}, {@code receiver} and
     * {@code instanceIdentifier} with the document's creationDate can carry; otherwise {@code null}.
     */
    static ExtensionElement fullSbdh(DocumentHeader h) {
        Sbdh sbdh = h.sbdh();
        if (sbdh == null || sbdh.equals(Sbdh.derived(sbdh.sender(), sbdh.receiver(),
                sbdh.instanceIdentifier(), h.creationDate()))) {
            return null;
        }
        return SbdhElements.toElement(sbdh);
    }

    private static void vocabularies(JsonGenerator g, List<Vocabulary> list, WritePrefixes px) throws IOException {
        g.writeArrayFieldStart("vocabularyList");
        for (Vocabulary v : list) {
            g.writeStartObject();
            g.writeStringField("type", v.type());
            if (!v.elements().isEmpty()) {
                g.writeArrayFieldStart("vocabularyElementList");
                for (VocabularyElement e : v.elements()) {
                    element(g, e, px);
                }
                g.writeEndArray();
            }
            EventWriter.extensions(g, v.extensions(), px);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void element(JsonGenerator g, VocabularyElement e, WritePrefixes px) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        if (!e.attributes().isEmpty()) {
            g.writeArrayFieldStart("attributes");
            for (VocabularyAttribute a : e.attributes()) {
                g.writeStartObject();
                g.writeStringField("id", a.id());
                g.writeFieldName("attribute");
                ExtensionWriter.writeValue(g, a.value(), px);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        EventWriter.epcs(g, "children", e.children(), false);
        EventWriter.extensions(g, e.extensions(), px);
        g.writeEndObject();
    }
}
