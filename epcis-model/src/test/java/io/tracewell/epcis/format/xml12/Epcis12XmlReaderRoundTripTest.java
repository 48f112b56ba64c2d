package io.tracewell.epcis.format.xml12;

import static io.tracewell.epcis.format.xml12.Epcis12TestSupport.CBVMDA_NS;
import static io.tracewell.epcis.format.xml12.Epcis12TestSupport.GS1USHC_NS;
import static io.tracewell.epcis.format.xml12.Epcis12TestSupport.T;
import static io.tracewell.epcis.format.xml12.Epcis12TestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/**
 * Events written with {@link Epcis12XmlWriter} and read back with {@link Epcis12XmlReader} are the events that were
 * written, as far as EPCIS 1.2 carries them: identifiers come back as the EPC URNs the writer made of them,
 * quantities without exponent, and the CBV 2.0 event hash of every event is the same before and after.
 */
class Epcis12XmlReaderRoundTripTest {
    private static final String EXAMPLE_NS = "https://ns.example.com/epcis";
    private static final TimeZoneOffset OFFSET = TimeZoneOffset.parse("+01:00");
    private static final EventHasher HASHER = EventHasher.standard();

    record Read(Epcis12Header header12, DocumentHeader header, List<EpcisEvent> events, String schemaVersion) {
    }

    static Read read(byte[] xml) {
        try (Epcis12XmlReader reader = new Epcis12XmlReader(new ByteArrayInputStream(xml))) {
            List<EpcisEvent> events = new ArrayList<>();
            EpcisEvent e;
            while ((e = reader.next()) != null) {
                events.add(e);
            }
            return new Read(reader.header12(), reader.header(), events, reader.schemaVersion());
        }
    }

    /** What the writer makes of an event before writing it: identifiers as EPC URNs, CBV ILMD in its XML namespace. */
    private static EpcisEvent as12(EpcisEvent event, int position) {
        EventConversion conversion = new EventConversion(new UrnIdentifiers(Epcis12TestSupport.lengths()));
        return plainQuantities(conversion.convert(event, EventConversion.subject(event, position)));
    }

    /** 1.2 quantities are xsd:decimal, written without exponent: 1E+2 comes back as 100, the same number. */
    private static EpcisEvent plainQuantities(EpcisEvent e) {
        if (e instanceof TransactionEvent t) {
            return new TransactionEvent(t.common(), t.action(), t.parentID(), t.epcList(), plain(t.quantityList()),
                    t.where(), t.why(), t.sensorElementList(), t.extensions());
        }
        return e;
    }

    private static List<QuantityElement> plain(List<QuantityElement> list) {
        return list.stream().map(q -> new QuantityElement(q.epcClass(),
                q.quantity() == null ? null : new BigDecimal(q.quantity().toPlainString()), q.uom())).toList();
    }

    @Test
    void theWritersDscsaShipmentReadsBackAsTheEventsThatWereWritten() {
        List<EpcisEvent> originals = Epcis12XmlWriterTest.events();
        Read read = read(Epcis12TestSupport.write(Epcis12XmlWriterTest.header(), originals));

        assertThat(read.events()).hasSameSizeAs(originals);
        for (int i = 0; i < originals.size(); i++) {
            EpcisEvent original = originals.get(i);
            EpcisEvent back = read.events().get(i);
            assertThat(back).as("event %d", i + 1).isEqualTo(as12(original, i + 1));
            assertThat(HASHER.hashId(back)).as("hash of event %d", i + 1).isEqualTo(HASHER.hashId(original));
        }
        // a spot check that does not go through the writer's conversion: identifiers are the URNs as written
        ObjectEvent commissioning = (ObjectEvent) read.events().get(0);
        assertThat(commissioning.epcList()).containsExactly("urn:epc:id:sgtin:0614141.010734.2017",
                "urn:epc:id:sgtin:0614141.010734.2018");
        assertThat(commissioning.bizStep()).isEqualTo(BizStep.COMMISSIONING);
        assertThat(read.events().get(4)).isInstanceOf(TransformationEvent.class);
    }

