package io.tracewell.epcis.hash;

import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.cbv.SensorComponent;
import io.tracewell.epcis.cbv.SensorAlertType;
import io.tracewell.epcis.cbv.SensorMeasurementType;
import static io.tracewell.epcis.hash.TestEvents.complex;
import static io.tracewell.epcis.hash.TestEvents.number;
import static io.tracewell.epcis.hash.TestEvents.objectEvent;
import static io.tracewell.epcis.hash.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorMetadata;
import io.tracewell.epcis.model.SensorReport;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.math.BigDecimal;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** One rule of the CBV 2.0 event hash ID per test, on events built in Java. */
class PreHashRulesTest {
    private static final String HEAD = "eventType=ObjectEventeventTime=2024-05-01T08:00:00.000Z"
            + "eventTimeZoneOffset=+02:00";

    private final EventHasher cbv20 = EventHasher.standard();
    private final EventHasher cbv21 = EventHasher.of(HashProfile.CBV_2_1_DRAFT, HashAlgorithm.SHA_256);
    private final EventHasher reference2025 =
            EventHasher.of(HashProfile.CBV_2_0_REFERENCE_2025, HashAlgorithm.SHA_256);

    private static TestEvents.ObjectEventBuilder base() {
        return objectEvent("2024-05-01T10:00:00.000+02:00", "+02:00");
    }

    @Test
    void listMembersAreSortedSoDocumentOrderDoesNotMatter() {
        ObjectEvent one = base()
                .epcs("urn:epc:id:sgtin:4012345.011111.2", "urn:epc:id:sgtin:4012345.011111.10")
                .quantity(new QuantityElement("urn:epc:class:lgtin:4012345.011111.B", new BigDecimal("5"), "KGM"))
                .quantity(new QuantityElement("urn:epc:class:lgtin:4012345.011111.A", new BigDecimal("7"), null))
                .bizTransaction("po", "urn:epcglobal:cbv:bt:4012345000009:2")
                .bizTransaction("inv", "urn:epcglobal:cbv:bt:4012345000009:1")
                .source("owning_party", "urn:epc:id:pgln:4012345.00000")
                .source("location", "urn:epc:id:sgln:4012345.00001.0")
                .extension(text("b", "2")).extension(text("a", "1"))
                .build();
        ObjectEvent reordered = base()
                .epcs("urn:epc:id:sgtin:4012345.011111.10", "urn:epc:id:sgtin:4012345.011111.2")
                .quantity(new QuantityElement("urn:epc:class:lgtin:4012345.011111.A", new BigDecimal("7"), null))
                .quantity(new QuantityElement("urn:epc:class:lgtin:4012345.011111.B", new BigDecimal("5"), "KGM"))
                .bizTransaction("inv", "urn:epcglobal:cbv:bt:4012345000009:1")
                .bizTransaction("po", "urn:epcglobal:cbv:bt:4012345000009:2")
                .source("location", "urn:epc:id:sgln:4012345.00001.0")
                .source("owning_party", "urn:epc:id:pgln:4012345.00000")
                .extension(text("a", "1")).extension(text("b", "2"))
                .build();

        assertThat(cbv20.preHash(reordered)).isEqualTo(cbv20.preHash(one));
        // "…/21/10" sorts before "…/21/2": character order, not numeric order
        assertThat(cbv20.preHash(one)).contains("epcListepc=https://id.gs1.org/01/04012345111118/21/10"
                + "epc=https://id.gs1.org/01/04012345111118/21/2quantityList"
                + "quantityElementepcClass=https://id.gs1.org/01/04012345111118/10/Aquantity=7"
                + "quantityElementepcClass=https://id.gs1.org/01/04012345111118/10/Bquantity=5uom=KGM");
        // members of bizTransactionList and sourceList render type first and sort by the whole string
        assertThat(cbv20.preHash(one)).contains("bizTransactionListtype=https://ref.gs1.org/cbv/BTT-inv"
                + "bizTransaction=urn:epcglobal:cbv:bt:4012345000009:1type=https://ref.gs1.org/cbv/BTT-po"
                + "bizTransaction=urn:epcglobal:cbv:bt:4012345000009:2sourceListtype=https://ref.gs1.org/cbv/SDT-location"
                + "source=https://id.gs1.org/414/4012345000016type=https://ref.gs1.org/cbv/SDT-owning_party"
                + "source=https://id.gs1.org/417/4012345000009{https://ns.example.com/epcis/}a=1"
                + "{https://ns.example.com/epcis/}b=2");
    }

