package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.cbv.SensorMeasurementType;
import io.tracewell.epcis.cbv.SensorComponent;
import io.tracewell.epcis.cbv.SensorAlertType;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorMetadata;
import io.tracewell.epcis.model.SensorReport;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads {@code sensorElementList} (EPCIS 2.0 §7.3.7, §9.5 SensorElementType). {@code sensorMetadata} and
 * {@code sensorReport} carry every field as an attribute; namespaced attributes are their user extensions.
 */
final class SensorParts {
    static final String METADATA_ATTRIBUTES = "time, startTime, endTime, deviceID, deviceMetadata, rawData, "
            + "dataProcessingMethod, bizRules";
    static final String REPORT_ATTRIBUTES = "type, exception, deviceID, deviceMetadata, rawData, "
            + "dataProcessingMethod, bizRules, time, microorganism, chemicalSubstance, value, component, stringValue, "
            + "booleanValue, hexBinaryValue, uriValue, minValue, maxValue, meanValue, sDev, percRank, percValue, uom, "
            + "coordinateReferenceSystem";

    private SensorParts() {
    }

    static List<SensorElement> sensorElementList(XmlInput in) {
        List<SensorElement> list = new ArrayList<>();
        while (in.nextChild("sensorElementList")) {
            if (!(in.isUnqualified() && in.localName().equals("sensorElement"))) {
                throw EventParts.unexpected(in, "sensorElementList", "sensorElement");
            }
            list.add(sensorElement(in));
        }
        return list;
    }

    private static SensorElement sensorElement(XmlInput in) {
        SensorMetadata metadata = null;
        List<SensorReport> reports = new ArrayList<>();
        List<ExtensionElement> extensions = new ArrayList<>();
        while (in.nextChild("sensorElement")) {
            String name = in.isUnqualified() ? in.localName() : "";
            if (name.equals("sensorMetadata") && metadata == null && reports.isEmpty()) {
                metadata = sensorMetadata(in);
            } else if (name.equals("sensorReport")) {
                reports.add(sensorReport(in));
            } else if (name.equals("extension")) {
                EventParts.localExtensions(in, extensions);
            } else if (EventParts.isUserExtension(in)) {
                extensions.add(ExtensionReader.element(in));
            } else {
                throw EventParts.unexpected(in, "sensorElement",
                        "sensorMetadata, sensorReport, or user extension elements in their own namespace");
            }
        }
        return new SensorElement(metadata, reports, extensions);
    }

    private static SensorMetadata sensorMetadata(XmlInput in) {
        XMLStreamReader r = in.raw();
        SourceLocation at = in.location();
        EpcisTime time = null;
        EpcisTime startTime = null;
        EpcisTime endTime = null;
        String deviceID = null;
        String deviceMetadata = null;
        String rawData = null;
        String dataProcessingMethod = null;
        String bizRules = null;
        List<ExtensionElement> extensions = new ArrayList<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            QName name = r.getAttributeName(i);
            String value = r.getAttributeValue(i);
            if (!name.getNamespaceURI().isEmpty()) {
                extensions.add(ExtensionElement.text(name, value));
                continue;
            }
            String v = value.strip();
            switch (name.getLocalPart()) {
                case "time" -> time = XmlValues.dateTime(at, "sensorMetadata time", v);
                case "startTime" -> startTime = XmlValues.dateTime(at, "sensorMetadata startTime", v);
                case "endTime" -> endTime = XmlValues.dateTime(at, "sensorMetadata endTime", v);
                case "deviceID" -> deviceID = v;
                case "deviceMetadata" -> deviceMetadata = v;
                case "rawData" -> rawData = v;
                case "dataProcessingMethod" -> dataProcessingMethod = v;
                case "bizRules" -> bizRules = v;
                default -> throw unexpectedAttribute(at, name, "sensorMetadata", METADATA_ATTRIBUTES);
            }
        }
        noText(in, "sensorMetadata");
        return new SensorMetadata(time, startTime, endTime, deviceID, deviceMetadata, rawData, dataProcessingMethod,
                bizRules, extensions);
    }

    private static SensorReport sensorReport(XmlInput in) {
        XMLStreamReader r = in.raw();
        SourceLocation at = in.location();
        SensorReport.Builder b = SensorReport.builder();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            QName name = r.getAttributeName(i);
            String value = r.getAttributeValue(i);
            if (!name.getNamespaceURI().isEmpty()) {
                b.extension(ExtensionElement.text(name, value));
                continue;
            }
            String v = value.strip();
            String field = "sensorReport " + name.getLocalPart();
            switch (name.getLocalPart()) {
                case "type" -> b.type(XmlValues.cbv(at, field, v, SensorMeasurementType::of));
                case "exception" -> b.exception(XmlValues.cbv(at, field, v, SensorAlertType::of));
                case "deviceID" -> b.deviceID(v);
                case "deviceMetadata" -> b.deviceMetadata(v);
                case "rawData" -> b.rawData(v);
                case "dataProcessingMethod" -> b.dataProcessingMethod(v);
                case "bizRules" -> b.bizRules(v);
                case "time" -> b.time(XmlValues.dateTime(at, field, v));
                case "microorganism" -> b.microorganism(v);
                case "chemicalSubstance" -> b.chemicalSubstance(v);
                case "value" -> b.value(XmlValues.decimal(at, field, v));
                case "component" -> b.component(XmlValues.cbv(at, field, v, SensorComponent::of));
                case "stringValue" -> b.stringValue(value);
                case "booleanValue" -> b.booleanValue(XmlValues.bool(at, field, v));
                case "hexBinaryValue" -> b.hexBinaryValue(v);
                case "uriValue" -> b.uriValue(v);
                case "minValue" -> b.minValue(XmlValues.decimal(at, field, v));
                case "maxValue" -> b.maxValue(XmlValues.decimal(at, field, v));
                case "meanValue" -> b.meanValue(XmlValues.decimal(at, field, v));
                case "sDev" -> b.sDev(XmlValues.decimal(at, field, v));
                case "percRank" -> b.percRank(XmlValues.decimal(at, field, v));
                case "percValue" -> b.percValue(XmlValues.decimal(at, field, v));
                case "uom" -> b.uom(v);
                case "coordinateReferenceSystem" -> b.coordinateReferenceSystem(v);
                default -> throw unexpectedAttribute(at, name, "sensorReport", REPORT_ATTRIBUTES);
            }
        }
        noText(in, "sensorReport");
        return b.build();
    }

    /** The schema lets these elements hold text, but EPCIS gives it no meaning and the model has no place for it. */
    private static void noText(XmlInput in, String element) {
        SourceLocation at = in.location();
        String text = in.text(element);
        if (!text.isBlank()) {
            throw new EpcisFormatException(at, "text '" + XmlInput.abbreviate(text.strip()) + "' in " + element,
                    "an empty " + element + " element; its data are attributes");
        }
    }

    private static EpcisFormatException unexpectedAttribute(SourceLocation at, QName name, String element,
                                                            String expected) {
        return new EpcisFormatException(at, "unexpected attribute '" + name.getLocalPart() + "' on " + element,
                "one of " + expected + ", or a user extension attribute in its own namespace");
    }
}
