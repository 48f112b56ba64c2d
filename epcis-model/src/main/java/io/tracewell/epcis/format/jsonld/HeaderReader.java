package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.EventType;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.model.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything of a JSON-LD document except its events, collected while streaming, to the model's
 * {@link DocumentHeader}. Built once when the event list starts and again when the document ends, so that members
 * after {@code epcisBody} are included the second time.
 */
final class HeaderReader {
    ReadContext context = ReadContext.STANDARD;
    boolean contextSeen;
    int rootLine;
    int rootColumn;
    /** Top-level members other than {@code @context} and {@code epcisBody}, as written. */
    final Map<String, JsonValue> root = new LinkedHashMap<>();
    /** Namespaced members of epcisBody, queryResults and resultsBody, which the model keeps with the document's. */
    final List<Extra> bodyExtensions = new ArrayList<>();
    DocumentKind bodyKind;
    String queryName;
    String subscriptionID;
    JsonValue resultsVocabularies;
    JsonPath resultsVocabulariesPath;

    record Extra(String key, JsonValue value, JsonPath path) {
    }

    /** Records what epcisBody holds: an eventList (capture document) or queryResults (query document). */
    void bodyKind(DocumentKind kind, JsonPath at) {
        if (bodyKind != null && bodyKind != kind) {
            throw at.error(null, "epcisBody holds both an eventList and queryResults", "one of the two");
        }
        bodyKind = kind;
    }

    /** A member of epcisBody, queryResults or resultsBody that the binding does not define. */
    void extra(String key, JsonValue value, JsonPath path, String where) {
        if (EpcisMembers.ALL.contains(key)) {
            throw path.error(value, "'" + key + "' is not a member of " + where,
                    "the members the EPCIS JSON schema defines for " + where + ", or namespaced extensions");
        }
        bodyExtensions.add(new Extra(key, value, path));
    }

    DocumentHeader build() {
        Members m = Members.of(new JsonValue.Obj(root, rootLine, rootColumn), JsonPath.ROOT, context,
                "the document");
        DocumentKind kind = kind(m);
        EpcisTime creationDate = m.time("creationDate");
        List<Vocabulary> masterData = new ArrayList<>();
        List<ExtensionElement> extensions = new ArrayList<>(m.extensions(EpcisMembers.DOCUMENT));
        Sbdh sbdh = null;
        Members header = m.object("epcisHeader");
        if (header != null) {
            for (Map.Entry<String, JsonValue> e : header.obj().members().entrySet()) {
                JsonPath p = header.path().child(e.getKey());
                if ("epcisMasterData".equals(e.getKey())) {
                    Members md = header.object("epcisMasterData");
                    md.onlyMembers(EpcisMembers.MASTER_DATA);
                    if (md.has("vocabularyList")) {
                        masterData.addAll(MasterDataReader.vocabularies(md.get("vocabularyList"),
                                md.path().child("vocabularyList"), context));
                    }
                    continue;
                }
                for (ExtensionElement x : extension(e.getKey(), e.getValue(), p, "epcisHeader")) {
                    if (SbdhElements.ROOT.equals(x.name())) {
                        sbdh = SbdhElements.fromElement(x, p, e.getValue());
                    } else {
                        extensions.add(x);
                    }
                }
            }
        }
        for (Extra x : bodyExtensions) {
            extensions.addAll(extension(x.key(), x.value(), x.path(), "epcisBody"));
        }
        if (resultsVocabularies != null) {
            masterData.addAll(MasterDataReader.vocabularies(resultsVocabularies, resultsVocabulariesPath, context));
        }
        if (sbdh == null) {
            sbdh = Sbdh.derived(m.string("sender"), m.string("receiver"), m.string("instanceIdentifier"),
                    creationDate);
        }
        return new DocumentHeader(kind, m.string("id"), m.string("schemaVersion"), creationDate,
                context.urls(), new Namespaces(context.declared()), sbdh, masterData, extensions, queryName,
                subscriptionID);
    }

    private List<ExtensionElement> extension(String key, JsonValue value, JsonPath path, String where) {
        if (key.indexOf(':') < 0 && EpcisMembers.ALL.contains(key) || key.startsWith("@")) {
            throw path.error(value, "'" + key + "' is not a member of " + where, "EPCIS members of " + where
                    + " or namespaced extensions");
        }
        return ExtensionReader.read(key, value, path, context, false);
    }

    /** The document type: {@code type}, which must agree with what epcisBody holds. */
    private DocumentKind kind(Members m) {
        String type = m.string("type");
        if (type == null) {
            if (bodyKind == null) {
                throw m.missing("type", "EPCISDocument or EPCISQueryDocument");
            }
            return bodyKind;
        }
        DocumentKind kind = null;
        for (DocumentKind k : DocumentKind.values()) {
            if (k.standardName().equals(type)) {
                kind = k;
            }
        }
        if (kind == null) {
            if (EventType.fromStandardName(type) != null) {
                throw m.error("type", "the document is a single " + type + ", not an EPCIS document",
                        "EPCISDocument or EPCISQueryDocument (a single event with its own @context is accepted "
                                + "where one event is expected, e.g. POST /events)");
            }
            throw m.error("type", "unknown document type '" + type + "'", "EPCISDocument or EPCISQueryDocument");
        }
        if (bodyKind != null && bodyKind != kind) {
            throw m.error("type", "the document says " + type + " but its epcisBody holds "
                    + (bodyKind == DocumentKind.EPCIS_DOCUMENT ? "an eventList" : "queryResults"),
                    kind == DocumentKind.EPCIS_DOCUMENT
                            ? "epcisBody.eventList in an EPCISDocument"
                            : "epcisBody.queryResults in an EPCISQueryDocument");
        }
        return kind;
    }
}
