package io.tracewell.epcis.model;

import java.util.List;

/** One sensor device's metadata and its reports (EPCIS 2.0 §7.3.7.1); at least one report. */
public record SensorElement(
        SensorMetadata sensorMetadata,
        List<SensorReport> sensorReport,
        List<ExtensionElement> extensions) {
    public SensorElement {
        sensorReport = Lists.copy(sensorReport);
        extensions = Lists.copy(extensions);
    }
}
