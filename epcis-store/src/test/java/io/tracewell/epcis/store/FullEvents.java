package io.tracewell.epcis.store;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.cbv.SensorAlertType;
import io.tracewell.epcis.cbv.SensorComponent;
import io.tracewell.epcis.cbv.SensorMeasurementType;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.PersistentDisposition;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorMetadata;
import io.tracewell.epcis.model.SensorReport;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.math.BigDecimal;
import java.util.List;
import javax.xml.namespace.QName;

/** One event of each type with every field the model has filled in. */
final class FullEvents {

    static final String EX = "https://ns.example.com/epcis/";
    static final Namespaces NAMESPACES = Namespaces.NONE.with("ex", EX);

    static final String SGTIN_1 = "urn:epc:id:sgtin:0614141.107346.2017";
    static final String SGTIN_1_CANONICAL = "https://id.gs1.org/01/10614141073464/21/2017";
    static final String SGTIN_2 = "https://id.gs1.org/01/00614141073467/21/2018";
    static final String SSCC = "urn:epc:id:sscc:0614141.1234567890";
    static final String SSCC_CANONICAL = "https://id.gs1.org/00/106141412345678908";
    static final String LGTIN_CLASS = "urn:epc:class:lgtin:4012345.012345.998877";
    static final String LGTIN_CLASS_CANONICAL = "https://id.gs1.org/01/04012345123456/10/998877";
    static final String SGLN_READ_POINT = "urn:epc:id:sgln:0614141.07346.1234";
    static final String SGLN_READ_POINT_CANONICAL = "https://id.gs1.org/414/0614141073467/254/1234";
    static final String SGLN_LOCATION = "urn:epc:id:sgln:0614141.00888.0";
    static final String SGLN_LOCATION_CANONICAL = "https://id.gs1.org/414/0614141008889";
    static final String PGLN = "urn:epc:id:pgln:0614141.00001";
    static final String PGLN_CANONICAL = "https://id.gs1.org/417/0614141000012";

    private FullEvents() {}

    static EpcisTime time(String text) {
        return EpcisTime.parse(text);
    }

    static CommonFields common(String eventID) {
        return new CommonFields(time("2024-03-01T10:15:30.123456+01:00"), TimeZoneOffset.parse("+01:00"), null,
                eventID, null, "https://cert.example.com/certificate/42");
    }

    static Where where() {
        return new Where(
                new ReadPoint(SGLN_READ_POINT, List.of(ExtensionElement.text(new QName(EX, "dock", "ex"), "7"))),
                new BizLocation(SGLN_LOCATION, List.of(ExtensionElement.text(new QName(EX, "zone", "ex"), "cold"))),
                List.of(new SourceDest(SourceDestType.OWNING_PARTY, PGLN),
                        new SourceDest(SourceDestType.LOCATION, SGLN_LOCATION)),
                List.of(new SourceDest(SourceDestType.POSSESSING_PARTY, "urn:epc:id:pgln:4012345.00000")));
    }

    static Why why() {
        return new Why(BizStep.SHIPPING, Disposition.IN_TRANSIT,
                new PersistentDisposition(List.of(Disposition.COMPLETENESS_VERIFIED),
                        List.of(Disposition.COMPLETENESS_INFERRED)),
                List.of(new BizTransaction(BizTransactionType.PO, "urn:epcglobal:cbv:bt:0614141073467:PO-1"),
                        new BizTransaction(null, "urn:example:bt:untyped")));
    }

    static List<SensorElement> sensors() {
        SensorReport report = SensorReport.builder()
                .type(SensorMeasurementType.TEMPERATURE)
                .exception(SensorAlertType.of("ALARM_CONDITION"))
                .deviceID("urn:epc:id:giai:4000001.111")
                .deviceMetadata("https://id.gs1.org/8004/4000001111")
                .rawData("https://example.com/raw/1")
                .dataProcessingMethod("https://example.com/method/avg")
                .bizRules("https://example.com/rules/cold")
                .time(time("2024-03-01T09:00:00Z"))
                .microorganism("https://www.ncbi.nlm.nih.gov/taxonomy/1126011")
                .chemicalSubstance("https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N")
                .value(new BigDecimal("26.5"))
                .component(SensorComponent.of("x"))
                .stringValue("SomeString")
                .booleanValue(Boolean.TRUE)
                .hexBinaryValue("F0F0F0")
                .uriValue("https://example.com/value")
                .minValue(new BigDecimal("-1.25"))
                .maxValue(new BigDecimal("30"))
                .meanValue(new BigDecimal("13.5"))
                .sDev(new BigDecimal("0.1"))
                .percRank(new BigDecimal("50"))
                .percValue(new BigDecimal("12.7"))
                .uom("CEL")
                .coordinateReferenceSystem("http://www.opengis.net/def/crs/EPSG/0/4979")
                .extension(ExtensionElement.text(new QName(EX, "probe", "ex"), "P-1"))
                .build();
        SensorMetadata metadata = new SensorMetadata(time("2024-03-01T09:00:00Z"), time("2024-03-01T08:00:00Z"),
                time("2024-03-01T09:30:00Z"), "urn:epc:id:giai:4000001.111", "https://id.gs1.org/8004/4000001111",
                "https://example.com/raw/all", "https://example.com/method/sample", "https://example.com/rules/all",
                List.of(ExtensionElement.text(new QName(EX, "firmware", "ex"), "1.2")));
        return List.of(new SensorElement(metadata, List.of(report,
                SensorReport.builder().type(SensorMeasurementType.RELATIVE_HUMIDITY).value(new BigDecimal("40"))
                        .uom("P1").build()),
                List.of(ExtensionElement.text(new QName(EX, "sensorNote", "ex"), "checked"))));
    }

