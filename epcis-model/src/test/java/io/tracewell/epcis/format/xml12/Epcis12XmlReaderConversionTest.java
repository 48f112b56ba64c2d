package io.tracewell.epcis.format.xml12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.xml.XmlEventReader;
import io.tracewell.epcis.format.xml.XmlEventWriter;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/**
 * Conversions of what EPCIS 1.2 has and 2.0 has not or has differently: the deprecated QuantityEvent, documents of
 * EPCIS 1.0 and 1.1, CBV values outside the CBV, and the way on into EPCIS 2.0 XML.
 */
class Epcis12XmlReaderConversionTest {

    private static Epcis12XmlReaderRoundTripTest.Read read(String xml) {
        return Epcis12XmlReaderRoundTripTest.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String document(String version, String events) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE project>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1" xmlns:ex="https://ns.example.com/epcis"
                    schemaVersion="%s" creationDate="2024-05-01T12:15:30.000Z">
                  <EPCISBody>
                    <EventList>
                %s
                    </EventList>
                  </EPCISBody>
                </epcis:EPCISDocument>
                """.formatted(version, events);
    }

    @Test
    void aQuantityEventBecomesAnObservingObjectEventWithOneQuantity() {
        Epcis12XmlReaderRoundTripTest.Read read = read(document("1.2", """
                  <QuantityEvent>
                    <eventTime>2024-05-01T08:00:00.000-04:00</eventTime>
                    <eventTimeZoneOffset>-04:00</eventTimeZoneOffset>
                    <baseExtension><eventID>urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427</eventID></baseExtension>
                    <epcClass>urn:epc:idpat:sgtin:0614141.010734.*</epcClass>
                    <quantity>12</quantity>
                    <bizStep>urn:epcglobal:cbv:bizstep:cycle_counting</bizStep>
                    <disposition>urn:epcglobal:cbv:disp:sellable_accessible</disposition>
                    <readPoint><id>urn:epc:id:sgln:0614141.00000.12</id></readPoint>
                    <bizTransactionList>
                      <bizTransaction type="urn:epcglobal:cbv:btt:po">urn:epcglobal:cbv:bt:0012345000004:PO-1</bizTransaction>
                    </bizTransactionList>
                    <ex:counter>C-7</ex:counter>
                  </QuantityEvent>
                """));

        ObjectEvent expected = new ObjectEvent(
                CommonFields.of(EpcisTime.parse("2024-05-01T08:00:00.000-04:00"), TimeZoneOffset.parse("-04:00"))
                        .withEventID("urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
                Action.OBSERVE, List.of(),
                List.of(new QuantityElement("urn:epc:idpat:sgtin:0614141.010734.*", new BigDecimal("12"), null)),
                new Where(ReadPoint.of("urn:epc:id:sgln:0614141.00000.12"), null, List.of(), List.of()),
                new Why(BizStep.CYCLE_COUNTING, Disposition.SELLABLE_ACCESSIBLE, null, List.of(
                        new BizTransaction(BizTransactionType.PO, "urn:epcglobal:cbv:bt:0012345000004:PO-1"))),
                List.of(), null,
                List.of(ExtensionElement.text(new QName("https://ns.example.com/epcis", "counter"), "C-7")));
        assertThat(read.events()).containsExactly(expected);
    }

    @Test
    void aQuantityEventQuantityMustBeAWholeNumber() {
        String xml = document("1.2", """
                  <QuantityEvent>
                    <eventTime>2024-05-01T08:00:00.000-04:00</eventTime>
                    <eventTimeZoneOffset>-04:00</eventTimeZoneOffset>
                    <epcClass>urn:epc:idpat:sgtin:0614141.010734.*</epcClass>
                    <quantity>1.5</quantity>
                  </QuantityEvent>
                """);
        EpcisFormatException e = catchThrowableOfType(() -> read(xml), EpcisFormatException.class);
        assertThat(e.problem()).isEqualTo("QuantityEvent quantity '1.5' is not a whole number");
        assertThat(e.location().line()).isEqualTo(xml.substring(0, xml.indexOf("<quantity>")).split("\n").length);
    }

    @Test
    void documentsOfEpcis11AreReadTheSameWay() {
        Epcis12XmlReaderRoundTripTest.Read read = read(document("1.1", """
                  <ObjectEvent>
                    <eventTime>2015-03-01T10:00:00Z</eventTime>
                    <eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
                    <epcList/>
                    <action>OBSERVE</action>
                    <bizStep>urn:example:bizstep:weighing</bizStep>
                    <extension>
                      <quantityList>
                        <quantityElement><epcClass>urn:epc:class:lgtin:0614141.010734.L1</epcClass><quantity>2.5</quantity><uom>KGM</uom></quantityElement>
                      </quantityList>
                    </extension>
                  </ObjectEvent>
                  <extension>
                    <TransformationEvent>
                      <eventTime>2015-03-01T11:00:00Z</eventTime>
                      <eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
                      <inputEPCList><epc>urn:epc:id:sgtin:0614141.010734.1</epc></inputEPCList>
                      <outputQuantityList>
                        <quantityElement><epcClass>urn:epc:class:lgtin:0614141.010735.L2</epcClass></quantityElement>
                      </outputQuantityList>
                      <transformationID>urn:example:t:1</transformationID>
                    </TransformationEvent>
                  </extension>
                """));
        assertThat(read.schemaVersion()).isEqualTo("1.1");
        assertThat(read.header().schemaVersion()).isEqualTo("2.0");
        assertThat(read.header().sbdh()).isNull();
        ObjectEvent weighing = (ObjectEvent) read.events().get(0);
        assertThat(weighing.eventID()).isNull();
        assertThat(weighing.epcList()).isEmpty();
        assertThat(weighing.quantityList()).containsExactly(
                new QuantityElement("urn:epc:class:lgtin:0614141.010734.L1", new BigDecimal("2.5"), "KGM"));
        // a business step outside the CBV is kept as written
        assertThat(weighing.bizStep()).isEqualTo(BizStep.of("urn:example:bizstep:weighing"));
        assertThat(weighing.bizStep().uri()).isEqualTo("urn:example:bizstep:weighing");
        TransformationEvent t = (TransformationEvent) read.events().get(1);
        assertThat(t.inputEPCList()).containsExactly("urn:epc:id:sgtin:0614141.010734.1");
        assertThat(t.outputQuantityList()).containsExactly(
                new QuantityElement("urn:epc:class:lgtin:0614141.010735.L2", null, null));
        assertThat(t.transformationID()).isEqualTo("urn:example:t:1");
    }

    @Test
    void whatWasReadIsCapturedAsEpcis20WithoutLoss() {
        byte[] dscsa = Epcis12XmlReaderDscsaTest.DOCUMENT.getBytes(StandardCharsets.UTF_8);
        Epcis12XmlReaderRoundTripTest.Read read = Epcis12XmlReaderRoundTripTest.read(dscsa);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Epcis12XmlReader reader = new Epcis12XmlReader(new ByteArrayInputStream(dscsa));
             XmlEventWriter writer = new XmlEventWriter(out)) {
            assertThat(EpcisFormats.copy(reader, writer)).isEqualTo(3);
        }
        List<EpcisEvent> events = new ArrayList<>();
        DocumentHeader header;
        try (XmlEventReader reader = new XmlEventReader(new ByteArrayInputStream(out.toByteArray()))) {
            EpcisEvent e;
            while ((e = reader.next()) != null) {
                events.add(e);
            }
            header = reader.header();
        }
        assertThat(events).isEqualTo(read.events());
        assertThat(header.schemaVersion()).isEqualTo("2.0");
        assertThat(header.sbdh()).isEqualTo(read.header().sbdh());
        assertThat(header.masterData()).isEqualTo(read.header().masterData());
        assertThat(header.extensions()).isEqualTo(read.header().extensions());
        assertThat(header.namespaces()).isEqualTo(read.header().namespaces());
    }
}