    @Test
    void theHeaderReadsBackAsTheHeaderThatWasWritten() {
        Epcis12Header written = Epcis12XmlWriterTest.header();
        Read read = read(Epcis12TestSupport.write(written, Epcis12XmlWriterTest.events()));

        UrnIdentifiers ids = new UrnIdentifiers(Epcis12TestSupport.lengths());
        assertThat(read.header12()).isEqualTo(written.withMasterData(
                Header12Writer.converted(written.masterData(), ids)));
        assertThat(read.schemaVersion()).isEqualTo("1.2");

        DocumentHeader header = read.header();
        assertThat(header.kind()).isEqualTo(DocumentKind.EPCIS_DOCUMENT);
        assertThat(header.schemaVersion()).isEqualTo("2.0");
        assertThat(header.creationDate()).isEqualTo(T);
        assertThat(header.sbdh()).isEqualTo(Epcis12TestSupport.sbdh());
        assertThat(header.namespaces().byPrefix()).containsExactlyEntriesOf(java.util.Map.of("gs1ushc", GS1USHC_NS));
        assertThat(header.masterData()).isEqualTo(read.header12().masterData());
        assertThat(header.extensions()).isEqualTo(written.headerElements());
    }

    /** Every field 1.2 has, in every place it has it, with identifiers that are URNs already. */
    static Epcis12Header fullHeader() {
        Vocabulary locations = new Vocabulary("urn:epcglobal:epcis:vtype:Location", List.of(
                new VocabularyElement("urn:epc:id:sgln:0614141.00000.0", List.of(
                        new VocabularyAttribute("urn:epcglobal:cbv:mda#name", new ExtensionElement.Simple(
                                "Example Pharma Inc.", null)),
                        new VocabularyAttribute("urn:epcglobal:cbv:mda#address", new ExtensionElement.Complex(List.of(
                                text(EXAMPLE_NS, "ex", "street", "1 Main St"),
                                text(EXAMPLE_NS, "ex", "city", "Springfield"))))),
                        List.of("urn:epc:id:sgln:0614141.00000.12"),
                        List.of(ExtensionElement.text(new QName("", "laterField"), "x"),
                                text(EXAMPLE_NS, "ex", "note", "main site")))),
                List.of(text(EXAMPLE_NS, "ex", "source", "ERP")));
        ExtensionElement statement = ExtensionElement.of(new QName(GS1USHC_NS, "dscsaTransactionStatement", "gs1ushc"),
                List.of(text(GS1USHC_NS, "gs1ushc", "affirmTransactionStatement", "true")));
        return new Epcis12Header(EpcisTime.parse("2024-05-01T10:15:30.123+02:00"),
                io.tracewell.epcis.model.Namespaces.NONE.with("gs1ushc", GS1USHC_NS).with("ex", EXAMPLE_NS),
                Epcis12TestSupport.sbdh(), List.of(locations), List.of(statement),
                List.of(ExtensionElement.text(new QName("", "documentNote"), "unqualified"),
                        text(EXAMPLE_NS, "ex", "batchRun", "42")));
    }