    @Test
    void cbvAndIdentifierSpellingsAndTimeZonesDoNotMatter() {
        ObjectEvent json = objectEvent("2024-05-01T10:00:00+02:00", "+02:00")
                .epcs("https://example.com/01/04012345111118/21/987?17=290101")
                .bizStep("shipping").disposition("in_transit")
                .readPoint("https://id.gs1.org/414/4012345000054")
                .quantity(new QuantityElement("https://id.gs1.org/01/04012345111118/10/L1", new BigDecimal("200"), "KGM"))
                .extension(number("weight", "23"))
                .build();
        ObjectEvent xml = objectEvent("2024-05-01T08:00:00.000000Z", "+02:00")
                .epcs("urn:epc:id:sgtin:4012345.011111.987")
                .bizStep("urn:epcglobal:cbv:bizstep:shipping").disposition("https://ref.gs1.org/cbv/Disp-in_transit")
                .readPoint("urn:epc:id:sgln:4012345.00005.0")
                .quantity(new QuantityElement("urn:epc:class:lgtin:4012345.011111.L1", new BigDecimal("200.00"), "KGM"))
                .extension(text("weight", " 23.0 "))
                .build();

        assertThat(cbv20.hashId(xml)).isEqualTo(cbv20.hashId(json));
        assertThat(cbv20.preHash(xml)).isEqualTo(HEAD + "epcListepc=https://id.gs1.org/01/04012345111118/21/987"
                + "quantityListquantityElementepcClass=https://id.gs1.org/01/04012345111118/10/L1quantity=200uom=KGM"
                + "action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-shipping"
                + "disposition=https://ref.gs1.org/cbv/Disp-in_transitreadPointid=https://id.gs1.org/414/4012345000054"
                + "{https://ns.example.com/epcis/}weight=23");
    }

    @Test
    void anyChangeOfAValueChangesTheHash() {
        ObjectEvent event = base().epcs("urn:epc:id:sgtin:4012345.011111.987").extension(text("lot", "A1")).build();

        assertThat(cbv20.hashId(base().epcs("urn:epc:id:sgtin:4012345.011111.988").extension(text("lot", "A1"))
                .build())).isNotEqualTo(cbv20.hashId(event));
        assertThat(cbv20.hashId(base().epcs("urn:epc:id:sgtin:4012345.011111.987").extension(text("lot", "A2"))
                .build())).isNotEqualTo(cbv20.hashId(event));
        assertThat(cbv20.hashId(base().epcs("urn:epc:id:sgtin:4012345.011111.987").action(Action.ADD)
                .extension(text("lot", "A1")).build())).isNotEqualTo(cbv20.hashId(event));
    }

    @Test
    void eventIdRecordTimeAndErrorDeclarationAreNotHashed() {
        ObjectEvent plain = base().epcs("urn:epc:id:sgtin:4012345.011111.987").build();
        CommonFields decorated = plain.common()
                .withEventID("urn:uuid:6d4b7e36-9d2c-4d8c-9f8a-2e7c1c2f3a10")
                .withRecordTime(EpcisTime.parse("2024-05-02T00:00:00Z"));
        decorated = new CommonFields(decorated.eventTime(), decorated.eventTimeZoneOffset(), decorated.recordTime(),
                decorated.eventID(), new ErrorDeclaration(EpcisTime.parse("2024-05-03T00:00:00Z"), ErrorReason.of("incorrect_data"),
                List.of("urn:uuid:1"), List.of()), null);

        assertThat(cbv20.preHash(plain.withCommon(decorated))).isEqualTo(cbv20.preHash(plain));
    }

    @Test
    void certificationInfoIsHashedOnlyByTheReference2025Profile() {
        CommonFields c = CommonFields.of(EpcisTime.parse("2024-05-01T10:00:00+02:00"), TimeZoneOffset.parse("+02:00"));
        ObjectEvent event = base().common(new CommonFields(c.eventTime(), c.eventTimeZoneOffset(), null, null, null,
                "https://accreditation.example.org/certificate/1")).epcs("urn:epc:id:sscc:4012345.0000000111").build();

        assertThat(cbv20.preHash(event)).startsWith(HEAD + "epcList").doesNotContain("certificationInfo");
        assertThat(reference2025.preHash(event)).startsWith(HEAD
                + "certificationInfo=https://accreditation.example.org/certificate/1epcList");
    }

