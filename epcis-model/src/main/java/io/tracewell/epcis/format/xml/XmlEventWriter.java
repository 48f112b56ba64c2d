package io.tracewell.epcis.format.xml;

import java.util.ArrayList;
import java.util.List;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.format.TrailingHeader;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.format.EpcisEventWriter;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Streams an EPCIS 2.0 XML document (UTF-8) with the JDK's StAX writer: {@link #begin}, any number of
 * {@link #write}, then {@link #end}. Output follows the element order of the ratified EPCIS 2.0 schema. Mapping
 * rules: {@code docs/formats.md}.
 *
 * <p>The root declares {@code epcis} (or {@code epcisq} for a query document), {@code xsi}, {@code xsd}, the
 * header's namespaces and, when there is an SBDH, {@code sbdh}. Extensions in any other namespace get a prefix
 * declared where they occur (their own prefix when it is free, else {@code ns1}, {@code ns2}, ...).
 *
 * <p>Nothing is written until the first event or {@link #end()}, because only then is it known where master data
 * go: in a capture document, and in a query document with events, into {@code EPCISHeader}; in a query document
 * without events, into {@code resultsBody/VocabularyList} (the result of a master data query).
 *
 * <p>Not thread-safe. {@link #close()} closes the output stream.
 */
public final class XmlEventWriter implements EpcisEventWriter {
    private static final String EPCIS_PREFIX = "epcis";
    private static final String QUERY_PREFIX = "epcisq";
    private static final Set<String> RESERVED_PREFIXES =
            Set.of(EPCIS_PREFIX, QUERY_PREFIX, "xsi", "xsd", HeaderWriter.SBDH_PREFIX, XmlNames.JSONLD_PREFIX,
                    XmlNames.EPCIS_VOCABULARY_PREFIX);

    private enum State { NEW, BEGUN, EVENTS, ENDED }

    private final OutputStream stream;
    private final XmlOutput out;
    private final EventWriter events;
    private State state = State.NEW;
    private DocumentHeader header;

    /** A writer without indentation. */
    public XmlEventWriter(OutputStream out) {
        this(out, false);
    }

    /** @param indent put each element on its own line, indented by two spaces per level */
    public XmlEventWriter(OutputStream out, boolean indent) {
        this(out, indent, CbvXmlForm.URN);
    }

    /**
     * @param indent  put each element on its own line, indented by two spaces per level
     * @param cbvForm how CBV values are spelled; {@link CbvXmlForm#URN} by the other constructors
     */
    public XmlEventWriter(OutputStream out, boolean indent, CbvXmlForm cbvForm) {
        this.stream = Objects.requireNonNull(out, "out");
        this.out = new XmlOutput(out, indent);
        this.events = new EventWriter(this.out, Objects.requireNonNull(cbvForm, "cbvForm"));
    }

    @Override
    public Format format() {
        return Format.XML;
    }

    @Override
    public void begin(DocumentHeader header) {
        if (state != State.NEW) {
            throw new IllegalStateException("begin was already called");
        }
        this.header = Objects.requireNonNull(header, "header");
        state = State.BEGUN;
    }

    @Override
    public void write(EpcisEvent event) {
        Objects.requireNonNull(event, "event");
        if (state == State.BEGUN) {
            preamble(true);
            state = State.EVENTS;
        } else if (state != State.EVENTS) {
            throw new IllegalStateException(state == State.NEW ? "call begin before write" : "end was already called");
        }
        events.write(event);
    }

    @Override
    public void end() {
        end(header);
    }

    @Override
    public void end(DocumentHeader complete) {
        List<ExtensionElement> late = header == null ? List.of() : TrailingHeader.lateExtensions(header, complete);
        if (state == State.NEW || state == State.ENDED) {
            throw new IllegalStateException(state == State.NEW ? "call begin before end" : "end was already called");
        }
        boolean query = header.kind() == DocumentKind.EPCIS_QUERY_DOCUMENT;
        if (state == State.BEGUN) {
            preamble(false);
            if (query && !header.masterData().isEmpty()) {
                HeaderWriter.vocabularyList(out, header.masterData());
            } else {
                out.start("EventList");
                out.end();
            }
        } else {
            out.end(); // EventList
        }
        if (query) {
            out.end(); // resultsBody
            out.end(); // QueryResults
        }
        out.end(); // EPCISBody
        List<ExtensionElement> documentExtensions = new ArrayList<>(header.extensions());
        documentExtensions.addAll(late);
        ExtensionWriter.withLocalWrapper(out, documentExtensions);
        out.end(); // root
        out.endDocument();
        state = State.ENDED;
    }

    @Override
    public void close() {
        try {
            out.close();
        } finally {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The JSON-LD header members without a complete SBDH to hold them, as root attributes. */
    private void partialSbdh(Sbdh sbdh) {
        String ns = XmlNames.EPCIS_VOCABULARY_NS;
        String p = XmlNames.EPCIS_VOCABULARY_PREFIX;
        if (sbdh.sender() != null) {
            out.attribute(new QName(ns, "sender", p), sbdh.sender());
        }
        if (sbdh.receiver() != null) {
            out.attribute(new QName(ns, "receiver", p), sbdh.receiver());
        }
        if (sbdh.instanceIdentifier() != null) {
            out.attribute(new QName(ns, "instanceIdentifier", p), sbdh.instanceIdentifier());
        }
    }

    /**
     * Everything up to the event list: root, EPCISHeader and EPCISBody; for a query document also QueryResults
     * and resultsBody. With {@code eventsFollow}, the EventList is opened.
     */
    private void preamble(boolean eventsFollow) {
        boolean query = header.kind() == DocumentKind.EPCIS_QUERY_DOCUMENT;
        out.startDocument();
        if (query) {
            out.start(new QName(XmlNames.EPCIS_QUERY_NS, "EPCISQueryDocument", QUERY_PREFIX));
            out.declare(EPCIS_PREFIX, XmlNames.EPCIS_NS);
        } else {
            out.start(new QName(XmlNames.EPCIS_NS, "EPCISDocument", EPCIS_PREFIX));
        }
        out.declare("xsi", XmlNames.XSI_NS);
        out.declare("xsd", XmlNames.XSD_NS);
        Sbdh sbdh = header.sbdh();
        boolean sbdhElement = sbdh != null && sbdh.isComplete();
        if (sbdhElement) {
            out.declare(HeaderWriter.SBDH_PREFIX, XmlNames.SBDH_NS);
        } else if (sbdh != null) {
            out.declare(XmlNames.EPCIS_VOCABULARY_PREFIX, XmlNames.EPCIS_VOCABULARY_NS);
        }
        for (Map.Entry<String, String> ns : header.namespaces().byPrefix().entrySet()) {
            String prefix = ns.getKey();
            if (!prefix.isEmpty() && !prefix.startsWith("xml") && !RESERVED_PREFIXES.contains(prefix)
                    && !XmlNames.STANDARD_NAMESPACES.contains(ns.getValue())) {
                out.declare(prefix, ns.getValue());
            }
        }
        if (header.id() != null || !header.contexts().isEmpty()) {
            out.declare(XmlNames.JSONLD_PREFIX, XmlNames.JSONLD_NS);
        }
        out.attribute("schemaVersion", header.schemaVersion() == null ? "2.0" : header.schemaVersion());
        EpcisTime created = header.creationDate() == null ? EpcisTime.of(Instant.now()) : header.creationDate();
        out.attribute("creationDate", created.toString());
        if (header.id() != null) {
            out.attribute(new QName(XmlNames.JSONLD_NS, "id", XmlNames.JSONLD_PREFIX), header.id());
        }
        if (sbdh != null && !sbdhElement) {
            partialSbdh(sbdh);
        }
        if (!header.contexts().isEmpty()) {
            out.attribute(new QName(XmlNames.JSONLD_NS, "context", XmlNames.JSONLD_PREFIX),
                    String.join(" ", header.contexts()));
        }

        boolean masterDataInHeader = !header.masterData().isEmpty() && (!query || eventsFollow);
        if (sbdhElement || masterDataInHeader) {
            out.start("EPCISHeader");
            if (sbdhElement) {
                HeaderWriter.sbdh(out, header.sbdh());
            }
            if (masterDataInHeader) {
                out.start("extension");
                out.start("EPCISMasterData");
                HeaderWriter.vocabularyList(out, header.masterData());
                out.end();
                out.end();
            }
            out.end();
        }
        out.start("EPCISBody");
        if (query) {
            out.start(new QName(XmlNames.EPCIS_QUERY_NS, "QueryResults", QUERY_PREFIX));
            out.simple("queryName", header.queryName());
            out.simple("subscriptionID", header.subscriptionID());
            out.start("resultsBody");
        }
        if (eventsFollow) {
            out.start("EventList");
        }
    }
}