    static List<EpcisEvent> fullEvents() {
        ExtensionElement typed = new ExtensionElement(new QName(EXAMPLE_NS, "temperature", "ex"), List.of(),
                new ExtensionElement.Simple("4.5", Datatypes.DECIMAL));
        ExtensionElement attributed = new ExtensionElement(new QName(EXAMPLE_NS, "seal", "ex"),
                List.of(new ExtensionAttribute(new QName(EXAMPLE_NS, "kind", "ex"), "tamper-evident"),
                        new ExtensionAttribute(new QName("", "plain"), "yes")),
                new ExtensionElement.Simple("S-123", null));
        ExtensionElement nil = new ExtensionElement(new QName(EXAMPLE_NS, "nothing", "ex"), List.of(),
                new ExtensionElement.Nil());
        ExtensionElement nested = ExtensionElement.of(new QName(EXAMPLE_NS, "carrier", "ex"), List.of(
                text(EXAMPLE_NS, "ex", "name", "Example Freight"),
                ExtensionElement.text(new QName("", "unqualifiedChild"), "kept"),
                ExtensionElement.of(new QName(EXAMPLE_NS, "vehicle", "ex"), List.of(
                        text(EXAMPLE_NS, "ex", "plate", "B-XY 123")))));
        ReadPoint readPoint = new ReadPoint("urn:epc:id:sgln:0614141.00000.12",
                List.of(ExtensionElement.text(new QName("", "dock"), "7"), text(EXAMPLE_NS, "ex", "gate", "North")));
        BizLocation bizLocation = new BizLocation("urn:epc:id:sgln:0614141.00000.0",
                List.of(text(EXAMPLE_NS, "ex", "zone", "A")));
        CommonFields first = new CommonFields(EpcisTime.parse("2024-04-30T10:00:00.5+01:00"), OFFSET,
                EpcisTime.parse("2024-04-30T09:00:01Z"), "urn:uuid:5c3e4d2a-0000-4000-8000-000000000001", null, null);
        ObjectEvent commissioning = new ObjectEvent(first, Action.ADD,
                List.of("urn:epc:id:sgtin:0614141.010734.2017", "urn:epc:id:sgtin:0614141.010734.2018"),
                List.of(new QuantityElement("urn:epc:class:lgtin:0614141.010734.LOT123", new BigDecimal("2.50"), "KGM"),
                        new QuantityElement("urn:epc:idpat:sgtin:0614141.010734.*", new BigDecimal("12"), null),
                        new QuantityElement("urn:epc:class:lgtin:0614141.010734.LOT124", null, null)),
                new Where(readPoint, bizLocation,
                        List.of(new SourceDest(SourceDestType.POSSESSING_PARTY, "urn:epc:id:pgln:0614141.00000")),
                        List.of(new SourceDest(SourceDestType.of("urn:example:sdt:warehouse"),
                                "urn:epc:id:sgln:0012345.00000.0"))),
                new Why(BizStep.COMMISSIONING, Disposition.ACTIVE, null, List.of(
                        new BizTransaction(BizTransactionType.PO, "urn:epcglobal:cbv:bt:0012345000004:PO-4711"),
                        new BizTransaction(null, "urn:example:bt:untyped"))),
                List.of(),
                // unqualified elements first: 1.2 has them in ilmd/extension, before the namespaced ones
                new Ilmd(List.of(ExtensionElement.text(new QName("", "laterIlmd"), "reserved"),
                        text(CBVMDA_NS, "cbvmda", "lotNumber", "LOT123"),
                        text(CBVMDA_NS, "cbvmda", "itemExpirationDate", "2026-12-31"),
                        text(EXAMPLE_NS, "ex", "grade", "A"))),
                List.of(typed, attributed, nil, nested));
        AggregationEvent packing = new AggregationEvent(
                CommonFields.of(EpcisTime.parse("2024-04-30T11:00:00.000+01:00"), OFFSET),
                Action.DELETE, "urn:epc:id:sscc:0614141.1234567890", List.of(),
                List.of(new QuantityElement("urn:epc:class:lgtin:0614141.010734.LOT123", new BigDecimal("3"), "EA")),
                new Where(null, null, List.of(new SourceDest(SourceDestType.LOCATION,
                        "urn:epc:id:sgln:0614141.00000.12")), List.of()),
                new Why(BizStep.UNPACKING, Disposition.of("urn:example:disp:opened"), null, List.of()), List.of(),
                List.of());
        TransactionEvent invoice = new TransactionEvent(
                new CommonFields(EpcisTime.parse("2024-05-01T07:30:00.000-05:00"), TimeZoneOffset.parse("-05:00"),
                        null, "urn:uuid:5c3e4d2a-0000-4000-8000-000000000003",
                        new ErrorDeclaration(EpcisTime.parse("2024-05-02T09:00:00.000Z"), ErrorReason.DID_NOT_OCCUR,
                                List.of("urn:uuid:5c3e4d2a-0000-4000-8000-000000000004",
                                        "urn:uuid:5c3e4d2a-0000-4000-8000-000000000005"),
                                List.of(ExtensionElement.text(new QName("", "laterReason"), "r"),
                                        text(EXAMPLE_NS, "ex", "ticket", "T-1"))), null),
                Action.OBSERVE, null, List.of("urn:epc:id:sscc:0614141.1234567890"), List.of(),
                new Where(null, null, List.of(), List.of(new SourceDest(SourceDestType.OWNING_PARTY,
                        "urn:epc:id:sgln:0012345.00000.0"))),
                new Why(null, Disposition.IN_TRANSIT, null, List.of(new BizTransaction(BizTransactionType.INV,
                        "urn:epcglobal:cbv:bt:0614141000005:INV-77"))), List.of(), List.of(typed));
        TransformationEvent relabelling = new TransformationEvent(
                new CommonFields(EpcisTime.parse("2024-05-01T08:00:00.000+01:00"), OFFSET, null, null,
                        new ErrorDeclaration(EpcisTime.parse("2024-05-03T09:00:00.000Z"), null, List.of(), List.of()),
                        null),
                List.of("urn:epc:id:sgtin:0614141.010734.2018"),
                List.of(new QuantityElement("urn:epc:class:lgtin:0614141.010734.LOT123", new BigDecimal("1"), "KGM")),
                List.of("urn:epc:id:sgtin:0614141.010734.3001"),
                List.of(new QuantityElement("urn:epc:class:lgtin:0614141.010734.LOT125", new BigDecimal("0.5"), null)),
                "urn:example:transformation:1", new Where(readPoint, null,
                        List.of(new SourceDest(SourceDestType.OWNING_PARTY, "urn:epc:id:sgln:0614141.00000.0")),
                        List.of(new SourceDest(SourceDestType.OWNING_PARTY, "urn:epc:id:sgln:0614141.00000.0"))),
                new Why(BizStep.REPACKAGING, Disposition.ACTIVE, null, List.of(new BizTransaction(
                        BizTransactionType.PRODORDER, "urn:example:prodorder:9"))), List.of(),
                new Ilmd(List.of(text(CBVMDA_NS, "cbvmda", "lotNumber", "LOT125"))), List.of(nil));
        ObjectEvent shipping = new ObjectEvent(
                CommonFields.of(EpcisTime.parse("2024-05-01T09:00:00Z"), TimeZoneOffset.parse("+00:00")),
                Action.OBSERVE, List.of("urn:epc:id:sscc:0614141.1234567890"), List.of(), Where.NONE,
                new Why(BizStep.SHIPPING, Disposition.IN_TRANSIT, null, List.of()), List.of(), null, List.of());
        return List.of(commissioning, packing, invoice, relabelling, shipping);
    }

