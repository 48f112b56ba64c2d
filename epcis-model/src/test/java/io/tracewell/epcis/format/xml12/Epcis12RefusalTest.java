package io.tracewell.epcis.format.xml12;

import static io.tracewell.epcis.format.xml12.Epcis12TestSupport.T;
import static io.tracewell.epcis.format.xml12.Epcis12TestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.SensorMeasurementType;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.PersistentDisposition;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorReport;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyElement;
import io.tracewell.epcis.model.Why;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** What EPCIS 1.2 cannot carry is refused, naming the event and the field, and nothing of it is written. */
class Epcis12RefusalTest {
    private static final CommonFields COMMON = CommonFields.of(T, TimeZoneOffset.parse("+01:00"))
            .withEventID("urn:uuid:6b0c6a52-0000-4000-8000-0000000000aa");
    private static final String SGTIN = "urn:epc:id:sgtin:0614141.010734.2017";

    private static ObjectEvent observe(List<String> epcs, Why why, List<SensorElement> sensors,
                                       List<ExtensionElement> extensions) {
        return new ObjectEvent(COMMON, Action.OBSERVE, epcs, List.of(), null, why, sensors, null, extensions);
    }

    private static ObjectEvent plain() {
        return observe(List.of(SGTIN), null, List.of(), List.of());
    }

