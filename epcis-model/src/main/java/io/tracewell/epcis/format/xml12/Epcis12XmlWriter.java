package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.Vocabulary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Streams events of the EPCIS 2.0 model as an EPCIS 1.2 XML document (UTF-8, namespace
 * {@code urn:epcglobal:epcis:xsd:1}), for trading partners that exchange EPCIS 1.2, such as DSCSA partners:
 * {@link #begin}, any number of {@link #write}, then {@link #end}. The output follows the project's EPCIS 1.2 schema
 * ({@code io.tracewell.xsd.SchemaResources#EPCIS_1_2_XSD}).
 *
 * <p>What changes on the way from 2.0 to 1.2:
 * <ul>
 *   <li>Layout: eventID and errorDeclaration go into {@code baseExtension}; quantity lists, sources, destinations
 *       and the ILMD of Object, Aggregation and Transaction events into the event's {@code extension}; each
 *       TransformationEvent into an {@code extension} element of the event list; master data into the header's
 *       {@code extension/EPCISMasterData}.</li>
 *   <li>CBV values (business step, disposition, business transaction, source/destination and error reason types)
 *       are written as their URNs, e.g. {@code urn:epcglobal:cbv:bizstep:shipping}.</li>
 *   <li>Identifiers (EPCs, parentID, epcClass, read point, business location, sources, destinations, business
 *       transactions, transformationID, master data element ids and children) are written as EPC URNs: URNs as
 *       given, GS1 Digital Links translated with the company prefix lengths this writer is given. A Digital Link
 *       that cannot be translated is refused, never written as it is: 1.2 partners match objects by EPC URN.</li>
 *   <li>ILMD in the CBV master data namespace is written under {@code urn:epcglobal:cbv:mda} (prefix
 *       {@code cbvmda}), e.g. {@code cbvmda:lotNumber} and {@code cbvmda:itemExpirationDate}.</li>
 *   <li>What 1.2 has no place for is refused with {@link Epcis12ConversionException}, which names the event and
 *       the field: an AssociationEvent, a sensorElementList, a persistentDisposition, certificationInfo.</li>
 * </ul>
 *
 * <p>An event is converted completely before any of it is written, so a refused event leaves nothing behind and
 * the next one can follow. Likewise {@link #begin} checks the whole header first.
 *
 * <p>Not thread-safe. {@link #close()} closes the output stream.
 */
public final class Epcis12XmlWriter implements AutoCloseable {
    static final String EPCIS_PREFIX = "epcis";
    private static final Set<String> ROOT_PREFIXES =
            Set.of(EPCIS_PREFIX, Header12Writer.SBDH_PREFIX, EventConversion.CBVMDA_PREFIX);

    private enum State { NEW, EVENTS, ENDED }

    private final OutputStream stream;
    private final Xml12Output out;
    private final UrnIdentifiers ids;
    private final EventConversion conversion;
    private final Event12Writer events;
    private State state = State.NEW;
    private Epcis12Header header;
    private int position;

    /**
     * A writer without indentation.
     *
     * @param lengths GS1 company prefix lengths for translating Digital Links into EPC URNs
     */
    public Epcis12XmlWriter(OutputStream out, CompanyPrefixLengths lengths) {
        this(out, lengths, false);
    }

    /**
     * @param lengths GS1 company prefix lengths for translating Digital Links into EPC URNs
     * @param indent  put each element on its own line, indented by two spaces per level
     */
    public Epcis12XmlWriter(OutputStream out, CompanyPrefixLengths lengths, boolean indent) {
        this.stream = Objects.requireNonNull(out, "out");
        this.out = new Xml12Output(out, indent);
        this.ids = new UrnIdentifiers(Objects.requireNonNull(lengths, "lengths"));
        this.conversion = new EventConversion(ids);
        this.events = new Event12Writer(this.out);
    }

    /**
     * Writes everything up to the first event: the root element, the EPCISHeader (when the header has an SBDH) and
     * the opening of EPCISBody/EventList.
     *
     * @throws Epcis12ConversionException when there is master data or a header element but no SBDH (a 1.2 header
     *                                    always starts with one), when the SBDH is incomplete, or when a master data
     *                                    identifier has no EPC URN form; nothing is written then
     */
    public void begin(Epcis12Header header) {
        if (state != State.NEW) {
            throw new IllegalStateException("begin was already called");
        }
        Objects.requireNonNull(header, "header");
        if (header.sbdh() == null && (!header.masterData().isEmpty() || !header.headerElements().isEmpty())) {
            throw new Epcis12ConversionException("EPCIS 1.2 header", "StandardBusinessDocumentHeader", "is missing:"
                    + " master data and header elements go into an EPCISHeader, which in EPCIS 1.2 always starts"
                    + " with an SBDH");
        }
        if (header.sbdh() != null && !Header12Writer.missing(header.sbdh()).isEmpty()) {
            throw new Epcis12ConversionException("EPCIS 1.2 header", "StandardBusinessDocumentHeader", "lacks "
                    + String.join(", ", Header12Writer.missing(header.sbdh())) + ", which the SBDH requires");
        }
        List<Vocabulary> masterData = Header12Writer.converted(header.masterData(), ids);
        this.header = header;
        preamble(header, masterData);
        state = State.EVENTS;
    }

    /**
     * Converts the event to EPCIS 1.2 and writes it.
     *
     * @throws Epcis12ConversionException when 1.2 cannot carry the event; nothing of it was written, and the
     *                                    writer accepts the next event
     */
    public void write(EpcisEvent event) {
        Objects.requireNonNull(event, "event");
        if (state != State.EVENTS) {
            throw new IllegalStateException(state == State.NEW ? "call begin before write" : "end was already called");
        }
        position++;
        EpcisEvent converted = conversion.convert(event, EventConversion.subject(event, position));
        events.write(converted);
    }

    /** Closes the event list and the document, with the header's document extensions after EPCISBody. */
    public void end() {
        if (state != State.EVENTS) {
            throw new IllegalStateException(state == State.NEW ? "call begin before end" : "end was already called");
        }
        out.end(); // EventList
        out.end(); // EPCISBody
        Extensions12.withLocalWrapper(out, header.documentExtensions());
        out.end(); // EPCISDocument
        out.endDocument();
        state = State.ENDED;
    }

    /** Flushes what was written (also of an unfinished document) and closes the output stream. */
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

    private void preamble(Epcis12Header h, List<Vocabulary> masterData) {
        out.startDocument();
        out.start(new QName(Epcis12Header.EPCIS_1_NS, "EPCISDocument", EPCIS_PREFIX));
        if (h.sbdh() != null) {
            out.declare(Header12Writer.SBDH_PREFIX, Header12Writer.SBDH_NS);
        }
        out.declare(EventConversion.CBVMDA_PREFIX, EventConversion.CBVMDA_NS);
        for (Map.Entry<String, String> ns : h.namespaces().byPrefix().entrySet()) {
            String prefix = ns.getKey();
            if (!prefix.isEmpty() && !prefix.regionMatches(true, 0, "xml", 0, 3) && !ROOT_PREFIXES.contains(prefix)) {
                out.declare(prefix, ns.getValue());
            }
        }
        out.attribute("schemaVersion", "1.2");
        EpcisTime created = h.creationDate() == null ? EpcisTime.of(Instant.now()) : h.creationDate();
        out.attribute("creationDate", created.toString());
        if (h.sbdh() != null) {
            out.start("EPCISHeader");
            Header12Writer.sbdh(out, h.sbdh());
            if (!masterData.isEmpty()) {
                out.start("extension");
                out.start("EPCISMasterData");
                Header12Writer.vocabularyList(out, masterData);
                out.end();
                out.end();
            }
            Extensions12.namespaced(out, h.headerElements());
            out.end();
        }
        out.start("EPCISBody");
        out.start("EventList");
    }
}
