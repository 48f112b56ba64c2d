package io.tracewell.epcis.format.jsonld;

import static io.tracewell.epcis.format.jsonld.EventWriter.cbv;
import static io.tracewell.epcis.format.jsonld.EventWriter.decimal;
import static io.tracewell.epcis.format.jsonld.EventWriter.extensions;
import static io.tracewell.epcis.format.jsonld.EventWriter.string;
import static io.tracewell.epcis.format.jsonld.EventWriter.time;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorMetadata;
import io.tracewell.epcis.model.SensorReport;
import java.io.IOException;
import java.util.List;

/** {@code sensorElementList} (EPCIS 2.0 §7.3.7) in the member order of the ratified JSON schema. */
final class SensorWriter {
    private SensorWriter() {
    }

    static void write(JsonGenerator g, List<SensorElement> elements, WritePrefixes px) throws IOException {
        if (elements.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("sensorElementList");
        for (SensorElement e : elements) {
            g.writeStartObject();
            SensorMetadata m = e.sensorMetadata();
            if (m != null) {
                g.writeObjectFieldStart("sensorMetadata");
                time(g, "time", m.time());
                time(g, "startTime", m.startTime());
                time(g, "endTime", m.endTime());
                string(g, "deviceID", m.deviceID());
                string(g, "deviceMetadata", m.deviceMetadata());
                string(g, "rawData", m.rawData());
                string(g, "dataProcessingMethod", m.dataProcessingMethod());
                string(g, "bizRules", m.bizRules());
                extensions(g, m.extensions(), px);
                g.writeEndObject();
            }
            // The schema requires sensorReport, so it is written even when empty.
            g.writeArrayFieldStart("sensorReport");
            for (SensorReport r : e.sensorReport()) {
                report(g, r, px);
            }
            g.writeEndArray();
            extensions(g, e.extensions(), px);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void report(JsonGenerator g, SensorReport r, WritePrefixes px) throws IOException {
        g.writeStartObject();
        cbv(g, "type", r.type());
        cbv(g, "exception", r.exception());
        string(g, "deviceID", r.deviceID());
        string(g, "deviceMetadata", r.deviceMetadata());
        string(g, "rawData", r.rawData());
        string(g, "dataProcessingMethod", r.dataProcessingMethod());
        string(g, "bizRules", r.bizRules());
        time(g, "time", r.time());
        string(g, "microorganism", r.microorganism());
        string(g, "chemicalSubstance", r.chemicalSubstance());
        decimal(g, "value", r.value());
        cbv(g, "component", r.component());
        string(g, "stringValue", r.stringValue());
        if (r.booleanValue() != null) {
            g.writeBooleanField("booleanValue", r.booleanValue());
        }
        string(g, "hexBinaryValue", r.hexBinaryValue());
        string(g, "uriValue", r.uriValue());
        decimal(g, "minValue", r.minValue());
        decimal(g, "maxValue", r.maxValue());
        decimal(g, "meanValue", r.meanValue());
        decimal(g, "sDev", r.sDev());
        decimal(g, "percRank", r.percRank());
        decimal(g, "percValue", r.percValue());
        string(g, "uom", r.uom());
        string(g, "coordinateReferenceSystem", r.coordinateReferenceSystem());
        extensions(g, r.extensions(), px);
        g.writeEndObject();
    }
}
