package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.SensorComponent;
import io.tracewell.epcis.cbv.SensorAlertType;
import io.tracewell.epcis.cbv.SensorMeasurementType;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.cbv.BizTransactionType;
import static io.tracewell.epcis.format.xml.XmlTestSupport.read;
import static io.tracewell.epcis.format.xml.XmlTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorReport;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class XmlEventReaderTest {
    private static final String EX = "https://ns.example.com/epcis/";
    private static final String MDA = "urn:epcglobal:cbv:mda";

    private static ExtensionElement text(String ns, String local, String value) {
        return ExtensionElement.text(new QName(ns, local), value);
    }

    private static ExtensionElement typed(String local, String value, QName type) {
        return new ExtensionElement(new QName(EX, local), List.of(), new ExtensionElement.Simple(value, type));
    }

    @Test
    void readsTheDocumentHeaderWithNamespacesSbdhAndMasterData() {
        DocumentHeader h = read(resource("all-fields.xml")).header();

        assertThat(h.kind()).isEqualTo(DocumentKind.EPCIS_DOCUMENT);
        assertThat(h.schemaVersion()).isEqualTo("2.0");
        assertThat(h.creationDate()).isEqualTo(EpcisTime.parse("2024-05-01T10:15:30.123+02:00"));
        // epcis, xsi, xsd and sbdh are the binding's own namespaces, not extension namespaces
        assertThat(h.namespaces().byPrefix()).containsExactly(Map.entry("cbvmda", MDA), Map.entry("ex", EX),
                Map.entry("ex2", "https://ns2.example.com/"));

        Sbdh sbdh = h.sbdh();
        assertThat(sbdh.headerVersion()).isEqualTo("1.0");
        assertThat(sbdh.senders()).hasSize(2);
        assertThat(sbdh.senders().get(0)).isEqualTo(new Sbdh.Partner("urn:epc:id:sgln:4012345.00000.0", "GS1",
                List.of(new Sbdh.ContactInformation("Ada Example", "ada@example.com", "+49 30 1234 99",
                                "+49 30 1234 0", "Seller"),
                        new Sbdh.ContactInformation("Night desk", null, null, null, null))));
        assertThat(sbdh.senders().get(1).authority()).isNull();
        assertThat(sbdh.receiver()).isEqualTo("urn:epc:id:sgln:0614141.00000.0");
        assertThat(sbdh.documentIdentification()).isEqualTo(new Sbdh.DocumentIdentification("EPCglobal", "2.0",
                "1234567890", "Events", Boolean.FALSE, "2024-05-01T10:15:30.123+02:00"));
        Sbdh.Scope scope = sbdh.businessScope().get(0);
        assertThat(scope.type()).isEqualTo("EPCISQuery");
        assertThat(scope.instanceIdentifier()).isEqualTo("scope-1");
        assertThat(scope.identifier()).isEqualTo("urn:example:scope");
        assertThat(scope.scopeInformation()).extracting(e -> e.name().getLocalPart())
                .containsExactly("CorrelationInformation", "BusinessService");
        ExtensionElement service = scope.scopeInformation().get(1);
        ExtensionElement transaction = ((ExtensionElement.Complex) service.value()).children().get(1);
        assertThat(transaction.attributes()).containsExactly(
                new ExtensionAttribute(new QName("TypeOfServiceTransaction"), "RequestingServiceTransaction"),
                new ExtensionAttribute(new QName("IsAuthenticationRequired"), "true"));

        assertThat(h.masterData()).extracting(Vocabulary::type).containsExactly(
                "urn:epcglobal:epcis:vtype:BusinessLocation", "urn:epcglobal:epcis:vtype:EPCClass");
        var element = h.masterData().get(0).elements().get(0);
        assertThat(element.id()).isEqualTo("urn:epc:id:sgln:4012345.00000.0");
        assertThat(element.attributes()).extracting(VocabularyAttribute::id).containsExactly(
                "urn:epcglobal:cbv:mda#name", "urn:epcglobal:cbv:mda#sst", "urn:epcglobal:cbv:mda#sst",
                EX + "capacity", EX + "empty", "urn:epcglobal:cbv:mda#address");
        assertThat(element.attributes().get(0).value())
                .isEqualTo(new ExtensionElement.Simple("Central warehouse", null));
        assertThat(element.attributes().get(4).value()).isEqualTo(new ExtensionElement.Simple("", null));
        assertThat(element.attributes().get(5).value()).isEqualTo(new ExtensionElement.Complex(List.of(
                text(EX, "street", "Example Street 1"), text(EX, "city", "Berlin"),
                text("", "postalCode", "10115"))));
        assertThat(element.children()).containsExactly("urn:epc:id:sgln:4012345.00000.1",
                "urn:epc:id:sgln:4012345.00000.2");
        assertThat(element.extensions()).containsExactly(
                text("", "localNote", "unqualified, in the extension element"),
                text(EX, "elementNote", "namespaced"));
        assertThat(h.masterData().get(0).extensions()).containsExactly(text(EX, "vocabularyNote", "namespaced"));
    }

    @Test
    void readsEveryObjectEventField() {
        ObjectEvent e = (ObjectEvent) read(resource("all-fields.xml")).events().get(0);

        assertThat(e.eventTime().value().getNano()).isEqualTo(123_456_789);
        assertThat(e.recordTime()).isEqualTo(EpcisTime.parse("2024-05-01T08:16:00Z"));
        assertThat(e.eventTimeZoneOffset().toString()).isEqualTo("+02:00");
        assertThat(e.eventID()).isEqualTo("urn:uuid:11111111-2222-4333-8444-555555555555");
        assertThat(e.errorDeclaration().declarationTime()).isEqualTo(EpcisTime.parse("2024-05-02T09:00:00+02:00"));
        assertThat(e.errorDeclaration().reason()).isEqualTo(ErrorReason.INCORRECT_DATA);
        assertThat(e.errorDeclaration().correctiveEventIDs()).hasSize(2);
        assertThat(e.errorDeclaration().extensions()).containsExactly(text("", "ticket", "4711"),
                text(EX, "approvedBy", "quality"));
        assertThat(e.certificationInfo()).isEqualTo("https://cert.example.com/audit/42");
        assertThat(e.epcList()).containsExactly("urn:epc:id:sgtin:4012345.011111.1001",
                "https://id.gs1.org/01/04012345111118/21/1002");
        assertThat(e.action()).isEqualTo(Action.ADD);
        assertThat(e.bizStep()).isEqualTo(BizStep.COMMISSIONING);
        assertThat(e.disposition()).isEqualTo(Disposition.ACTIVE);
        assertThat(e.readPoint().id()).isEqualTo("urn:epc:id:sgln:4012345.00000.400");
        assertThat(e.readPoint().extensions()).containsExactly(text("", "door", "4"), text(EX, "lane", "2"));
        assertThat(e.bizLocation().extensions()).containsExactly(typed("zone", "cold", Datatypes.STRING));
        assertThat(e.why().bizTransactionList()).containsExactly(
                new BizTransaction(BizTransactionType.of("urn:epcglobal:cbv:btt:po"), "urn:epcglobal:cbv:bt:4012345000009:PO-1"),
                new BizTransaction(null, "https://transactions.example.com/77"));
        assertThat(e.quantityList()).containsExactly(
                new QuantityElement("urn:epc:class:lgtin:4012345.011111.LOT1", new BigDecimal("200.50"), "KGM"),
                new QuantityElement("urn:epc:class:lgtin:4012345.011111.LOT2", new BigDecimal("12"), null),
                new QuantityElement("urn:epc:idpat:sgtin:4012345.011111.*", null, null));
        assertThat(e.quantityList().get(0).quantity().scale()).isEqualTo(2);
        assertThat(e.where().sourceList()).containsExactly(
                new SourceDest(SourceDestType.of("urn:epcglobal:cbv:sdt:owning_party"), "urn:epc:id:pgln:4012345.00000"),
                new SourceDest(SourceDestType.of("location"), "urn:epc:id:sgln:4012345.00000.0"));
        assertThat(e.where().destinationList()).hasSize(1);
        assertThat(e.why().persistentDisposition().set()).containsExactly(Disposition.of("completeness_verified"),
                Disposition.of("urn:epcglobal:cbv:disp:needs_replacement"));
        assertThat(e.why().persistentDisposition().unset()).containsExactly(Disposition.of("completeness_inferred"));
        assertThat(e.ilmd().elements()).containsExactly(text("", "legacyIlmd", "1"),
                text(MDA, "lotNumber", "LOT1"),
                new ExtensionElement(new QName(MDA, "netWeight"),
                        List.of(new ExtensionAttribute(new QName("measurementUnitCode"), "KGM")),
                        new ExtensionElement.Simple("3.5", null)));
    }

    @Test
    void readsSensorElementsWithAttributeExtensions() {
        ObjectEvent e = (ObjectEvent) read(resource("all-fields.xml")).events().get(0);
        SensorElement first = e.sensorElementList().get(0);

        var m = first.sensorMetadata();
        assertThat(m.time()).isEqualTo(EpcisTime.parse("2024-05-01T08:00:00Z"));
        assertThat(m.startTime()).isEqualTo(EpcisTime.parse("2024-05-01T07:00:00Z"));
        assertThat(m.endTime()).isEqualTo(EpcisTime.parse("2024-05-01T08:00:00Z"));
        assertThat(m.deviceID()).isEqualTo("urn:epc:id:giai:4000001.111");
        assertThat(m.deviceMetadata()).isEqualTo("https://id.gs1.org/8004/4000001111");
        assertThat(m.rawData()).isEqualTo("https://example.org/raw/1");
        assertThat(m.dataProcessingMethod()).isEqualTo("https://example.org/method");
        assertThat(m.bizRules()).isEqualTo("https://example.org/rules");
        assertThat(m.extensions()).containsExactly(text(EX, "calibration", "2024-01-01"));

        SensorReport expected = SensorReport.builder().type(SensorMeasurementType.of("gs1:Temperature")).exception(SensorAlertType.of("gs1:ALARM_CONDITION"))
                .deviceID("urn:epc:id:giai:4000001.112").deviceMetadata("https://id.gs1.org/8004/4000001112")
                .rawData("https://example.org/raw/2").dataProcessingMethod("https://example.org/method2")
                .bizRules("https://example.org/rules2").time(EpcisTime.parse("2024-05-01T07:30:00.5+02:00"))
                .microorganism("https://www.ncbi.nlm.nih.gov/taxonomy/1126011")
                .chemicalSubstance("https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N")
                .value(new BigDecimal("-1.50")).component(SensorComponent.of("example:x")).stringValue(" spaced text ")
                .booleanValue(true).hexBinaryValue("f0f0f0").uriValue("https://example.org/u")
                .minValue(new BigDecimal("-2.0")).maxValue(new BigDecimal("1E+1")).meanValue(new BigDecimal("0.25"))
                .sDev(new BigDecimal("0.1")).percRank(new BigDecimal("50")).percValue(new BigDecimal("12.7"))
                .uom("CEL").coordinateReferenceSystem("http://www.opengis.net/def/crs/EPSG/0/4979")
                .extension(text(EX, "probe", "inner")).build();
        assertThat(first.sensorReport()).hasSize(2);
        assertThat(first.sensorReport().get(0)).isEqualTo(expected);
        assertThat(first.extensions()).containsExactly(text("", "batteryLevel", "80"),
                text(EX, "sensorNote", "namespaced"));
        assertThat(e.sensorElementList().get(1).sensorMetadata()).isNull();
    }

    @Test
    void readsEveryExtensionShape() {
        ObjectEvent e = (ObjectEvent) read(resource("all-fields.xml")).events().get(0);

        assertThat(e.extensions()).containsExactly(
                text(EX, "text", "plain text"),
                typed("integer", "12", Datatypes.INTEGER),
                typed("decimal", "12.50", Datatypes.DECIMAL),
                typed("double", "1.5E3", Datatypes.DOUBLE),
                typed("boolean", "true", Datatypes.BOOLEAN),
                typed("time", "2024-05-01T08:15:30Z", new QName(Datatypes.XSD_NS, "dateTime")),
                new ExtensionElement(new QName(EX, "nothing"), List.of(), new ExtensionElement.Nil()),
                text(EX, "empty", ""),
                ExtensionElement.of(new QName(EX, "object"), List.of(
                        text(EX, "a", "1"),
                        text("", "b", "2"),
                        ExtensionElement.of(new QName("https://ns2.example.com/", "deep"), List.of(
                                new ExtensionElement(new QName("https://ns2.example.com/", "deeper"), List.of(),
                                        new ExtensionElement.Simple("3", Datatypes.INTEGER)))))),
                text(EX, "repeated", "1"),
                text(EX, "repeated", "2"),
                new ExtensionElement(new QName(EX, "weight"), List.of(
                        new ExtensionAttribute(new QName(EX, "unit"), "KGM"),
                        new ExtensionAttribute(new QName("plain"), "yes")), new ExtensionElement.Simple("12", null)),
                text("https://local.example.com/", "declaredHere", "declared on the element"),
                text(EX, "cdata", "a < b & c"));
        // prefixes are kept for writing, though QName equality ignores them
        assertThat(e.extensions().get(0).name().getPrefix()).isEqualTo("ex");
    }

    @Test
    void readsTheOtherEventTypesAndDocumentExtensions() {
        EpcisDocument doc = read(resource("all-fields.xml"));
        List<EpcisEvent> events = doc.events();
        assertThat(events).extracting(ev -> ev.type().standardName()).containsExactly("ObjectEvent",
                "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent");

        AggregationEvent agg = (AggregationEvent) events.get(1);
        assertThat(agg.parentID()).isEqualTo("urn:epc:id:sscc:4012345.0000000001");
        assertThat(agg.childEPCs()).containsExactly("urn:epc:id:sgtin:4012345.011111.1001");
        assertThat(agg.childQuantityList()).extracting(QuantityElement::quantity).containsExactly(BigDecimal.TEN);
        assertThat(agg.action()).isEqualTo(Action.OBSERVE);
        assertThat(agg.extensions()).containsExactly(text(EX, "aggregationNote", "packed"));

        TransactionEvent tx = (TransactionEvent) events.get(2);
        assertThat(tx.parentID()).isEqualTo("urn:epc:id:sscc:4012345.0000000002");
        assertThat(tx.action()).isEqualTo(Action.DELETE);
        assertThat(tx.certificationInfo()).isEqualTo("https://cert.example.com/audit/43");
        assertThat(tx.why().bizTransactionList()).containsExactly(
                new BizTransaction(BizTransactionType.of("po"), "urn:epcglobal:cbv:bt:4012345000009:PO-2"));
        assertThat(tx.sensorElementList().get(0).sensorMetadata().deviceID()).isEqualTo("urn:epc:id:giai:4000001.113");

        TransformationEvent tf = (TransformationEvent) events.get(3);
        assertThat(tf.inputEPCList()).hasSize(1);
        assertThat(tf.inputQuantityList().get(0).quantity()).isEqualTo(new BigDecimal("10.000"));
        assertThat(tf.outputEPCList()).hasSize(2);
        assertThat(tf.outputQuantityList().get(0).quantity()).isEqualTo(new BigDecimal("9.5"));
        assertThat(tf.transformationID()).isEqualTo("urn:epc:id:gdti:4012345.00001.99");
        assertThat(tf.ilmd().elements()).containsExactly(text(MDA, "bestBeforeDate", "2025-05-01"));
        assertThat(tf.eventTimeZoneOffset().toString()).isEqualTo("+14:00");

        AssociationEvent as = (AssociationEvent) events.get(4);
        assertThat(as.parentID()).isEqualTo("urn:epc:id:grai:4012345.55555.1");
        assertThat(as.childEPCs()).containsExactly("urn:epc:id:giai:4000001.111");
        assertThat(as.childQuantityList()).hasSize(1);
        assertThat(as.eventTimeZoneOffset().toString()).isEqualTo("-14:00");

        assertThat(doc.header().extensions()).containsExactly(
                text("", "documentNote", "unqualified, in the document's extension element"),
                ExtensionElement.of(new QName(EX, "documentExtension"),
                        List.of(text(EX, "note", "namespaced, after the body"))));
    }

    @Test
    void documentExtensionsAfterTheBodyAppearInTheHeaderOnceTheEventsAreRead() {
        try (XmlEventReader reader = new XmlEventReader(new ByteArrayInputStream(resource("all-fields.xml")))) {
            assertThat(reader.format()).isEqualTo(Format.XML);
            assertThat(reader.header().extensions()).isEmpty();
            assertThat(reader.lastEventLocation()).isEqualTo(SourceLocation.NONE);
            int count = 0;
            while (reader.next() != null) {
                count++;
                if (count == 1) {
                    // just after the start tag <ObjectEvent> on line 94
                    assertThat(reader.lastEventLocation()).isEqualTo(SourceLocation.of(94, 20));
                }
            }
            assertThat(count).isEqualTo(5);
            assertThat(reader.next()).isNull();
            assertThat(reader.header().extensions()).hasSize(2);
        }
    }

    @Test
    void theEpcis1xWrappersReadAsTheEpcis2Layout() {
        EpcisDocument legacy = read(resource("legacy-wrappers.xml"));
        EpcisDocument flat = read(resource("legacy-flat.xml"));

        assertThat(legacy).isEqualTo(flat);
        ObjectEvent e = (ObjectEvent) legacy.events().get(0);
        assertThat(e.eventID()).isEqualTo("urn:uuid:11111111-2222-4333-8444-555555555555");
        assertThat(e.quantityList()).hasSize(1);
        assertThat(e.ilmd().elements()).containsExactly(text(EX, "lot", "LOT1"));
        assertThat(e.extensions()).containsExactly(text(EX, "inWrapper", "1"), text(EX, "direct", "2"));
        assertThat(legacy.events().get(1)).isInstanceOf(TransformationEvent.class);
    }

    @Test
    void readsQueryDocumentsWithEventsOrMasterData() {
        EpcisDocument events = read(resource("query-events.xml"));
        assertThat(events.header().kind()).isEqualTo(DocumentKind.EPCIS_QUERY_DOCUMENT);
        assertThat(events.header().queryName()).isEqualTo("SimpleEventQuery");
        assertThat(events.header().subscriptionID()).isEqualTo("sub-42");
        assertThat(events.header().sbdh().instanceIdentifier()).isEqualTo("q-1");
        assertThat(events.header().namespaces().byPrefix()).containsOnlyKeys("ex");
        assertThat(events.events()).extracting(ev -> ev.type().standardName())
                .containsExactly("ObjectEvent", "AssociationEvent");

        EpcisDocument masterData = read(resource("query-masterdata.xml"));
        assertThat(masterData.header().queryName()).isEqualTo("SimpleMasterDataQuery");
        assertThat(masterData.header().subscriptionID()).isNull();
        assertThat(masterData.events()).isEmpty();
        assertThat(masterData.header().masterData()).hasSize(1);
        assertThat(masterData.header().masterData().get(0).elements().get(0).attributes())
                .containsExactly(new VocabularyAttribute("urn:epcglobal:cbv:mda#name",
                        new ExtensionElement.Simple("Dock door 4", null)));
    }

    @Test
    void acceptsABareDoctypeAndUnqualifiedQueryResults() {
        assertThat(read(resource("bare-doctype.xml")).events()).isEmpty();

        EpcisDocument doc = read("""
                <q:EPCISQueryDocument xmlns:q="urn:epcglobal:epcis-query:xsd:2" schemaVersion="2.0"
                    creationDate="2024-05-01T10:15:30Z"><EPCISBody><QueryResults>
                  <subscriptionID>s</subscriptionID><queryName>SimpleEventQuery</queryName>
                  <resultsBody><EventList/></resultsBody></QueryResults></EPCISBody></q:EPCISQueryDocument>""");
        assertThat(doc.header().queryName()).isEqualTo("SimpleEventQuery");
        assertThat(doc.header().subscriptionID()).isEqualTo("s");
    }

    @Test
    void keepsTheDatatypeAndNilOfMasterDataAttributesWhenPresent() {
        EpcisDocument doc = read("""
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema"
                    creationDate="2024-05-01T10:15:30Z"><EPCISHeader><extension><EPCISMasterData><VocabularyList>
                  <Vocabulary type="urn:epcglobal:epcis:vtype:ReadPoint"><VocabularyElementList>
                    <VocabularyElement id="urn:x">
                      <attribute id="urn:a" xsi:type="xs:integer">5</attribute>
                      <attribute id="urn:b" xsi:nil="true"/>
                    </VocabularyElement></VocabularyElementList></Vocabulary>
                </VocabularyList></EPCISMasterData></extension></EPCISHeader>
                <EPCISBody><EventList/></EPCISBody></epcis:EPCISDocument>""");
        var attributes = doc.header().masterData().get(0).elements().get(0).attributes();
        assertThat(attributes).containsExactly(
                new VocabularyAttribute("urn:a", new ExtensionElement.Simple("5", Datatypes.INTEGER)),
                new VocabularyAttribute("urn:b", new ExtensionElement.Nil()));
    }

    @Test
    void readsASingleEventElement() {
        String xml = """
                <ObjectEvent xmlns:ex="https://ns.example.com/epcis/">
                  <eventTime>2024-05-01T08:15:30Z</eventTime><eventTimeZoneOffset>+02:00</eventTimeZoneOffset>
                  <action>OBSERVE</action><ex:f>1</ex:f>
                </ObjectEvent>""";
        EpcisEvent e = XmlEventReader.readEvent(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).isInstanceOf(ObjectEvent.class);
        assertThat(e.extensions()).containsExactly(text(EX, "f", "1"));
        assertThat(((ObjectEvent) e).action()).isEqualTo(Action.OBSERVE);
    }
}
