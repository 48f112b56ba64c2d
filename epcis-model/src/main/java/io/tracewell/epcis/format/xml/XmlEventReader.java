package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.model.Vocabulary;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

/**
 * Streams an EPCIS 2.0 XML document ({@code EPCISDocument}, or {@code EPCISQueryDocument} with
 * {@code QueryResults}) one event at a time with the JDK's StAX parser, so memory is bounded by the largest
 * event, not by the document. Mapping rules: {@code docs/formats.md}.
 *
 * <p>Parsing is safe: DTD processing and external entities are off, and a DOCTYPE other than a bare
 * {@code <!DOCTYPE name>} is refused.
 *
 * <p>Not thread-safe. {@link #close()} closes the input stream.
 */
public final class XmlEventReader implements EpcisEventReader {
    private static final String ROOT_EXPECTED = "EPCISDocument or EPCISQueryDocument in namespace "
            + XmlNames.EPCIS_NS;

    private enum State { NEW, EVENTS, DONE }

    private final XmlInput in;
    /** The error that stopped the reading; every later call throws it. */
    private EpcisFormatException failure;
    private State state = State.NEW;
    /** The cursor is on the start tag of the next event. */
    private boolean atEvent;
    /** Inside an EPCIS 1.x style {@code EventList/extension} wrapper. */
    private boolean inEventListExtension;
    private SourceLocation lastEventLocation = SourceLocation.NONE;

    private DocumentKind kind;
    private String rootName;
    private String documentId;
    private List<String> contexts = List.of();
    private String schemaVersion;
    private EpcisTime creationDate;
    private Namespaces namespaces = Namespaces.NONE;
    private Sbdh sbdh;
    /** sender, receiver and instanceIdentifier carried as root attributes when there is no SBDH. */
    private Sbdh rootSbdh;
    private final List<Vocabulary> masterData = new ArrayList<>();
    private final List<ExtensionElement> documentExtensions = new ArrayList<>();
    private String queryName;
    private String subscriptionID;

    public XmlEventReader(InputStream in) {
        this.in = XmlInput.open(Objects.requireNonNull(in, "in"));
    }

    /**
     * Reads a single event element ({@code <ObjectEvent>...</ObjectEvent>} and the like, unqualified, as it
     * appears inside an {@code EventList}) from a stream of its own. The stream is not closed.
     */
    public static EpcisEvent readEvent(InputStream stream) {
        XmlInput input = XmlInput.open(Objects.requireNonNull(stream, "stream"));
        try {
            input.toRoot();
            if (!EventParser.isEvent(input)) {
                throw EventParts.unexpected(input, "the document",
                        "one of ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, "
                                + "AssociationEvent (unqualified)");
            }
            EpcisEvent event = EventParser.parse(input);
            input.finish();
            return event;
        } finally {
            try {
                input.raw().close();
            } catch (XMLStreamException e) {
                // nothing to release beyond the parser itself
            }
        }
    }

    @Override
    public Format format() {
        return Format.XML;
    }

    @Override
    public DocumentHeader header() {
        if (state == State.NEW) {
            prologue();
        }
        return new DocumentHeader(kind, documentId, schemaVersion, creationDate, contexts, namespaces,
                sbdh != null ? sbdh : rootSbdh, masterData,
                documentExtensions, queryName, subscriptionID);
    }

    @Override
    public EpcisEvent next() {
        if (!atNextEvent()) {
            return null;
        }
        EpcisEvent event = read(() -> EventParser.parse(in));
        atEvent = false;
        return event;
    }

    @Override
    public boolean skip() {
        if (!atNextEvent()) {
            return false;
        }
        read(() -> {
            in.skipElement();
            return null;
        });
        atEvent = false;
        return true;
    }

    /** Moves to the next event and notes where it starts; false at the end of the event list. */
    private boolean atNextEvent() {
        if (failure != null) {
            throw failure;
        }
        return read(() -> {
            if (state == State.NEW) {
                prologue();
            }
            if (state == State.EVENTS && !atEvent) {
                advance();
            }
            if (state == State.DONE) {
                return false;
            }
            lastEventLocation = in.location();
            return true;
        });
    }

