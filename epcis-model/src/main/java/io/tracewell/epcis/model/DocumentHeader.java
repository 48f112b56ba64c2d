package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything in an EPCIS document except its events: the part a streaming reader hands out before the first event
 * and a streaming writer needs before the first event.
 *
 * @param kind              capture document or query document
 * @param id                the JSON-LD document {@code id}, if any
 * @param schemaVersion     e.g. {@code 2.0}
 * @param creationDate      when the document was created
 * @param contexts          JSON-LD context URLs other than the standard EPCIS context (kept for JSON output)
 * @param namespaces        prefix declarations for user extensions
 * @param sbdh              the standard business document header, if any
 * @param masterData        vocabularies in the header (capture) or in the query results (query document)
 * @param extensions        user extensions at document level
 * @param queryName         for query documents: the query that produced the results
 * @param subscriptionID    for query documents produced by a subscription
 */
public record DocumentHeader(
        DocumentKind kind,
        String id,
        String schemaVersion,
        EpcisTime creationDate,
        List<String> contexts,
        Namespaces namespaces,
        Sbdh sbdh,
        List<Vocabulary> masterData,
        List<ExtensionElement> extensions,
        String queryName,
        String subscriptionID) {

    public DocumentHeader {
        Objects.requireNonNull(kind, "kind");
        contexts = Lists.copy(contexts);
        namespaces = namespaces == null ? Namespaces.NONE : namespaces;
        masterData = Lists.copy(masterData);
        extensions = Lists.copy(extensions);
    }

    /** A plain capture document header. */
    public static DocumentHeader document(EpcisTime creationDate, Namespaces namespaces) {
        return new DocumentHeader(DocumentKind.EPCIS_DOCUMENT, null, "2.0", creationDate, List.of(), namespaces,
                null, List.of(), List.of(), null, null);
    }
}
