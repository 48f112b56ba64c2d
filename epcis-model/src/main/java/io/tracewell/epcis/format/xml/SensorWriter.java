package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorMetadata;
import io.tracewell.epcis.model.SensorReport;
import java.math.BigDecimal;
import java.util.List;

/** Writes {@code sensorElementList}: the inverse of {@link SensorParts}. Attributes follow the schema's order. */
final class SensorWriter {
    private SensorWriter() {
    }

    static void sensorElementList(XmlOutput out, List<SensorElement> elements, CbvXmlForm cbvForm) {
        if (elements.isEmpty()) {
            return;
        }
        out.start("sensorElementList");
        for (SensorElement e : elements) {
            out.start("sensorElement");
            if (e.sensorMetadata() != null) {
                metadata(out, e.sensorMetadata());
            }
            for (SensorReport r : e.sensorReport()) {
                report(out, r, cbvForm);
            }
            ExtensionWriter.withLocalWrapper(out, e.extensions());
            out.end();
        }
        out.end();
    }

    private static void metadata(XmlOutput out, SensorMetadata m) {
        out.start("sensorMetadata");
        out.attribute("time", time(m.time()));
        out.attribute("deviceID", m.deviceID());
        out.attribute("deviceMetadata", m.deviceMetadata());
        out.attribute("rawData", m.rawData());
        out.attribute("startTime", time(m.startTime()));
        out.attribute("endTime", time(m.endTime()));
        out.attribute("bizRules", m.bizRules());
        out.attribute("dataProcessingMethod", m.dataProcessingMethod());
        ExtensionWriter.asAttributes(out, m.extensions(), "sensorMetadata");
        out.end();
    }

    private static void report(XmlOutput out, SensorReport r, CbvXmlForm cbvForm) {
        out.start("sensorReport");
        out.attribute("type", cbvForm.spell(r.type()));
        out.attribute("value", number(r.value()));
        out.attribute("component", cbvForm.spell(r.component()));
        out.attribute("stringValue", r.stringValue());
        out.attribute("booleanValue", r.booleanValue() == null ? null : r.booleanValue().toString());
        out.attribute("hexBinaryValue", r.hexBinaryValue());
        out.attribute("uriValue", r.uriValue());
        out.attribute("uom", r.uom());
        out.attribute("minValue", number(r.minValue()));
        out.attribute("maxValue", number(r.maxValue()));
        out.attribute("sDev", number(r.sDev()));
        out.attribute("chemicalSubstance", r.chemicalSubstance());
        out.attribute("microorganism", r.microorganism());
        out.attribute("deviceID", r.deviceID());
        out.attribute("deviceMetadata", r.deviceMetadata());
        out.attribute("rawData", r.rawData());
        out.attribute("time", time(r.time()));
        out.attribute("meanValue", number(r.meanValue()));
        out.attribute("percRank", number(r.percRank()));
        out.attribute("percValue", number(r.percValue()));
        out.attribute("dataProcessingMethod", r.dataProcessingMethod());
        out.attribute("coordinateReferenceSystem", r.coordinateReferenceSystem());
        out.attribute("exception", cbvForm.spell(r.exception()));
        out.attribute("bizRules", r.bizRules());
        ExtensionWriter.asAttributes(out, r.extensions(), "sensorReport");
        out.end();
    }

    private static String time(EpcisTime t) {
        return t == null ? null : t.toString();
    }

    /** {@link BigDecimal#toString()} keeps the scale and is a valid xsd:double lexical form. */
    private static String number(BigDecimal d) {
        return d == null ? null : d.toString();
    }
}