    @Test
    void epcListComesBeforeParentIdExceptInTheReference2025Profile() {
        CommonFields c = CommonFields.of(EpcisTime.parse("2024-05-01T10:00:00+02:00"), TimeZoneOffset.parse("+02:00"));
        TransactionEvent event = new TransactionEvent(c, Action.ADD, "urn:epc:id:sscc:4012345.0000000111",
                List.of("urn:epc:id:sgtin:4012345.011111.987"), List.of(), Where.NONE,
                new Why(null, null, null, List.of(new io.tracewell.epcis.model.BizTransaction(BizTransactionType.of("po"),
                        "http://transaction.example.com/po/1"))), List.of(), List.of());
        String epcList = "epcListepc=https://id.gs1.org/01/04012345111118/21/987";
        String parentID = "parentID=https://id.gs1.org/00/040123450000001112";

        assertThat(cbv20.preHash(event)).isEqualTo("eventType=TransactionEventeventTime=2024-05-01T08:00:00.000Z"
                + "eventTimeZoneOffset=+02:00" + epcList + parentID + "action=ADD"
                + "bizTransactionListtype=https://ref.gs1.org/cbv/BTT-pobizTransaction=http://transaction.example.com/po/1");
        assertThat(reference2025.preHash(event)).contains(parentID + epcList);
    }

    @Test
    void sourcesComeBeforeDestinationsAndBeforeTheSensorBlock() {
        ObjectEvent event = base()
                .destination("owning_party", "urn:epc:id:pgln:0614141.00000")
                .source("owning_party", "urn:epc:id:pgln:4012345.00000")
                .sensor(new SensorElement(null, List.of(SensorReport.builder().type(SensorMeasurementType.of("Temperature"))
                        .value(new BigDecimal("26.0")).uom("CEL").build()), List.of()))
                .build();
        String source = "sourceListtype=https://ref.gs1.org/cbv/SDT-owning_partysource=https://id.gs1.org/417/4012345000009";
        String destination = "destinationListtype=https://ref.gs1.org/cbv/SDT-owning_party"
                + "destination=https://id.gs1.org/417/0614141000005";

        assertThat(cbv20.preHash(event)).isEqualTo(HEAD + "action=OBSERVE" + source + destination
                + "sensorElementsensorReporttype=https://ref.gs1.org/voc/Temperaturevalue=26uom=CEL");
        // The 2025 reference hashed these lists like extensions: after the sensors, by name.
        assertThat(reference2025.preHash(event)).isEqualTo(HEAD + "action=OBSERVE"
                + "sensorElementListsensorElementsensorReporttype=https://gs1.org/voc/Temperaturevalue=26uom=CEL"
                + destination + source);
    }

