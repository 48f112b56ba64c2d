package io.tracewell.epcis.cbv;

/**
 * A sensor alert type (EPCIS {@code sensorReport exception}): {@code ALARM_CONDITION} or {@code ERROR_CONDITION} of the
 * GS1 Web Vocabulary, or another URI kept as given.
 *
 * @param uri the Web URI of a standard term, or the URI as given
 */
public record SensorAlertType(String uri) implements CbvValue {

    public static final SensorAlertType ALARM_CONDITION = of("ALARM_CONDITION");
    public static final SensorAlertType ERROR_CONDITION = of("ERROR_CONDITION");

    public SensorAlertType {
        uri = CbvCodec.canonical(CbvVocabulary.SENSOR_ALERT_TYPE, uri);
    }

    /**
     * Reads any spelling.
     *
     * @throws VocabularyException if the value is neither a term of the vocabulary nor an absolute URI
     */
    public static SensorAlertType of(String value) {
        return new SensorAlertType(value);
    }

    @Override
    public CbvVocabulary vocabulary() {
        return CbvVocabulary.SENSOR_ALERT_TYPE;
    }

    /** EPCIS XML writes the compact form ({@code gs1:ALARM_CONDITION}). */
    @Override
    public String toXmlValue() {
        return toCurie();
    }

    /**
     * The Web URI in a chosen GS1 Web Vocabulary namespace, e.g. {@link CbvVocabulary#GS1_VOC_REF_NAMESPACE} for
     * consumers that follow the EPCIS 2.0.1 context; other URIs unchanged.
     */
    public String toWebUri(String gs1VocNamespace) {
        return term().map(t -> gs1VocNamespace + t).orElseGet(this::toWebUri);
    }

    @Override
    public String toString() {
        return uri;
    }
}
