package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.format.xml.ExtensionReader;
import io.tracewell.epcis.format.xml.XmlInput;
import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.Datatypes;
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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an EPCIS 1.2 XML document (namespace {@code urn:epcglobal:epcis:xsd:1}, as US DSCSA trading partners
 * send it) into the EPCIS 2.0 model, one event at a time with the JDK's StAX parser: memory is bounded by the header
 * and the largest event, not by the number of events. Documents of EPCIS 1.0 and 1.1, which 1.2 extends, are read
 * the same way.
 *
 * <pre>{@code
 * try (Epcis12XmlReader reader = new Epcis12XmlReader(in)) {
 *     Epcis12Header header = reader.header12();   // SBDH, master data, gs1ushc:dscsaTransactionStatement, ...
 *     EpcisEvent event;
 *     while ((event = reader.next()) != null) { ... }
 * }
 * }</pre>
 *
 * <p>What changes on the way from 1.2 to the 2.0 model (the inverse of {@link Epcis12XmlWriter}):
 * <ul>
 *   <li>Layout: eventID and errorDeclaration are read from {@code baseExtension}; quantity lists, sources,
 *       destinations and ILMD of Object, Aggregation and Transaction events from the event's {@code extension};
 *       the TransformationEvent from {@code EventList/extension}; master data from
 *       {@code EPCISHeader/extension/EPCISMasterData/VocabularyList}. A field in its EPCIS 2.0 place is refused
 *       with a message saying where 1.2 expects it.</li>
 *   <li>CBV 1.2 URNs ({@code urn:epcglobal:cbv:bizstep:…}, {@code disp}, {@code btt}, {@code sdt}, {@code er})
 *       become the model's CBV values; other URIs are kept as given.</li>
 *   <li>Identifiers (EPCs, parentID, epcClass, read point, business location, sources, destinations, business
 *       transactions, master data ids) are kept exactly as written: EPC URNs stay URNs.</li>
 *   <li>User extensions (elements of other namespaces) are kept where the model has a place for them; ILMD elements
 *       keep their namespace ({@code cbvmda:lotNumber} stays in {@code urn:epcglobal:cbv:mda}).</li>
 *   <li>A QuantityEvent (deprecated since 1.1, gone in 2.0) becomes an ObjectEvent with action OBSERVE and one
 *       quantity element (its epcClass and quantity), the form 1.1 introduced to replace it.</li>
 *   <li>Elements of the EPCISHeader after the SBDH and master data (e.g. {@code gs1ushc:dscsaTransactionStatement})
 *       are kept: in {@link #header12()} as header elements, in {@link #header()} as document extensions.</li>
 * </ul>
 *
 * <p>What the model has no place for is an {@link EpcisFormatException} rather than a silent loss: content of the
 * innermost {@code extension} elements (reserved by 1.2 for later versions), attributes on the standard's elements
 * other than those it defines and {@code xsi:} ones, an SBDH Manifest, {@code EPCISBody} extensions. An event
 * type of another namespace in the event list, or one of a later version in {@code EventList/extension/extension},
 * is refused by {@link #next()} and passed over by {@link #skip()}. Every error says where (line and column) and
 * what was expected.
 *
 * <p>The reader checks the structure it reads, not everything the 1.2 schema states (e.g. that a TransactionEvent
 * names a business transaction); to validate a document against the project's 1.2 schema first, use
 * {@code io.tracewell.epcis.validation.Epcis12DocumentValidator}. Parsing is safe: DTD processing and external
 * entities are off, and a DOCTYPE other than a bare {@code <!DOCTYPE name>} is refused.
 *
 * <p>Not thread-safe. {@link #close()} closes the input stream.
 */
public final class Epcis12XmlReader implements EpcisEventReader {
    private static final String ROOT = "EPCISDocument";
    private static final String ROOT_EXPECTED = "EPCISDocument in namespace " + Epcis12Header.EPCIS_1_NS
            + " (EPCIS 1.2)";
    private static final String EVENTS_EXPECTED = "ObjectEvent, AggregationEvent, QuantityEvent, TransactionEvent,"
            + " or extension holding a TransformationEvent";
    private static final Pattern VERSION_1 = Pattern.compile("1(\\.\\d+)?");
    private static final String EPCIS_2_NS = "urn:epcglobal:epcis:xsd:2";
    private static final String EPCIS_1_QUERY_NS = "urn:epcglobal:epcis-query:xsd:1";
    private static final String EPCGLOBAL_NS = "urn:epcglobal:xsd:1";
    /** Namespaces the binding declares for itself; they are not user extension namespaces. */
    private static final Set<String> BINDING_NAMESPACES = Set.of(Epcis12Header.EPCIS_1_NS, EPCGLOBAL_NS,
            Header12Writer.SBDH_NS, EventConversion.CBVMDA_NS, Datatypes.XSI_NS, Datatypes.XSD_NS);

    private enum State { NEW, EVENTS, DONE }

    /** What the cursor is on between events. */
    private enum Pending {
        /** nothing yet: the next event is still to be found */
        NONE,
        /** the start tag of an event this reader reads */
        EVENT,
        /** an event type of another namespace in the event list */
        FOREIGN,
        /** an element in {@code EventList/extension/extension}, where 1.2 puts event types of later versions */
        LATER
    }

    private final XmlInput in;
    private State state = State.NEW;
    private Pending pending = Pending.NONE;
    /** 0 in EventList, 1 in EventList/extension, 2 in EventList/extension/extension. */
    private int wrapperDepth;
    /** The error that stopped the reading; every later call throws it. */
    private EpcisFormatException failure;
    private SourceLocation lastEventLocation = SourceLocation.NONE;

    private String schemaVersion;
    private EpcisTime creationDate;
    private Namespaces namespaces = Namespaces.NONE;
    private Sbdh sbdh;
    private final List<Vocabulary> masterData = new ArrayList<>();
    private final List<ExtensionElement> headerElements = new ArrayList<>();
    private final List<ExtensionElement> documentExtensions = new ArrayList<>();

    /** A reader of the document in {@code in}; nothing is read before the first call. */
    public Epcis12XmlReader(InputStream in) {
        this.in = XmlInput.open(Objects.requireNonNull(in, "in"), "an EPCIS 1.2 EPCISDocument");
    }

    @Override
    public Format format() {
        return Format.XML;
    }

    /**
     * The header of the EPCIS 2.0 document the events make up: schema version 2.0, the creation date, the
     * namespaces declared on the root for extensions, the SBDH, the master data, and as extensions first the
     * header elements (such as {@code gs1ushc:dscsaTransactionStatement}), then the document extensions that follow
     * {@code EPCISBody}, which are known only once {@link #next()} has returned null.
     */
    @Override
    public DocumentHeader header() {
        start();
        List<ExtensionElement> extensions = new ArrayList<>(headerElements);
        extensions.addAll(documentExtensions);
        return new DocumentHeader(DocumentKind.EPCIS_DOCUMENT, null, "2.0", creationDate, List.of(), namespaces,
                sbdh, masterData, extensions, null, null);
    }

    /**
     * The header as the 1.2 document has it, with the header elements apart from the document extensions, as
     * {@link Epcis12XmlWriter#begin} takes it: writing the events read with this header gives the same document
     * again. Document extensions are complete once {@link #next()} has returned null.
     */
    public Epcis12Header header12() {
        start();
        return new Epcis12Header(creationDate, namespaces, sbdh, masterData, headerElements, documentExtensions);
    }

    /** The {@code schemaVersion} the document was written with, e.g. {@code 1.2}. */
    public String schemaVersion() {
        start();
        return schemaVersion;
    }

    @Override
    public EpcisEvent next() {
        checkReadable();
        boolean positioned = false;
        try {
            if (!toEvent()) {
                return null;
            }
            positioned = true;
            lastEventLocation = in.location();
            switch (pending) {
                case FOREIGN -> throw in.error("the event list holds '" + XmlInput.displayName(in.name())
                        + "', an event type of another namespace, which the EPCIS 2.0 model cannot hold",
                        EVENTS_EXPECTED + " (skip() passes over it)");
                case LATER -> throw in.error("'" + XmlInput.displayName(in.name()) + "' in EventList/extension/"
                        + "extension is an event type of a later EPCIS version, which the EPCIS 1.2 reader does not"
                        + " read", EVENTS_EXPECTED + " (skip() passes over it; EPCIS 2.0 documents are read by"
                        + " XmlEventReader)");
                default -> {
                    positioned = false;
                    EpcisEvent event = Event12Parser.parse(in);
                    pending = Pending.NONE;
                    return event;
                }
            }
        } catch (EpcisFormatException e) {
            // An event type this reader does not read leaves it at that element, which skip() passes over; any
            // other error leaves the parser somewhere inside the document, where the next event cannot be found.
            if (!positioned) {
                failure = e;
            }
            throw e;
        }
    }

    @Override
    public boolean skip() {
        checkReadable();
        try {
            if (!toEvent()) {
                return false;
            }
            lastEventLocation = in.location();
            in.skipElement();
            pending = Pending.NONE;
            return true;
        } catch (EpcisFormatException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public boolean canContinue() {
        return failure == null;
    }

    private void checkReadable() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public SourceLocation lastEventLocation() {
        return lastEventLocation;
    }

    @Override
    public void close() {
        in.close();
    }

    /** Moves to the next event; false at the end of the event list. */
    private boolean toEvent() {
        start();
        if (state == State.EVENTS && pending == Pending.NONE) {
            advance();
        }
        return state != State.DONE;
    }

    private void start() {
        if (state == State.NEW) {
            prologue();
        }
    }

    // ---- document structure ----------------------------------------------------------------------------------

    /** Reads everything before the first event (or the whole document when it has none). */
    private void prologue() {
        in.toRoot();
        root();
        boolean header = false;
        while (in.nextChild(ROOT)) {
            if (in.is("EPCISHeader") && !header) {
                header = true;
                epcisHeader();
            } else if (in.is("EPCISBody")) {
                in.onlyAttributes("EPCISBody");
                state = State.EVENTS;
                body();
                return;
            } else {
                throw in.unexpected(ROOT, "EPCISHeader (optional, once), then EPCISBody");
            }
        }
        throw in.error(ROOT + " has no EPCISBody", "EPCISHeader (optional), then EPCISBody");
    }

    private void root() {
        QName name = in.name();
        String ns = name.getNamespaceURI();
        if (!(ns.equals(Epcis12Header.EPCIS_1_NS) && name.getLocalPart().equals(ROOT))) {
            String element = XmlInput.displayName(name);
            String problem;
            if (ns.equals(EPCIS_2_NS)) {
                problem = "root element " + element + " is in the EPCIS 2.0 namespace " + ns + ": this is an EPCIS"
                        + " 2.0 document, which XmlEventReader reads, not EPCIS 1.2";
            } else if (ns.equals(EPCIS_1_QUERY_NS)) {
                problem = "root element " + element + " is an EPCIS 1.x query document; only EPCISDocument is read";
            } else {
                problem = "root element {" + ns + "}" + name.getLocalPart() + " is not an EPCIS 1.2 document";
            }
            throw in.error(problem, ROOT_EXPECTED);
        }
        in.onlyAttributes(ROOT, "schemaVersion", "creationDate");
        String version = in.tokenAttribute("schemaVersion");
        if (version == null || version.isEmpty()) {
            throw in.error(ROOT + " has no schemaVersion attribute", "schemaVersion=\"1.2\"");
        }
        if (!VERSION_1.matcher(version).matches()) {
            throw in.error("schemaVersion '" + version + "' on an EPCIS 1.x document", "schemaVersion 1.2 (or 1.0,"
                    + " 1.1) in namespace " + Epcis12Header.EPCIS_1_NS);
        }
        schemaVersion = version;
        String created = in.tokenAttribute("creationDate");
        if (created == null) {
            throw in.error(ROOT + " has no creationDate attribute", "creationDate, an xsd:dateTime with time zone");
        }
        try {
            creationDate = EpcisTime.parse(created);
        } catch (IllegalArgumentException e) {
            throw new EpcisFormatException(in.location(), "creationDate '" + created + "' is not a valid date-time",
                    "an xsd:dateTime with time zone, such as 2024-05-01T08:15:30.000Z", e);
        }
        namespaces = rootNamespaces();
    }

    /** The root's prefix declarations of extension namespaces (not the binding's own, not a default one). */
    private Namespaces rootNamespaces() {
        XMLStreamReader r = in.raw();
        Map<String, String> byPrefix = new LinkedHashMap<>();
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String prefix = r.getNamespacePrefix(i);
            String uri = r.getNamespaceURI(i);
            if (prefix != null && !prefix.isEmpty() && uri != null && !BINDING_NAMESPACES.contains(uri)) {
                byPrefix.put(prefix, uri);
            }
        }
        return byPrefix.isEmpty() ? Namespaces.NONE : new Namespaces(byPrefix);
    }

    /** The SBDH (required by 1.2), master data, then elements of other namespaces. */
    private void epcisHeader() {
        in.onlyAttributes("EPCISHeader");
        SourceLocation at = in.location();
        boolean additions = false;
        while (in.nextChild("EPCISHeader")) {
            if (Header12Parser.isSbdh(in) && sbdh == null) {
                sbdh = Header12Parser.sbdh(in);
            } else if (in.is("extension") && !additions) {
                additions = true;
                headerAdditions();
            } else if (in.isForeign(Epcis12Header.EPCIS_1_NS) && !Header12Writer.SBDH_NS.equals(in.namespace())) {
                headerElements.add(ExtensionReader.element(in));
            } else {
                throw in.unexpected("EPCISHeader", "sbdh:StandardBusinessDocumentHeader, then extension with"
                        + " EPCISMasterData, then elements of other namespaces such as"
                        + " gs1ushc:dscsaTransactionStatement");
            }
        }
        if (sbdh == null) {
            throw new EpcisFormatException(at, "EPCISHeader has no sbdh:StandardBusinessDocumentHeader",
                    "the SBDH first in EPCISHeader, which EPCIS 1.2 requires");
        }
    }

    /** {@code EPCISHeader/extension}: {@code EPCISMasterData/VocabularyList}. */
    private void headerAdditions() {
        String ctx = "EPCISHeader/extension";
        in.onlyAttributes(ctx);
        while (in.nextChild(ctx)) {
            if (in.is("EPCISMasterData")) {
                in.onlyAttributes("EPCISMasterData");
                while (in.nextChild("EPCISMasterData")) {
                    if (in.is("VocabularyList")) {
                        masterData.addAll(Header12Parser.vocabularyList(in));
                    } else if (in.is("extension")) {
                        reserved("EPCISMasterData/extension");
                    } else {
                        throw in.unexpected("EPCISMasterData", "VocabularyList");
                    }
                }
            } else if (in.is("extension")) {
                reserved(ctx + "/extension");
            } else {
                throw in.unexpected(ctx, "EPCISMasterData");
            }
        }
    }

    /** An innermost {@code extension} that 1.2 reserves for later versions: it must be empty here. */
    private void reserved(String context) {
        in.onlyAttributes(context);
        if (in.nextChild(context)) {
            throw in.unexpected(context, "nothing: EPCIS 1.2 reserves " + context + " for later versions of the"
                    + " standard, and the EPCIS 2.0 model has no place for its content");
        }
    }

    private void body() {
        while (in.nextChild("EPCISBody")) {
            if (in.is("EventList")) {
                in.onlyAttributes("EventList");
                advance();
                return;
            }
            throw bodyExtra();
        }
        afterBody();
    }

    private EpcisFormatException bodyExtra() {
        return in.unexpected("EPCISBody", "EventList only: the EPCIS 2.0 model has no place for extensions of"
                + " EPCISBody");
    }

    /** Moves to the start tag of the next event, or past the end of the event list. */
    private void advance() {
        while (true) {
            String context = wrapperDepth == 0 ? "EventList"
                    : wrapperDepth == 1 ? "EventList/extension" : "EventList/extension/extension";
            if (!in.nextChild(context)) {
                if (wrapperDepth > 0) {
                    wrapperDepth--;
                    continue;
                }
                afterEventList();
                return;
            }
            if (wrapperDepth == 2) {
                pending = Pending.LATER;
                return;
            }
            if (wrapperDepth == 1) {
                if (in.is("TransformationEvent")) {
                    pending = Pending.EVENT;
                    return;
                }
                if (in.is("extension")) {
                    in.onlyAttributes("EventList/extension/extension");
                    wrapperDepth = 2;
                    continue;
                }
                throw in.unexpected(context, "TransformationEvent, or extension");
            }
            if (Event12Parser.isListEvent(in)) {
                pending = Pending.EVENT;
                return;
            }
            if (in.is("extension")) {
                in.onlyAttributes(context);
                wrapperDepth = 1;
                continue;
            }
            if (in.isForeign(Epcis12Header.EPCIS_1_NS)) {
                pending = Pending.FOREIGN;
                return;
            }
            throw in.unexpected(context, EVENTS_EXPECTED + eventListHint());
        }
    }

    private String eventListHint() {
        if (in.is("TransformationEvent")) {
            return "; in EPCIS 1.2 a TransformationEvent stands inside EventList/extension";
        }
        if (in.is("AssociationEvent")) {
            return "; the AssociationEvent came with EPCIS 2.0 and does not exist in EPCIS 1.2";
        }
        return "";
    }

    /** From the end of EventList to the end of the document. */
    private void afterEventList() {
        if (in.nextChild("EPCISBody")) {
            throw bodyExtra();
        }
        afterBody();
    }

    /** After EPCISBody: document extensions, then the end of the document. */
    private void afterBody() {
        while (in.nextChild(ROOT)) {
            if (in.is("extension")) {
                Header12Parser.localExtensions(in, ROOT + "/extension", documentExtensions);
            } else if (in.isForeign(Epcis12Header.EPCIS_1_NS)) {
                documentExtensions.add(ExtensionReader.element(in));
            } else {
                throw in.unexpected(ROOT, "after EPCISBody: extension, or user extension elements in a namespace of"
                        + " their own");
            }
        }
        in.finish();
        state = State.DONE;
        pending = Pending.NONE;
    }
}