    @Test
    void sensorFieldsFollowTheCbvOrderAndElementsAndReportsAreSorted() {
        SensorMetadata metadata = new SensorMetadata(EpcisTime.parse("2019-04-02T14:05:00+01:00"),
                EpcisTime.parse("2019-04-02T13:55:01+01:00"), EpcisTime.parse("2019-04-02T14:55:00+01:00"),
                "urn:epc:id:giai:4000001.111", "https://id.gs1.org/8004/4000001111", "https://example.org/raw/1",
                "https://example.org/method/1", "https://example.org/rules/1", List.of());
        SensorReport temperature = SensorReport.builder().uom("CEL").value(new BigDecimal("26.50")).type(SensorMeasurementType.of("gs1:Temperature"))
                .time(EpcisTime.parse("2019-04-02T14:10:00.0001+01:00")).sDev(new BigDecimal("0.10"))
                .booleanValue(Boolean.TRUE).component(SensorComponent.of("latitude")).exception(SensorAlertType.of("ALARM_CONDITION")).build();
        SensorReport humidity = SensorReport.builder().type(SensorMeasurementType.of("RelativeHumidity")).value(new BigDecimal("12.1")).uom("A93").build();
        SensorElement element = new SensorElement(metadata, List.of(temperature, humidity), List.of());
        SensorElement other = new SensorElement(null, List.of(SensorReport.builder().type(SensorMeasurementType.of("Speed"))
                .value(new BigDecimal("160")).uom("KMH").build()), List.of());

        String expectedElement = "sensorElementsensorMetadatatime=2019-04-02T13:05:00.000Z"
                + "startTime=2019-04-02T12:55:01.000ZendTime=2019-04-02T13:55:00.000Z"
                + "deviceID=https://id.gs1.org/8004/4000001111deviceMetadata=https://id.gs1.org/8004/4000001111"
                + "rawData=https://example.org/raw/1dataProcessingMethod=https://example.org/method/1"
                + "bizRules=https://example.org/rules/1"
                + "sensorReporttype=https://ref.gs1.org/voc/RelativeHumidityvalue=12.1uom=A93"
                + "sensorReporttype=https://ref.gs1.org/voc/Temperatureexception=https://ref.gs1.org/voc/ALARM_CONDITION"
                + "time=2019-04-02T13:10:00.000Zvalue=26.5component=https://ref.gs1.org/cbv/Comp-latitude"
                + "booleanValue=truesDev=0.1uom=CEL";
        String otherElement = "sensorElementsensorReporttype=https://ref.gs1.org/voc/Speedvalue=160uom=KMH";

        assertThat(cbv20.preHash(base().sensor(other).sensor(element).build()))
                .isEqualTo(HEAD + "action=OBSERVE" + expectedElement + otherElement);
        assertThat(cbv21.preHash(base().sensor(element).sensor(other).build()))
                .isEqualTo(HEAD + "action=OBSERVEsensorElementList" + expectedElement + otherElement);
    }

    @Test
    void nestedExtensionsGoToTheEndInCbv20AndInlineInCbv21() {
        SensorElement sensor = new SensorElement(
                new SensorMetadata(null, null, null, "urn:epc:id:giai:4000001.111", null, null, null, null,
                        List.of(text("meta", "m"))),
                List.of(SensorReport.builder().type(SensorMeasurementType.of("Temperature")).value(new BigDecimal("1")).extension(text("rep", "r"))
                        .build()),
                List.of(text("elem", "e")));
        ObjectEvent event = base().readPoint("urn:epc:id:sgln:4012345.00005.0", text("rp", "1"))
                .bizLocation("urn:epc:id:sgln:4012345.00005.0", text("bl", "2"))
                .sensor(sensor).ilmd(text("grade", "A")).extension(text("top", "t")).build();
        String ns = "{https://ns.example.com/epcis/}";
        String gln = "id=https://id.gs1.org/414/4012345000054";

        assertThat(cbv20.preHash(event)).isEqualTo(HEAD + "action=OBSERVEreadPoint" + gln + "bizLocation" + gln
                + "sensorElementsensorMetadatadeviceID=https://id.gs1.org/8004/4000001111"
                + "sensorReporttype=https://ref.gs1.org/voc/Temperaturevalue=1"
                + "ilmd" + ns + "grade=A"
                + "readPoint" + ns + "rp=1bizLocation" + ns + "bl=2"
                + "sensorElementsensorMetadata" + ns + "meta=msensorReport" + ns + "rep=r" + ns + "elem=e"
                + ns + "top=t");
        assertThat(cbv21.preHash(event)).isEqualTo(HEAD + "action=OBSERVEreadPoint" + gln + ns + "rp=1"
                + "bizLocation" + gln + ns + "bl=2"
                + "sensorElementListsensorElementsensorMetadatadeviceID=https://id.gs1.org/8004/4000001111" + ns + "meta=m"
                + "sensorReporttype=https://ref.gs1.org/voc/Temperaturevalue=1" + ns + "rep=r" + ns + "elem=e"
                + "ilmd" + ns + "grade=A" + ns + "top=t");
    }

    @Test
    void extensionsRenderNamespaceNameValueAttributesAndSortedChildren() {
        ExtensionElement withAttribute = new ExtensionElement(TestEvents.ex("weight"),
                List.of(new ExtensionAttribute(TestEvents.ex("unit"), "KGM")),
                new ExtensionElement.Simple("12.0", null));
        ExtensionElement unqualifiedChildren = ExtensionElement.of(TestEvents.ex("extension"), List.of(
                ExtensionElement.text(new QName("tag2"), "2"), ExtensionElement.text(new QName("tag1"), "1")));
        ExtensionElement empty = new ExtensionElement(TestEvents.ex("flag"), List.of(), new ExtensionElement.Nil());
        ObjectEvent event = base().extension(withAttribute).extension(unqualifiedChildren).extension(empty)
                .extension(complex("nested", text("z", "1"), complex("a", text("b", "x")))).build();
        String ns = "{https://ns.example.com/epcis/}";

        assertThat(cbv20.preHash(event)).isEqualTo(HEAD + "action=OBSERVE" + ns + "extensiontag1=1tag2=2"
                + ns + "flag" + ns + "nested" + ns + "a" + ns + "b=x" + ns + "z=1" + ns + "weight=12" + ns + "unit=KGM");
    }