    /**
     * Writes {@code plain(), refused, plain()}, expects the refusal of the second event, and checks that the
     * document is still complete and valid with the two others.
     */
    private static Epcis12ConversionException refused(EpcisEvent event, CompanyPrefixLengths lengths) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Epcis12ConversionException refusal;
        try (Epcis12XmlWriter writer = new Epcis12XmlWriter(out, lengths)) {
            writer.begin(Epcis12Header.of(T, Epcis12TestSupport.sbdh()));
            writer.write(plain());
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> writer.write(event));
            assertThat(thrown).isInstanceOf(Epcis12ConversionException.class);
            refusal = (Epcis12ConversionException) thrown;
            writer.write(plain());
            writer.end();
        }
        byte[] xml = out.toByteArray();
        assertThat(Epcis12TestSupport.validate(Epcis12TestSupport.projectSchema(), xml)).isNull();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text.split("<ObjectEvent>", -1)).hasSize(3);
        assertThat(text).doesNotContain("AssociationEvent", "sensor", "persistentDisposition", "certificationInfo",
                "https://id.gs1.org");
        return refusal;
    }

    private static Epcis12ConversionException refused(EpcisEvent event) {
        return refused(event, Epcis12TestSupport.lengths());
    }

    @Test
    void anAssociationEventIsRefused() {
        AssociationEvent association = new AssociationEvent(COMMON, Action.ADD, "urn:epc:id:grai:0614141.12345.1",
                List.of(SGTIN), List.of(), null, null, List.of(), List.of());
        Epcis12ConversionException e = refused(association);
        assertThat(e.subject()).isEqualTo("AssociationEvent #2 (eventID urn:uuid:6b0c6a52-0000-4000-8000-0000000000aa)");
        assertThat(e.field()).isEqualTo("type");
        assertThat(e).hasMessage("AssociationEvent #2 (eventID urn:uuid:6b0c6a52-0000-4000-8000-0000000000aa): type"
                + " AssociationEvent does not exist in EPCIS 1.2 (it came with EPCIS 2.0), so the event cannot be sent"
                + " to a 1.2 partner");
    }

    @Test
    void sensorDataIsRefused() {
        SensorReport report = SensorReport.builder().type(SensorMeasurementType.of("gs1:Temperature")).build();
        Epcis12ConversionException e = refused(observe(List.of(SGTIN), null,
                List.of(new SensorElement(null, List.of(report), List.of())), List.of()));
        assertThat(e.field()).isEqualTo("sensorElementList");
        assertThat(e).hasMessageStartingWith("ObjectEvent #2 (eventID urn:uuid:6b0c6a52-0000-4000-8000-0000000000aa):"
                + " sensorElementList holds 1 sensor element(s); EPCIS 1.2 has no sensor data");
    }

    @Test
    void aPersistentDispositionIsRefused() {
        Why why = new Why(null, Disposition.ACTIVE, new PersistentDisposition(List.of(Disposition.RECALLED),
                List.of()), List.of());
        Epcis12ConversionException e = refused(observe(List.of(SGTIN), why, List.of(), List.of()));
        assertThat(e.field()).isEqualTo("persistentDisposition");
        assertThat(e).hasMessageContaining("ObjectEvent #2").hasMessageContaining("EPCIS 1.2 has no persistent"
                + " disposition");
    }

    @Test
    void certificationInfoIsRefused() {
        CommonFields certified = new CommonFields(T, TimeZoneOffset.parse("+01:00"), null, null, null,
                "https://certs.example.com/audit/1");
        TransactionEvent tx = new TransactionEvent(certified, Action.ADD, null, List.of(SGTIN), List.of(), null,
                new Why(null, null, null, List.of(new BizTransaction(BizTransactionType.PO, "urn:example:po:1"))),
                List.of(), List.of());
        Epcis12ConversionException e = refused(tx);
        // without an eventID the event is named by its time
        assertThat(e.subject()).isEqualTo("TransactionEvent #2 (eventTime 2024-05-01T08:15:30.000Z)");
        assertThat(e.field()).isEqualTo("certificationInfo");
        assertThat(e).hasMessageContaining("'https://certs.example.com/audit/1'")
                .hasMessageContaining("EPCIS 1.2 has no certification information");
    }

    @Test
    void aDigitalLinkWithoutKnownCompanyPrefixLengthIsRefusedNamingTheIdentifier() {
        String unknown = "https://id.gs1.org/01/09520123456788/21/12345";
        Epcis12ConversionException e = refused(observe(List.of(SGTIN, unknown), null, List.of(), List.of()));
        assertThat(e.field()).isEqualTo("epcList");
        assertThat(e).hasMessageContaining("ObjectEvent #2")
                .hasMessageContaining("'" + unknown + "'")
                .hasMessageContaining("EPC URN")
                .hasMessageContaining("CompanyPrefixLengths");
    }

    @Test
    void withoutAnyPrefixLengthsEveryDigitalLinkIsRefusedButUrnsPass() {
        String dl = "https://id.gs1.org/00/106141412345678908";
        TransactionEvent tx = new TransactionEvent(COMMON, Action.ADD, dl, List.of(SGTIN), List.of(), null,
                new Why(null, null, null, List.of(new BizTransaction(BizTransactionType.PO, "urn:example:po:1"))),
                List.of(), List.of());
        Epcis12ConversionException e = refused(tx, CompanyPrefixLengths.none());
        assertThat(e.field()).isEqualTo("parentID");
        assertThat(e).hasMessageContaining("'" + dl + "'");
    }

    @Test
    void anLgtinQuantityClassWithoutPrefixLengthIsRefusedInItsList() {
        ObjectEvent quantities = new ObjectEvent(COMMON, Action.OBSERVE, List.of(),
                List.of(new QuantityElement("https://id.gs1.org/01/09520123456788/10/L1", null, null)), null, null,
                List.of(), null, List.of());
        Epcis12ConversionException e = refused(quantities);
        assertThat(e.field()).isEqualTo("quantityList");
        assertThat(e).hasMessageContaining("https://id.gs1.org/01/09520123456788/10/L1");
    }

    @Test
    void anUnqualifiedEventExtensionIsRefused() {
        ExtensionElement bare = ExtensionElement.text(new QName("note"), "x");
        Epcis12ConversionException e = refused(observe(List.of(SGTIN), null, List.of(), List.of(bare)));
        assertThat(e.field()).isEqualTo("extension 'note'");
        assertThat(e).hasMessageContaining("needs a namespace of its own");
    }

    @Test
    void aWebAddressThatIsNoGs1KeyIsWrittenAsGiven() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Epcis12XmlWriter writer = new Epcis12XmlWriter(out, CompanyPrefixLengths.none())) {
            writer.begin(Epcis12Header.of(T, null));
            writer.write(observe(List.of("https://example.com/things/42"), null, List.of(), List.of()));
            writer.end();
        }
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .contains("<epc>https://example.com/things/42</epc>");
    }

    @Test
    void masterDataOrHeaderElementsWithoutAnSbdhAreRefusedBeforeAnythingIsWritten() {
        Vocabulary locations = new Vocabulary("urn:epcglobal:epcis:vtype:Location",
                List.of(new VocabularyElement("urn:epc:id:sgln:0614141.00000.0", List.of(), List.of(), List.of())),
                List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Epcis12XmlWriter writer = new Epcis12XmlWriter(out, CompanyPrefixLengths.none());
        assertThatThrownBy(() -> writer.begin(Epcis12Header.of(T, null).withMasterData(List.of(locations))))
                .isInstanceOf(Epcis12ConversionException.class)
                .hasMessage("EPCIS 1.2 header: StandardBusinessDocumentHeader is missing: master data and header"
                        + " elements go into an EPCISHeader, which in EPCIS 1.2 always starts with an SBDH");
        ExtensionElement statement = text(Epcis12TestSupport.GS1USHC_NS, "gs1ushc", "dscsaTransactionStatement", "");
        assertThatThrownBy(() -> writer.begin(Epcis12Header.of(T, null).withHeaderElement(statement)))
                .isInstanceOf(Epcis12ConversionException.class)
                .hasMessageContaining("StandardBusinessDocumentHeader is missing");
        writer.close();
        assertThat(out.size()).isZero();
    }

    @Test
    void anIncompleteSbdhIsRefusedNamingWhatItLacks() {
        Sbdh full = Epcis12TestSupport.sbdh();
        Sbdh partial = new Sbdh("1.0", full.senders(), List.of(), new Sbdh.DocumentIdentification("EPCglobal", "1.0",
                null, "Events", null, "2024-05-01T08:15:30.000Z"), List.of());
        Epcis12XmlWriter writer = new Epcis12XmlWriter(new ByteArrayOutputStream(), CompanyPrefixLengths.none());
        assertThatThrownBy(() -> writer.begin(Epcis12Header.of(T, partial)))
                .isInstanceOf(Epcis12ConversionException.class)
                .hasMessage("EPCIS 1.2 header: StandardBusinessDocumentHeader lacks Receiver,"
                        + " DocumentIdentification/InstanceIdentifier, which the SBDH requires");
    }

    @Test
    void aMasterDataIdentifierWithoutUrnFormIsRefusedNamingTheVocabulary() {
        Vocabulary products = new Vocabulary("urn:epcglobal:epcis:vtype:EPCClass",
                List.of(new VocabularyElement("https://id.gs1.org/01/09520123456788", List.of(), List.of(), List.of())),
                List.of());
        Epcis12XmlWriter writer = new Epcis12XmlWriter(new ByteArrayOutputStream(), Epcis12TestSupport.lengths());
        assertThatThrownBy(() -> writer.begin(Epcis12Header.of(T, Epcis12TestSupport.sbdh())
                .withMasterData(List.of(products))))
                .isInstanceOf(Epcis12ConversionException.class)
                .hasMessageStartingWith("master data vocabulary urn:epcglobal:epcis:vtype:EPCClass: VocabularyElement id"
                        + " holds the GS1 Digital Link 'https://id.gs1.org/01/09520123456788'");
    }

    @Test
    void aHeaderElementMustBeInANamespaceOfItsOwn() {
        assertThatThrownBy(() -> Epcis12Header.of(T, Epcis12TestSupport.sbdh())
                .withHeaderElement(ExtensionElement.text(new QName("urn:epcglobal:epcis:xsd:1", "x"), "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header element '{urn:epcglobal:epcis:xsd:1}x' needs a namespace of its own");
    }

    @Test
    void aTransactionEventWithoutBusinessTransactionIsRefused() {
        TransactionEvent tx = new TransactionEvent(COMMON, Action.ADD, null, List.of(SGTIN), List.of(), null, null,
                List.of(), List.of());
        Epcis12ConversionException e = refused(tx);
        assertThat(e.field()).isEqualTo("bizTransactionList");
        assertThat(e).hasMessageContaining("TransactionEvent #2").hasMessageContaining("at least one business"
                + " transaction");
    }

    @Test
    void aUnitWithoutAQuantityIsRefused() {
        ObjectEvent quantities = new ObjectEvent(COMMON, Action.OBSERVE, List.of(),
                List.of(new QuantityElement("urn:epc:class:lgtin:0614141.010734.L1", null, "KGM")), null, null,
                List.of(), null, List.of());
        Epcis12ConversionException e = refused(quantities);
        assertThat(e.field()).isEqualTo("quantityList");
        assertThat(e).hasMessageContaining("unit 'KGM'");
    }
}
