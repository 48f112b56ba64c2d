package io.tracewell.epcis.hash;

import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorMetadata;
import io.tracewell.epcis.model.SensorReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The sensor block of the pre-hash (CBV 2.0 event hash ID, canonical property order, sensorElementList): per
 * element {@code sensorElement}, then {@code sensorMetadata} with its fields in the order time, startTime, endTime,
 * deviceID, deviceMetadata, rawData, dataProcessingMethod, bizRules, then each {@code sensorReport} with its fields
 * in the order of {@link #report}; reports sorted among themselves, elements sorted among themselves.
 */
final class SensorRendering {
    static final String LIST = "sensorElementList";
    static final String ELEMENT = "sensorElement";
    static final String METADATA = "sensorMetadata";
    static final String REPORT = "sensorReport";

    private final HashProfile profile;
    private final ValueCanonicaliser values;
    private final ExtensionRendering extensions;

    SensorRendering(HashProfile profile, ValueCanonicaliser values, ExtensionRendering extensions) {
        this.profile = profile;
        this.values = values;
        this.extensions = extensions;
    }

    /** The standard fields (with nested extensions inline where the profile says so); empty without sensors. */
    String block(List<SensorElement> elements) {
        List<String> rendered = new ArrayList<>(elements.size());
        for (SensorElement e : elements) {
            String s = element(e);
            if (!s.isEmpty()) {
                rendered.add(s);
            }
        }
        if (rendered.isEmpty()) {
            return "";
        }
        return (profile.sensorElementListToken() ? LIST : "") + CodePointOrder.sortedConcat(rendered);
    }

    /**
     * CBV 2.0 places user extensions of sensor elements, metadata and reports at the end of the pre-hash, each
     * behind the names of its enclosing elements: {@code sensorElementsensorMetadata{ns}a=1sensorReport{ns}b=2}.
     * Empty when there are none or the profile puts them inline.
     */
    String nestedExtensions(List<SensorElement> elements) {
        if (profile.nestedExtensionsInline()) {
            return "";
        }
        List<String> perElement = new ArrayList<>();
        for (SensorElement e : elements) {
            StringBuilder sb = new StringBuilder();
            SensorMetadata m = e.sensorMetadata();
            if (m != null && !m.extensions().isEmpty()) {
                sb.append(METADATA).append(extensions.sorted(m.extensions()));
            }
            List<String> reports = new ArrayList<>();
            for (SensorReport r : e.sensorReport()) {
                if (!r.extensions().isEmpty()) {
                    reports.add(REPORT + extensions.sorted(r.extensions()));
                }
            }
            sb.append(CodePointOrder.sortedConcat(reports)).append(extensions.sorted(e.extensions()));
            if (sb.length() > 0) {
                perElement.add(ELEMENT + sb);
            }
        }
        if (perElement.isEmpty()) {
            return "";
        }
        return (profile.sensorElementListToken() ? LIST : "") + CodePointOrder.sortedConcat(perElement);
    }

    /**
     * {@code bizRules} on a sensor report is allowed by the JSON schema but is not in the CBV property order. The
     * 2025 reference hashed it like an event-level extension, behind its path
     * ({@code sensorElementListsensorElementsensorReportbizRules=…}); see
     * {@link HashProfile#hashesSensorReportBizRules()}.
     */
    String reportFieldsOutsideOrder(List<SensorElement> elements) {
        List<String> perElement = new ArrayList<>();
        for (SensorElement e : elements) {
            List<String> reports = new ArrayList<>();
            for (SensorReport r : e.sensorReport()) {
                String bizRules = values.value(r.bizRules());
                if (bizRules != null && !bizRules.isEmpty()) {
                    reports.add(REPORT + "bizRules=" + bizRules);
                }
            }
            if (!reports.isEmpty()) {
                perElement.add(ELEMENT + CodePointOrder.sortedConcat(reports));
            }
        }
        return perElement.isEmpty() ? "" : LIST + CodePointOrder.sortedConcat(perElement);
    }

    private String element(SensorElement e) {
        StringBuilder sb = new StringBuilder();
        if (e.sensorMetadata() != null) {
            sb.append(metadata(e.sensorMetadata()));
        }
        List<String> reports = new ArrayList<>(e.sensorReport().size());
        for (SensorReport r : e.sensorReport()) {
            String s = report(r);
            if (!s.isEmpty()) {
                reports.add(s);
            }
        }
        sb.append(CodePointOrder.sortedConcat(reports));
        if (profile.nestedExtensionsInline()) {
            sb.append(extensions.sorted(e.extensions()));
        }
        return sb.length() == 0 ? "" : ELEMENT + sb;
    }

    private String metadata(SensorMetadata m) {
        Tokens t = new Tokens();
        t.add("time", values.time(m.time()));
        t.add("startTime", values.time(m.startTime()));
        t.add("endTime", values.time(m.endTime()));
        t.add("deviceID", values.value(m.deviceID()));
        t.add("deviceMetadata", values.value(m.deviceMetadata()));
        t.add("rawData", values.value(m.rawData()));
        t.add("dataProcessingMethod", values.value(m.dataProcessingMethod()));
        t.add("bizRules", values.value(m.bizRules()));
        if (profile.nestedExtensionsInline()) {
            t.append(extensions.sorted(m.extensions()));
        }
        return t.isEmpty() ? "" : METADATA + t;
    }

    private String report(SensorReport r) {
        Tokens t = new Tokens();
        t.add("type", values.sensorTerm(r.type()));
        t.add("exception", values.sensorTerm(r.exception()));
        t.add("deviceID", values.value(r.deviceID()));
        t.add("deviceMetadata", values.value(r.deviceMetadata()));
        t.add("rawData", values.value(r.rawData()));
        t.add("dataProcessingMethod", values.value(r.dataProcessingMethod()));
        t.add("time", values.time(r.time()));
        t.add("microorganism", values.value(r.microorganism()));
        t.add("chemicalSubstance", values.value(r.chemicalSubstance()));
        t.add("value", values.number(r.value()));
        t.add("component", values.vocabulary(r.component(), CbvVocabulary.COMPONENT));
        t.add("stringValue", values.value(r.stringValue()));
        t.add("booleanValue", ValueCanonicaliser.bool(r.booleanValue()));
        t.add("hexBinaryValue", values.value(r.hexBinaryValue()));
        t.add("uriValue", values.value(r.uriValue()));
        t.add("minValue", values.number(r.minValue()));
        t.add("maxValue", values.number(r.maxValue()));
        t.add("meanValue", values.number(r.meanValue()));
        t.add("sDev", values.number(r.sDev()));
        t.add("percRank", values.number(r.percRank()));
        t.add("percValue", values.number(r.percValue()));
        t.add("uom", values.value(r.uom()));
        t.add("coordinateReferenceSystem", values.value(r.coordinateReferenceSystem()));
        if (profile.nestedExtensionsInline()) {
            t.append(extensions.sorted(r.extensions()));
        }
        return t.isEmpty() ? "" : REPORT + t;
    }
}
