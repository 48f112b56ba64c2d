package io.tracewell.epcis.model;

import java.util.List;

/**
 * Data about the sensor device and the way its data were produced (EPCIS 2.0 §7.3.7.2). In XML these are
 * attributes of {@code sensorMetadata}, so its user extensions are namespaced attributes (simple values only).
 */
public record SensorMetadata(
        EpcisTime time,
        EpcisTime startTime,
        EpcisTime endTime,
        String deviceID,
        String deviceMetadata,
        String rawData,
        String dataProcessingMethod,
        String bizRules,
        List<ExtensionElement> extensions) {
    public SensorMetadata {
        extensions = Lists.copy(extensions);
    }
}