    /**
     * One step of reading; an error stops the reader for good, since the parser is then somewhere inside the
     * document, where the next event cannot be found.
     */
    private <T> T read(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (EpcisFormatException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public boolean canContinue() {
        return failure == null;
    }

    @Override
    public SourceLocation lastEventLocation() {
        return lastEventLocation;
    }

    @Override
    public void close() {
        in.close();
    }

    // ---- document structure ----------------------------------------------------------------------------------

    /** Reads everything before the first event (or the whole document when it has none). */
    private void prologue() {
        in.toRoot();
        root();
        boolean header = false;
        while (in.nextChild(rootName)) {
            if (in.isUnqualified() && in.localName().equals("EPCISHeader") && !header) {
                header = true;
                epcisHeader();
            } else if (in.isUnqualified() && in.localName().equals("EPCISBody")) {
                in.onlyAttributes("EPCISBody");
                state = State.EVENTS;
                if (kind == DocumentKind.EPCIS_QUERY_DOCUMENT) {
                    queryBody();
                } else {
                    captureBody();
                }
                return;
            } else {
                documentExtension();
            }
        }
        throw in.error(rootName + " has no EPCISBody", "EPCISHeader (optional), then EPCISBody");
    }

    private void root() {
        QName name = in.name();
        if (XmlNames.EPCIS_NS.equals(name.getNamespaceURI()) && name.getLocalPart().equals("EPCISDocument")) {
            kind = DocumentKind.EPCIS_DOCUMENT;
        } else if (XmlNames.EPCIS_QUERY_NS.equals(name.getNamespaceURI())
                && name.getLocalPart().equals("EPCISQueryDocument")) {
            kind = DocumentKind.EPCIS_QUERY_DOCUMENT;
        } else {
            String ns = name.getNamespaceURI();
            boolean v1 = ns.equals(XmlNames.EPCIS_1_NS) || ns.equals(XmlNames.EPCIS_1_QUERY_NS);
            throw in.error("root element {" + ns + "}" + name.getLocalPart(),
                    ROOT_EXPECTED + (v1 ? " (this is EPCIS 1.x)" : ""));
        }
        rootName = kind.standardName();
        in.onlyAttributesAnd(Set.of(XmlNames.JSONLD_NS, XmlNames.EPCIS_VOCABULARY_NS), rootName, "schemaVersion",
                "creationDate");
        documentId = in.attribute(XmlNames.JSONLD_NS, "id");
        String context = in.attribute(XmlNames.JSONLD_NS, "context");
        if (context != null && !context.isBlank()) {
            contexts = List.of(context.strip().split("\\s+"));
        }
        String version = in.attribute("schemaVersion");
        if (version == null || version.isBlank()) {
            throw in.error(rootName + " has no schemaVersion attribute", "schemaVersion=\"2.0\"");
        }
        schemaVersion = version.strip();
        String created = in.attribute("creationDate");
        if (created == null) {
            throw in.error(rootName + " has no creationDate attribute",
                    "creationDate, " + XmlValues.DATE_TIME_EXPECTED);
        }
        creationDate = XmlValues.dateTime(in.location(), "creationDate", created.strip());
        rootSbdh = Sbdh.derived(in.attribute(XmlNames.EPCIS_VOCABULARY_NS, "sender"),
                in.attribute(XmlNames.EPCIS_VOCABULARY_NS, "receiver"),
                in.attribute(XmlNames.EPCIS_VOCABULARY_NS, "instanceIdentifier"), creationDate);
        namespaces = rootNamespaces();
    }

    /** The root's prefix declarations for user extensions (not the standard namespaces, not a default one). */
    private Namespaces rootNamespaces() {
        var r = in.raw();
        Map<String, String> byPrefix = new LinkedHashMap<>();
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String prefix = r.getNamespacePrefix(i);
            String uri = r.getNamespaceURI(i);
            if (prefix == null || prefix.isEmpty() || uri == null || XmlNames.STANDARD_NAMESPACES.contains(uri)) {
                continue;
            }
            byPrefix.put(prefix, uri);
        }
        return byPrefix.isEmpty() ? Namespaces.NONE : new Namespaces(byPrefix);
    }

    private void epcisHeader() {
        in.onlyAttributes("EPCISHeader");
        while (in.nextChild("EPCISHeader")) {
            if (XmlNames.SBDH_NS.equals(in.namespace()) && in.localName().equals("StandardBusinessDocumentHeader")
                    && sbdh == null) {
                sbdh = HeaderParser.sbdh(in);
            } else if (in.isUnqualified() && in.localName().equals("extension")) {
                headerExtension();
            } else {
                throw EventParts.unexpected(in, "EPCISHeader", "sbdh:StandardBusinessDocumentHeader, extension");
            }
        }
    }

    /** {@code EPCISHeader/extension/EPCISMasterData/VocabularyList}. */
    private void headerExtension() {
        while (in.nextChild("extension")) {
            if (!(in.isUnqualified() && in.localName().equals("EPCISMasterData"))) {
                throw EventParts.unexpected(in, "EPCISHeader/extension", "EPCISMasterData");
            }
            while (in.nextChild("EPCISMasterData")) {
                if (!(in.isUnqualified() && in.localName().equals("VocabularyList"))) {
                    throw EventParts.unexpected(in, "EPCISMasterData", "VocabularyList");
                }
                masterData.addAll(HeaderParser.vocabularyList(in));
            }
        }
    }

    private void captureBody() {
        while (in.nextChild("EPCISBody")) {
            if (in.isUnqualified() && in.localName().equals("EventList")) {
                in.onlyAttributes("EventList");
                advance();
                return;
            }
            throw EventParts.unexpected(in, "EPCISBody", "EventList");
        }
        afterBody();
    }

    /** {@code EPCISBody/QueryResults}: queryName, subscriptionID, then resultsBody with events or vocabularies. */
    private void queryBody() {
        if (!in.nextChild("EPCISBody")) {
            throw in.error("EPCISBody has no QueryResults", "epcisq:QueryResults");
        }
        // The schema has epcisq:QueryResults; unqualified QueryResults occurs in the wild and means the same.
        boolean queryResults = XmlNames.EPCIS_QUERY_NS.equals(in.namespace()) || in.isUnqualified();
        if (!(queryResults && in.localName().equals("QueryResults"))) {
            throw EventParts.unexpected(in, "EPCISBody", "epcisq:QueryResults (other query messages are not "
                    + "EPCIS documents with events)");
        }
        while (in.nextChild("QueryResults")) {
            String name = in.isUnqualified() ? in.localName() : "";
            switch (name) {
                case "queryName" -> queryName = in.token("QueryResults");
                case "subscriptionID" -> subscriptionID = in.token("QueryResults");
                case "resultsBody" -> {
                    if (!in.nextChild("resultsBody")) {
                        throw in.error("resultsBody is empty", "EventList or VocabularyList");
                    }
                    if (in.isUnqualified() && in.localName().equals("EventList")) {
                        advance();
                        return;
                    }
                    if (in.isUnqualified() && in.localName().equals("VocabularyList")) {
                        masterData.addAll(HeaderParser.vocabularyList(in));
                        afterEventList();
                        return;
                    }
                    throw EventParts.unexpected(in, "resultsBody", "EventList or VocabularyList");
                }
                default -> throw EventParts.unexpected(in, "QueryResults",
                        "queryName, subscriptionID, resultsBody");
            }
        }
        throw in.error("QueryResults has no resultsBody", "queryName, subscriptionID, resultsBody");
    }

    /** Moves to the start tag of the next event, or past the end of the event list. */
    private void advance() {
        while (true) {
            String context = inEventListExtension ? "EventList/extension" : "EventList";
            if (!in.nextChild(context)) {
                if (inEventListExtension) {
                    inEventListExtension = false;
                    continue;
                }
                afterEventList();
                return;
            }
            if (EventParser.isEvent(in)) {
                atEvent = true;
                return;
            }
            if (!inEventListExtension && in.isUnqualified() && in.localName().equals("extension")) {
                // EPCIS 1.x put TransformationEvent (1.1) and later types in EventList/extension.
                inEventListExtension = true;
                continue;
            }
            throw EventParts.unexpected(in, context,
                    "ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent");
        }
    }

    /** From the end of EventList (or VocabularyList) to the end of the document. */
    private void afterEventList() {
        if (kind == DocumentKind.EPCIS_QUERY_DOCUMENT) {
            if (in.nextChild("resultsBody")) {
                throw EventParts.unexpected(in, "resultsBody", "only one EventList or VocabularyList");
            }
            if (in.nextChild("QueryResults")) {
                throw EventParts.unexpected(in, "QueryResults", "the end of QueryResults after resultsBody");
            }
        }
        if (in.nextChild("EPCISBody")) {
            throw EventParts.unexpected(in, "EPCISBody", "the end of EPCISBody after the event list");
        }
        afterBody();
    }

    /** After EPCISBody: document-level extensions, then the end of the document. */
    private void afterBody() {
        while (in.nextChild(rootName)) {
            documentExtension();
        }
        in.finish();
        state = State.DONE;
        atEvent = false;
    }

    private void documentExtension() {
        if (in.isUnqualified() && in.localName().equals("extension")) {
            EventParts.localExtensions(in, documentExtensions);
        } else if (EventParts.isUserExtension(in)) {
            documentExtensions.add(ExtensionReader.element(in));
        } else {
            throw EventParts.unexpected(in, rootName,
                    "EPCISHeader, EPCISBody, extension, or user extension elements in their own namespace");
        }
    }
}