    @Test
    void everyField12CarriesComesBackEqual() {
        List<EpcisEvent> originals = fullEvents();
        byte[] xml = Epcis12TestSupport.write(fullHeader(), originals);
        assertThat(Epcis12TestSupport.validate(Epcis12TestSupport.projectSchema(), xml))
                .as("the fixture is a valid 1.2 document").isNull();

        Read read = read(xml);

        assertThat(read.events()).hasSameSizeAs(originals);
        for (int i = 0; i < originals.size(); i++) {
            assertThat(read.events().get(i)).as("event %d", i + 1).isEqualTo(originals.get(i));
            assertThat(HASHER.hashId(read.events().get(i))).isEqualTo(HASHER.hashId(originals.get(i)));
        }
        assertThat(read.header12()).isEqualTo(fullHeader());
        // header elements first, then the document extensions that follow EPCISBody
        assertThat(read.header().extensions()).containsExactlyElementsOf(java.util.stream.Stream.concat(
                fullHeader().headerElements().stream(), fullHeader().documentExtensions().stream()).toList());
    }

    @Test
    void writingWhatWasReadGivesTheSameDocument() {
        byte[] first = Epcis12TestSupport.write(fullHeader(), fullEvents());
        Read read = read(first);
        byte[] second = Epcis12TestSupport.write(read.header12(), read.events());
        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
    }

    @Test
    void theReaderSaysItReadsXml() {
        try (Epcis12XmlReader reader = new Epcis12XmlReader(new ByteArrayInputStream(
                Epcis12TestSupport.write(fullHeader(), List.of())))) {
            assertThat(reader.format()).isEqualTo(Format.XML);
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
            assertThat(reader.skip()).isFalse();
        }
    }
}