    /** Top-level extensions: a string, a number, a time, a boolean and a nested element. */
    static List<ExtensionElement> extensions() {
        return List.of(
                ExtensionElement.text(new QName(EX, "lot", "ex"), "L-77"),
                ExtensionElement.text(new QName(EX, "weight", "ex"), "12.5"),
                ExtensionElement.text(new QName(EX, "inspected", "ex"), "2024-02-28T12:00:00Z"),
                ExtensionElement.text(new QName(EX, "sealed", "ex"), "true"),
                ExtensionElement.of(new QName(EX, "carrier", "ex"), List.of(
                        ExtensionElement.text(new QName(EX, "name", "ex"), "Fast Freight"),
                        ExtensionElement.text(new QName(EX, "vehicles", "ex"), "3"))));
    }

    static Ilmd ilmd() {
        return new Ilmd(List.of(
                ExtensionElement.text(new QName(EX, "bestBefore", "ex"), "2025-01-31T00:00:00Z"),
                ExtensionElement.of(new QName(EX, "origin", "ex"), List.of(
                        ExtensionElement.text(new QName(EX, "country", "ex"), "DE")))));
    }

    static ErrorDeclaration errorDeclaration() {
        return new ErrorDeclaration(time("2024-03-02T08:00:00Z"), ErrorReason.of("incorrect_data"),
                List.of("urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8", "urn:uuid:aaaa95fc-9457-4a51-bd6a-0bba1338ffff"),
                List.of(ExtensionElement.text(new QName(EX, "ticket", "ex"), "T-9")));
    }

    static ObjectEvent objectEvent(String eventID) {
        CommonFields common = common(eventID);
        return new ObjectEvent(common, Action.OBSERVE, List.of(SGTIN_1, SGTIN_2),
                List.of(new QuantityElement(LGTIN_CLASS, new BigDecimal("200.5"), "KGM")), where(), why(),
                sensors(), ilmd(), extensions());
    }

    static ObjectEvent objectEventWithErrorDeclaration(String eventID) {
        ObjectEvent event = objectEvent(eventID);
        CommonFields c = event.common();
        return (ObjectEvent) event.withCommon(new CommonFields(c.eventTime(), c.eventTimeZoneOffset(), null,
                c.eventID(), errorDeclaration(), c.certificationInfo()));
    }

    static AggregationEvent aggregationEvent(String eventID) {
        return new AggregationEvent(common(eventID), Action.ADD, SSCC, List.of(SGTIN_1, SGTIN_2),
                List.of(new QuantityElement(LGTIN_CLASS, new BigDecimal("10"), null)), where(), why(), sensors(),
                extensions());
    }

    static TransactionEvent transactionEvent(String eventID) {
        return new TransactionEvent(common(eventID), Action.DELETE, SSCC, List.of(SGTIN_1),
                List.of(new QuantityElement(LGTIN_CLASS, new BigDecimal("3"), "KGM")), where(), why(), sensors(),
                extensions());
    }

    static TransformationEvent transformationEvent(String eventID) {
        return new TransformationEvent(common(eventID), List.of(SGTIN_1),
                List.of(new QuantityElement(LGTIN_CLASS, new BigDecimal("1.5"), "KGM")), List.of(SGTIN_2),
                List.of(new QuantityElement(LGTIN_CLASS, new BigDecimal("1"), "KGM")),
                "urn:epc:id:gdti:0614141.12345.400", where(), why(), sensors(), ilmd(), extensions());
    }

    static AssociationEvent associationEvent(String eventID) {
        return new AssociationEvent(common(eventID), Action.ADD, "urn:epc:id:grai:4012345.55555.987",
                List.of("urn:epc:id:giai:4000001.111"),
                List.of(new QuantityElement(LGTIN_CLASS, new BigDecimal("2"), "KGM")), where(), why(), sensors(),
                extensions());
    }
}
