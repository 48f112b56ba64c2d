package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.SensorComponent;
import io.tracewell.epcis.cbv.SensorAlertType;
import io.tracewell.epcis.cbv.SensorMeasurementType;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.cbv.BizTransactionType;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ExtensionElement.Complex;
import io.tracewell.epcis.model.ExtensionElement.Nil;
import io.tracewell.epcis.model.ExtensionElement.Simple;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorReport;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class JsonLdEventReaderTest {
    private static final String TW = "https://tracewell.example.org/epcis/";

    private static QName tw(String local) {
        return new QName(TW, local, "tw");
    }

    @Test
    void readsEveryFieldOfAnObjectEvent() {
        EpcisDocument doc = JsonLd.resource("object-event-all-fields.jsonld");
        assertThat(doc.events()).hasSize(1);
        ObjectEvent e = (ObjectEvent) doc.events().get(0);

        assertThat(e.eventTime()).isEqualTo(EpcisTime.parse("2024-03-01T08:15:30.500+01:00"));
        assertThat(e.eventTime().value().getOffset().getId()).isEqualTo("+01:00");
        assertThat(e.recordTime()).isEqualTo(EpcisTime.parse("2024-03-01T08:20:00Z"));
        assertThat(e.eventTimeZoneOffset()).isEqualTo(TimeZoneOffset.parse("+01:00"));
        assertThat(e.eventID()).isEqualTo("ni:///sha-256;3a7b1c?ver=CBV2.0");
        assertThat(e.certificationInfo()).isEqualTo("https://accreditation.example.org/certificate/ABC12345");
        assertThat(e.errorDeclaration().declarationTime()).isEqualTo(EpcisTime.parse("2024-03-02T10:00:00.000+01:00"));
        assertThat(e.errorDeclaration().reason()).isEqualTo(ErrorReason.INCORRECT_DATA);
        assertThat(e.errorDeclaration().correctiveEventIDs())
                .containsExactly("urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8");
        assertThat(e.errorDeclaration().extensions())
                .containsExactly(ExtensionElement.text(tw("declaredBy"), "quality team"));

        assertThat(e.epcList()).containsExactly("urn:epc:id:sgtin:4012345.011111.1001",
                "https://id.gs1.org/01/04012345111118/21/1002");
        assertThat(e.quantityList()).containsExactly(
                new QuantityElement("urn:epc:class:lgtin:4012345.012345.998877", new BigDecimal("200.50"), "KGM"),
                new QuantityElement("https://id.gs1.org/01/04012345123456", new BigDecimal("12"), null),
                new QuantityElement("urn:epc:idpat:sgtin:4012345.012345.*", null, null));
        assertThat(e.quantityList().get(0).quantity().scale()).as("the scale is kept").isEqualTo(2);
        assertThat(e.action()).isEqualTo(Action.ADD);

        assertThat(e.bizStep()).isEqualTo(BizStep.COMMISSIONING);
        assertThat(e.disposition()).isEqualTo(Disposition.ACTIVE);
        assertThat(e.why().persistentDisposition().set()).containsExactly(Disposition.of("completeness_verified"));
        assertThat(e.why().persistentDisposition().unset()).containsExactly(Disposition.of("completeness_inferred"));
        assertThat(e.why().bizTransactionList()).containsExactly(
                new BizTransaction(BizTransactionType.of("po"), "urn:epc:id:gdti:4012345.00001.1618034"),
                new BizTransaction(null, "https://transactions.example.org/po/1"));

        assertThat(e.readPoint().id()).isEqualTo("urn:epc:id:sgln:4012345.00001.400");
        assertThat(e.readPoint().extensions()).containsExactly(ExtensionElement.text(tw("dock"), "D4"));
        assertThat(e.bizLocation().id()).isEqualTo("urn:epc:id:sgln:4012345.00001.0");
        assertThat(e.bizLocation().extensions()).containsExactly(ExtensionElement.of(tw("zone"), List.of(
                ExtensionElement.text(tw("aisle"), "7"), ExtensionElement.text(tw("rack"), "B"))));
        assertThat(e.where().sourceList())
                .containsExactly(new SourceDest(SourceDestType.of("owning_party"), "urn:epc:id:pgln:4012345.00000"));
        assertThat(e.where().destinationList())
                .containsExactly(new SourceDest(SourceDestType.of("location"), "urn:epc:id:sgln:0614141.00777.0"));

        assertThat(e.ilmd().elements()).containsExactly(
                ExtensionElement.text(new QName("urn:epcglobal:cbv:mda", "lotNumber"), "LOT-42"),
                ExtensionElement.text(new QName("urn:epcglobal:cbv:mda", "itemExpirationDate"), "2025-03-01"),
                ExtensionElement.text(tw("grade"), "A"));
        assertThat(e.extensions()).containsExactly(ExtensionElement.text(tw("eventNote"), "event extension"));
    }

    @Test
    void readsEverySensorAttributeWithExtensionsAtEachLevel() {
        ObjectEvent e = (ObjectEvent) JsonLd.resource("object-event-all-fields.jsonld").events().get(0);
        assertThat(e.sensorElementList()).hasSize(1);
        SensorElement s = e.sensorElementList().get(0);
        assertThat(s.extensions())
                .containsExactly(ExtensionElement.text(tw("elementNote"), "sensor element extension"));

        var m = s.sensorMetadata();
        assertThat(m.time()).isEqualTo(EpcisTime.parse("2024-03-01T08:00:00.000+01:00"));
        assertThat(m.startTime()).isEqualTo(EpcisTime.parse("2024-03-01T07:00:00.000+01:00"));
        assertThat(m.endTime()).isEqualTo(EpcisTime.parse("2024-03-01T08:00:00.000+01:00"));
        assertThat(m.deviceID()).isEqualTo("urn:epc:id:giai:4000001.111");
        assertThat(m.deviceMetadata()).isEqualTo("https://id.gs1.org/8004/4000001111");
        assertThat(m.rawData()).isEqualTo("https://sensors.example.org/raw/1");
        assertThat(m.dataProcessingMethod()).isEqualTo("https://sensors.example.org/method/1");
        assertThat(m.bizRules()).isEqualTo("https://sensors.example.org/rules/1");
        assertThat(m.extensions()).containsExactly(ExtensionElement.text(tw("calibrated"), "2024-01-15"));

        SensorReport expected = SensorReport.builder()
                .type(SensorMeasurementType.of("gs1:Temperature"))
                .exception(SensorAlertType.of("ALARM_CONDITION"))
                .deviceID("urn:epc:id:giai:4000001.112")
                .deviceMetadata("https://id.gs1.org/8004/4000001112")
                .rawData("https://sensors.example.org/raw/2")
                .dataProcessingMethod("https://sensors.example.org/method/2")
                .bizRules("https://sensors.example.org/rules/2")
                .time(EpcisTime.parse("2024-03-01T07:30:00.000+01:00"))
                .microorganism("https://www.ncbi.nlm.nih.gov/taxonomy/1126011")
                .chemicalSubstance("https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N")
                .value(new BigDecimal("26.0"))
                .component(SensorComponent.of("x"))
                .stringValue("SomeString")
                .booleanValue(false)
                .hexBinaryValue("f0f0f0")
                .uriValue("https://id.gs1.org/8004/4000001111")
                .minValue(new BigDecimal("25.5"))
                .maxValue(new BigDecimal("26.75"))
                .meanValue(new BigDecimal("26.1"))
                .sDev(new BigDecimal("0.1"))
                .percRank(new BigDecimal("50"))
                .percValue(new BigDecimal("26.05"))
                .uom("CEL")
                .coordinateReferenceSystem("http://www.opengis.net/def/crs/EPSG/0/4979")
                .extension(ExtensionElement.text(tw("probe"), "P-7"))
                .build();
        assertThat(s.sensorReport()).containsExactly(expected);
    }

    @Test
    void readsTheHeaderWithMasterDataAndTheThreeSbdhMembers() {
        DocumentHeader h = JsonLd.resource("object-event-all-fields.jsonld").header();
        assertThat(h.kind()).isEqualTo(DocumentKind.EPCIS_DOCUMENT);
        assertThat(h.id()).isEqualTo("https://tracewell.example.org/documents/1");
        assertThat(h.schemaVersion()).isEqualTo("2.0");
        assertThat(h.creationDate()).isEqualTo(EpcisTime.parse("2024-03-01T09:30:00.123+01:00"));
        assertThat(h.contexts()).containsExactly("https://tracewell.example.org/context/extra.jsonld");
        assertThat(h.namespaces().byPrefix()).isEqualTo(Map.of("tw", TW));
        assertThat(h.extensions()).containsExactly(
                ExtensionElement.text(tw("documentNote"), "document extension"),
                ExtensionElement.text(tw("headerNote"), "header extension"));

        assertThat(h.sbdh().sender()).isEqualTo("urn:epc:id:pgln:4012345.00000");
        assertThat(h.sbdh().receiver()).isEqualTo("urn:epc:id:pgln:0614141.00000");
        assertThat(h.sbdh().instanceIdentifier()).isEqualTo("DOC-0001");
        assertThat(h.sbdh().headerVersion()).isEqualTo("1.0");
        assertThat(h.sbdh().documentIdentification().standard()).isEqualTo("EPCglobal");
        assertThat(h.sbdh().documentIdentification().typeVersion()).isEqualTo("2.0");
        assertThat(h.sbdh().documentIdentification().type()).isEqualTo("Events");
        assertThat(h.sbdh().documentIdentification().creationDateAndTime()).isEqualTo("2024-03-01T09:30:00.123+01:00");

        assertThat(h.masterData()).hasSize(1);
        assertThat(h.masterData().get(0).type()).isEqualTo("urn:epcglobal:epcis:vtype:BusinessLocation");
        assertThat(h.masterData().get(0).extensions())
                .containsExactly(ExtensionElement.text(tw("vocabularyNote"), "vocabulary extension"));
        VocabularyElement element = h.masterData().get(0).elements().get(0);
        assertThat(element.id()).isEqualTo("urn:epc:id:sgln:4012345.00001.0");
        assertThat(element.children())
                .containsExactly("urn:epc:id:sgln:4012345.00001.1", "urn:epc:id:sgln:4012345.00001.2");
        assertThat(element.extensions())
                .containsExactly(ExtensionElement.text(tw("elementNote"), "element extension"));
        QName since = new QName(Datatypes.XSD_NS, "date");
        assertThat(element.attributes()).containsExactly(
                new VocabularyAttribute("urn:epcglobal:cbv:mda#name", new Simple("Warehouse North", null)),
                new VocabularyAttribute("urn:epcglobal:cbv:mda#latitude", new Simple("52.5200", Datatypes.DECIMAL)),
                new VocabularyAttribute("urn:epcglobal:cbv:mda#sst", new Simple("201", Datatypes.INTEGER)),
                new VocabularyAttribute("tw:open", new Simple("true", Datatypes.BOOLEAN)),
                new VocabularyAttribute("tw:since", new Simple("2019-01-01", since)),
                new VocabularyAttribute("tw:address", new Complex(List.of(
                        ExtensionElement.text(tw("street"), "Main Street 1"),
                        ExtensionElement.text(tw("city"), "Berlin")))),
                new VocabularyAttribute("tw:unknown", new Nil()),
                new VocabularyAttribute("tw:flag", new Simple("", null)));
    }

    @Test
    void readsTheOtherFourEventTypes() {
        EpcisDocument doc = JsonLd.resource("other-event-types.jsonld");
        assertThat(doc.events()).hasSize(4);

        AggregationEvent a = (AggregationEvent) doc.events().get(0);
        assertThat(a.action()).isEqualTo(Action.ADD);
        assertThat(a.eventTimeZoneOffset()).isEqualTo(TimeZoneOffset.parse("-05:00"));
        assertThat(a.parentID()).isEqualTo("urn:epc:id:sscc:4012345.0000000001");
        assertThat(a.childEPCs()).containsExactly("urn:epc:id:sgtin:4012345.011111.1",
                "urn:epc:id:sgtin:4012345.011111.2");
        assertThat(a.childQuantityList()).containsExactly(
                new QuantityElement("urn:epc:class:lgtin:4012345.012345.998877", new BigDecimal("10"), "EA"));
        assertThat(a.sensorElementList().get(0).sensorMetadata()).isNull();
        assertThat(a.sensorElementList().get(0).sensorReport().get(0).value()).isEqualTo(new BigDecimal("45"));
        assertThat(a.extensions()).containsExactly(ExtensionElement.text(tw("packer"), "line 3"));

        TransactionEvent t = (TransactionEvent) doc.events().get(1);
        assertThat(t.action()).isEqualTo(Action.OBSERVE);
        assertThat(t.parentID()).isEqualTo("urn:epc:id:sscc:4012345.0000000001");
        assertThat(t.epcList()).containsExactly("urn:epc:id:sgtin:4012345.011111.1");
        assertThat(t.quantityList()).containsExactly(
                new QuantityElement("urn:epc:class:lgtin:4012345.012345.998877", new BigDecimal("5"), null));
        assertThat(t.why().bizTransactionList())
                .containsExactly(new BizTransaction(BizTransactionType.of("inv"), "urn:epc:id:gdti:4012345.00001.99"));

        TransformationEvent x = (TransformationEvent) doc.events().get(2);
        assertThat(x.eventID()).isEqualTo("urn:uuid:0f3f2b3a-7a9b-4a34-9f70-6d9c7f0c0001");
        assertThat(x.inputEPCList()).containsExactly("urn:epc:id:sgtin:4012345.011111.1");
        assertThat(x.inputQuantityList()).containsExactly(
                new QuantityElement("urn:epc:class:lgtin:4012345.012345.1", new BigDecimal("1.25"), "KGM"));
        assertThat(x.outputEPCList()).containsExactly("urn:epc:id:sgtin:4012345.022222.9");
        assertThat(x.outputQuantityList()).containsExactly(
                new QuantityElement("urn:epc:class:lgtin:4012345.022222.7", new BigDecimal("3"), null));
        assertThat(x.transformationID()).isEqualTo("urn:epc:id:gdti:4012345.00001.77");
        assertThat(x.why().persistentDisposition().set()).containsExactly(Disposition.of("completeness_verified"));
        assertThat(x.why().persistentDisposition().unset()).isEmpty();
        assertThat(x.ilmd().elements()).containsExactly(
                ExtensionElement.text(new QName("urn:epcglobal:cbv:mda", "lotNumber"), "LOT-7"),
                ExtensionElement.of(tw("recipe"), List.of(
                        ExtensionElement.text(tw("step"), "mix"), ExtensionElement.text(tw("step"), "bake"))));

        AssociationEvent s = (AssociationEvent) doc.events().get(3);
        assertThat(s.action()).isEqualTo(Action.DELETE);
        assertThat(s.parentID()).isEqualTo("urn:epc:id:grai:4012345.55555.987");
        assertThat(s.childEPCs()).containsExactly("urn:epc:id:giai:4000001.12345");
        assertThat(s.childQuantityList()).containsExactly(
                new QuantityElement("urn:epc:idpat:grai:4012345.55555.*", new BigDecimal("2"), null));
        assertThat(s.certificationInfo()).as("a one-element array is one URI")
                .isEqualTo("https://accreditation.example.org/certificate/only-one");
    }

    @Test
    void readsAQueryDocumentWithMasterDataAfterTheEvents() {
        try (JsonLdEventReader r = new JsonLdEventReader(
                new java.io.ByteArrayInputStream(JsonLd.resourceBytes("query-document.jsonld")))) {
            DocumentHeader before = r.header();
            assertThat(before.kind()).isEqualTo(DocumentKind.EPCIS_QUERY_DOCUMENT);
            assertThat(before.queryName()).isEqualTo("SimpleEventQuery");
            assertThat(before.subscriptionID()).isEqualTo("sub-1");
            assertThat(before.masterData()).as("vocabularyList follows the eventList").isEmpty();
            assertThat(before.contexts()).as("a standard context URL is not kept").isEmpty();

            assertThat(((ObjectEvent) r.next()).bizStep()).isEqualTo(BizStep.SHIPPING);
            assertThat(r.lastEventLocation().pointer()).isEqualTo("/epcisBody/queryResults/resultsBody/eventList/0");
            assertThat(r.lastEventLocation().line()).isEqualTo(12);
            assertThat(((ObjectEvent) r.next()).bizStep()).isEqualTo(BizStep.RECEIVING);
            assertThat(r.next()).isNull();
            assertThat(r.next()).isNull();

            DocumentHeader after = r.header();
            assertThat(after.masterData()).hasSize(1);
            assertThat(after.masterData().get(0).type()).isEqualTo("urn:epcglobal:epcis:vtype:ReadPoint");
            assertThat(after.masterData().get(0).elements().get(0).attributes()).containsExactly(
                    new VocabularyAttribute("urn:epcglobal:cbv:mda#name", new Simple("Dock 4", null)));
        }
    }

    @Test
    void headerMembersAfterTheBodyArriveWithTheEndOfTheEvents() {
        try (JsonLdEventReader r = new JsonLdEventReader(
                new java.io.ByteArrayInputStream(JsonLd.resourceBytes("header-after-body.jsonld")))) {
            assertThat(r.header().creationDate()).isNull();
            assertThat(r.header().sbdh()).isNull();
            assertThat(r.next()).isInstanceOf(ObjectEvent.class);
            assertThat(r.next()).isNull();
            DocumentHeader h = r.header();
            assertThat(h.schemaVersion()).isEqualTo("2.0");
            assertThat(h.creationDate()).isEqualTo(EpcisTime.parse("2024-03-01T09:30:00Z"));
            assertThat(h.sbdh().sender()).isEqualTo("urn:epc:id:pgln:4012345.00000");
            assertThat(h.extensions()).containsExactly(ExtensionElement.text(tw("trailer"), "after the body"));
        }
    }

    @Test
    void aContextAfterTheBodyIsAppliedToTheBufferedEvents() {
        EpcisDocument doc = JsonLd.resource("context-after-body.jsonld");
        assertThat(doc.header().creationDate()).isEqualTo(EpcisTime.parse("2024-03-01T09:30:00Z"));
        assertThat(doc.header().namespaces().byPrefix()).isEqualTo(Map.of("late", "https://late.example.com/"));
        assertThat(doc.events().get(0).extensions()).containsExactly(ExtensionElement.text(
                new QName("https://late.example.com/", "field"), "resolved with a prefix declared after the body"));
    }

    @Test
    void aQueryDocumentWithItsContextLastIsBufferedWithEveryPart() {
        String json = new String(JsonLd.resourceBytes("query-document.jsonld"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"@context\": \"https://gs1.github.io/EPCIS/epcis-context.jsonld\",", "")
                .replace("\"subscriptionID\": \"sub-1\",", "\"subscriptionID\": \"sub-1\", \"q:note\": \"x\",")
                .replaceFirst("\\}\\s*$", ", \"@context\": [\"https://gs1.github.io/EPCIS/epcis-context.jsonld\", "
                        + "{\"q\": \"https://q.example.com/\"}]}");
        EpcisDocument doc = JsonLd.read(json);
        EpcisDocument streamed = JsonLd.resource("query-document.jsonld");
        assertThat(doc.events()).isEqualTo(streamed.events());
        assertThat(doc.header().queryName()).isEqualTo("SimpleEventQuery");
        assertThat(doc.header().subscriptionID()).isEqualTo("sub-1");
        assertThat(doc.header().masterData()).isEqualTo(streamed.header().masterData());
        assertThat(doc.header().extensions())
                .containsExactly(ExtensionElement.text(new QName("https://q.example.com/", "note"), "x"));
    }

    @Test
    void readsAStandaloneEventWithItsOwnContext() {
        var event = JsonLdEventReader.readEvent(
                new java.io.ByteArrayInputStream(JsonLd.resourceBytes("standalone-event.jsonld")));
        ObjectEvent o = (ObjectEvent) event;
        assertThat(o.eventTime()).isEqualTo(EpcisTime.parse("2024-03-01T08:00:00.000+01:00"));
        assertThat(o.readPoint().id()).isEqualTo("urn:epc:id:sgln:4012345.00001.400");
        assertThat(o.extensions()).containsExactly(ExtensionElement.text(
                new QName("http://ns.example.com/epcis/", "myField"), "Example of a vendor/user extension"));
    }

    @Test
    void readsAStandaloneEventFromAJacksonTree() throws Exception {
        var node = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(JsonLd.resourceBytes("standalone-event.jsonld"));
        ObjectEvent o = (ObjectEvent) JsonLdEventReader.readEvent(node);
        assertThat(o.epcList()).containsExactly("urn:epc:id:sgtin:4012345.011111.1");
        assertThat(o.extensions()).hasSize(1);
    }

    @Test
    void acceptsEachFormOfContext() {
        String body = "\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":[]}}";
        assertThat(JsonLd.read("{\"@context\":\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\","
                + body).header().contexts()).isEmpty();
        DocumentHeader objectOnly = JsonLd.read("{\"@context\":{\"a\":\"https://a.example.com/\"}," + body)
                .header();
        assertThat(objectOnly.namespaces().byPrefix()).isEqualTo(Map.of("a", "https://a.example.com/"));
        DocumentHeader mixed = JsonLd.read("{\"@context\":[\"https://other.example.com/ctx.jsonld\","
                + "\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\",{\"a\":\"https://a.example.com/\"},"
                + "{\"b\":\"urn:epcglobal:cbv:mda:\"}]," + body).header();
        assertThat(mixed.contexts()).containsExactly("https://other.example.com/ctx.jsonld");
        assertThat(mixed.namespaces().byPrefix()).as("the cbvmda IRI maps to the CBV XML namespace")
                .containsEntry("a", "https://a.example.com/")
                .containsEntry("b", "urn:epcglobal:cbv:mda");
    }
}
