package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.cbv.SensorAlertType;
import io.tracewell.epcis.cbv.SensorComponent;
import io.tracewell.epcis.cbv.SensorMeasurementType;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorMetadata;
import io.tracewell.epcis.model.SensorReport;
import java.util.ArrayList;
import java.util.List;

/** {@code sensorElementList} (EPCIS 2.0 §7.3.7) to the model, with extensions at each of its three levels. */
final class SensorReader {
    private SensorReader() {
    }

    static List<SensorElement> elements(Members event) {
        List<Members> entries = event.objects("sensorElementList");
        List<SensorElement> out = new ArrayList<>(entries.size());
        for (Members e : entries) {
            Members md = e.object("sensorMetadata");
            List<Members> reports = e.objects("sensorReport");
            List<SensorReport> rs = new ArrayList<>(reports.size());
            for (Members r : reports) {
                rs.add(report(r));
            }
            out.add(new SensorElement(md == null ? null : metadata(md), rs,
                    e.extensions(EpcisMembers.SENSOR_ELEMENT)));
        }
        return out;
    }

    private static SensorMetadata metadata(Members m) {
        return new SensorMetadata(
                m.time("time"),
                m.time("startTime"),
                m.time("endTime"),
                m.string("deviceID"),
                m.string("deviceMetadata"),
                m.string("rawData"),
                m.string("dataProcessingMethod"),
                m.string("bizRules"),
                m.extensions(EpcisMembers.SENSOR_METADATA));
    }

    private static SensorReport report(Members m) {
        SensorReport.Builder b = SensorReport.builder()
                .type(m.cbv("type", SensorMeasurementType::of))
                .exception(m.cbv("exception", SensorAlertType::of))
                .deviceID(m.string("deviceID"))
                .deviceMetadata(m.string("deviceMetadata"))
                .rawData(m.string("rawData"))
                .dataProcessingMethod(m.string("dataProcessingMethod"))
                .bizRules(m.string("bizRules"))
                .time(m.time("time"))
                .microorganism(m.string("microorganism"))
                .chemicalSubstance(m.string("chemicalSubstance"))
                .value(m.decimal("value"))
                .component(m.cbv("component", SensorComponent::of))
                .stringValue(m.string("stringValue"))
                .booleanValue(m.bool("booleanValue"))
                .hexBinaryValue(m.string("hexBinaryValue"))
                .uriValue(m.string("uriValue"))
                .minValue(m.decimal("minValue"))
                .maxValue(m.decimal("maxValue"))
                .meanValue(m.decimal("meanValue"))
                .sDev(m.decimal("sDev"))
                .percRank(m.decimal("percRank"))
                .percValue(m.decimal("percValue"))
                .uom(m.string("uom"))
                .coordinateReferenceSystem(m.string("coordinateReferenceSystem"));
        m.extensions(EpcisMembers.SENSOR_REPORT).forEach(b::extension);
        return b.build();
    }
}
