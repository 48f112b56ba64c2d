package io.tracewell.epcis.cbv;

/**
 * A value of a vocabulary whose standard terms live in the GS1 Web Vocabulary rather than the CBV (sensor
 * measurement types and sensor alert types, EPCIS 2.0 §7.3.7.3).
 */
public sealed interface Gs1VocabularyValue extends CbvValue permits SensorMeasurementType, SensorAlertType {

    /** EPCIS XML writes the compact form ({@code gs1:Temperature}, {@code gs1:ALARM_CONDITION}). */
    @Override
    default String toXmlValue() {
        return toCurie();
    }

    /**
     * The Web URI in a chosen GS1 Web Vocabulary namespace, e.g. {@link CbvVocabulary#GS1_VOC_REF_NAMESPACE} for
     * consumers that follow the EPCIS 2.0.1 context; other URIs unchanged.
     */
    default String toWebUri(String gs1VocNamespace) {
        return term().map(t -> gs1VocNamespace + t).orElseGet(this::toWebUri);
    }
}
