package io.tracewell.epcis.model;

import io.tracewell.epcis.cbv.SensorAlertType;
import io.tracewell.epcis.cbv.SensorComponent;
import io.tracewell.epcis.cbv.SensorMeasurementType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One sensor measurement or alert (EPCIS 2.0 §7.3.7.3). {@code type} is a measurement type from the GS1 Web
 * Vocabulary ({@code gs1:Temperature}) or a user URI; {@code exception} a sensor alert type. In XML every field is
 * an attribute, so the user extensions are namespaced attributes.
 */
public record SensorReport(
        SensorMeasurementType type,
        SensorAlertType exception,
        String deviceID,
        String deviceMetadata,
        String rawData,
        String dataProcessingMethod,
        String bizRules,
        EpcisTime time,
        String microorganism,
        String chemicalSubstance,
        BigDecimal value,
        SensorComponent component,
        String stringValue,
        Boolean booleanValue,
        String hexBinaryValue,
        String uriValue,
        BigDecimal minValue,
        BigDecimal maxValue,
        BigDecimal meanValue,
        BigDecimal sDev,
        BigDecimal percRank,
        BigDecimal percValue,
        String uom,
        String coordinateReferenceSystem,
        List<ExtensionElement> extensions) {

    public SensorReport {
        extensions = Lists.copy(extensions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: a sensor report has two dozen optional fields. */
    public static final class Builder {
        private SensorMeasurementType type;
        private SensorAlertType exception;
        private String deviceID;
        private String deviceMetadata;
        private String rawData;
        private String dataProcessingMethod;
        private String bizRules;
        private EpcisTime time;
        private String microorganism;
        private String chemicalSubstance;
        private BigDecimal value;
        private SensorComponent component;
        private String stringValue;
        private Boolean booleanValue;
        private String hexBinaryValue;
        private String uriValue;
        private BigDecimal minValue;
        private BigDecimal maxValue;
        private BigDecimal meanValue;
        private BigDecimal sDev;
        private BigDecimal percRank;
        private BigDecimal percValue;
        private String uom;
        private String coordinateReferenceSystem;
        private final List<ExtensionElement> extensions = new ArrayList<>();

        public Builder type(SensorMeasurementType v) { this.type = v; return this; }
        public Builder exception(SensorAlertType v) { this.exception = v; return this; }
        public Builder deviceID(String v) { this.deviceID = v; return this; }
        public Builder deviceMetadata(String v) { this.deviceMetadata = v; return this; }
        public Builder rawData(String v) { this.rawData = v; return this; }
        public Builder dataProcessingMethod(String v) { this.dataProcessingMethod = v; return this; }
        public Builder bizRules(String v) { this.bizRules = v; return this; }
        public Builder time(EpcisTime v) { this.time = v; return this; }
        public Builder microorganism(String v) { this.microorganism = v; return this; }
        public Builder chemicalSubstance(String v) { this.chemicalSubstance = v; return this; }
        public Builder value(BigDecimal v) { this.value = v; return this; }
        public Builder component(SensorComponent v) { this.component = v; return this; }
        public Builder stringValue(String v) { this.stringValue = v; return this; }
        public Builder booleanValue(Boolean v) { this.booleanValue = v; return this; }
        public Builder hexBinaryValue(String v) { this.hexBinaryValue = v; return this; }
        public Builder uriValue(String v) { this.uriValue = v; return this; }
        public Builder minValue(BigDecimal v) { this.minValue = v; return this; }
        public Builder maxValue(BigDecimal v) { this.maxValue = v; return this; }
        public Builder meanValue(BigDecimal v) { this.meanValue = v; return this; }
        public Builder sDev(BigDecimal v) { this.sDev = v; return this; }
        public Builder percRank(BigDecimal v) { this.percRank = v; return this; }
        public Builder percValue(BigDecimal v) { this.percValue = v; return this; }
        public Builder uom(String v) { this.uom = v; return this; }
        public Builder coordinateReferenceSystem(String v) { this.coordinateReferenceSystem = v; return this; }
        public Builder extension(ExtensionElement v) { this.extensions.add(v); return this; }

        public SensorReport build() {
            return new SensorReport(type, exception, deviceID, deviceMetadata, rawData, dataProcessingMethod,
                    bizRules, time, microorganism, chemicalSubstance, value, component, stringValue, booleanValue,
                    hexBinaryValue, uriValue, minValue, maxValue, meanValue, sDev, percRank, percValue, uom,
                    coordinateReferenceSystem, extensions);
        }
    }
}