    @Test
    void extensionSiblingsSortByCodePointNotByUtf16Unit() {
        ObjectEvent event = base().extension(text("v", "\uD83D\uDE00")).extension(text("v", "\uE000")).build();

        // U+E000 before U+1F600, although its UTF-16 unit (E000) is above the surrogate D83D
        assertThat(cbv20.preHash(event)).endsWith("{https://ns.example.com/epcis/}v=\uE000"
                + "{https://ns.example.com/epcis/}v=\uD83D\uDE00");
    }

    @Test
    void anXmlBooleanAndAJsonBooleanHashAlike() {
        ExtensionElement xml = new ExtensionElement(TestEvents.ex("ok"), List.of(),
                new ExtensionElement.Simple("1", Datatypes.BOOLEAN));
        ExtensionElement json = new ExtensionElement(TestEvents.ex("ok"), List.of(),
                new ExtensionElement.Simple("true", Datatypes.BOOLEAN));

        assertThat(cbv20.preHash(base().extension(xml).build()))
                .isEqualTo(cbv20.preHash(base().extension(json).build()))
                .endsWith("{https://ns.example.com/epcis/}ok=true");
    }

    @Test
    void theMasterDataNamespaceHasOneSpellingPerProfile() {
        ExtensionElement xmlForm = ExtensionElement.text(new QName("urn:epcglobal:cbv:mda", "lotNumber"), "L1");
        ExtensionElement contextForm = ExtensionElement.text(new QName("urn:epcglobal:cbv:mda:", "lotNumber"), "L1");

        assertThat(cbv20.preHash(base().ilmd(xmlForm).build()))
                .isEqualTo(cbv20.preHash(base().ilmd(contextForm).build()))
                .endsWith("ilmd{urn:epcglobal:cbv:mda}lotNumber=L1");
        assertThat(reference2025.preHash(base().ilmd(xmlForm).build()))
                .endsWith("ilmd{urn:epcglobal:cbv:mda:}lotNumber=L1");
    }

    @Test
    void rdfsCommentsAreNotHashed() {
        ExtensionElement comment = ExtensionElement.text(
                new QName("http://www.w3.org/2000/01/rdf-schema#", "comment"), "observed at the gate");

        assertThat(cbv20.preHash(base().extension(comment).extension(text("a", "1")).build()))
                .isEqualTo(cbv20.preHash(base().extension(text("a", "1")).build()));
        assertThat(cbv20.preHash(base().ilmd(comment, text("a", "1")).build()))
                .isEqualTo(cbv20.preHash(base().ilmd(text("a", "1")).build()));
        assertThat(cbv20.preHash(base().extension(complex("c", comment, text("a", "1"))).build()))
                .isEqualTo(cbv20.preHash(base().extension(complex("c", text("a", "1"))).build()));
    }

    @Test
    void persistentDispositionListsSetThenUnsetEachSorted() {
        ObjectEvent event = base().persistentDisposition(List.of("recalled", "urn:epcglobal:cbv:disp:damaged"),
                List.of("cbv:Disp-completeness_inferred")).build();

        assertThat(cbv20.preHash(event)).isEqualTo(HEAD + "action=OBSERVEpersistentDisposition"
                + "set=https://ref.gs1.org/cbv/Disp-damagedset=https://ref.gs1.org/cbv/Disp-recalled"
                + "unset=https://ref.gs1.org/cbv/Disp-completeness_inferred");
    }

    @Test
    void absentAndBlankValuesLeaveNoToken() {
        // A blank CBV value cannot be held by the model (the readers reject it), so only identifiers are blank here.
        ObjectEvent event = base().epcs(" ").build();

        assertThat(cbv20.preHash(event)).isEqualTo(HEAD + "action=OBSERVE");
    }
}
