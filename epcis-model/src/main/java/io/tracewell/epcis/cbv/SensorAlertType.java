package io.tracewell.epcis.cbv;

/**
 * A sensor alert type (EPCIS {@code sensorReport exception}): {@code ALARM_CONDITION} or {@code ERROR_CONDITION} of the
 * GS1 Web Vocabulary, or another URI kept as given.
 *
 * @param uri the Web URI of a standard term, or the URI as given
 */
public record SensorAlertType(String uri) implements Gs1VocabularyValue {

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

    @Override
    public String toString() {
        return uri;
    }
}
