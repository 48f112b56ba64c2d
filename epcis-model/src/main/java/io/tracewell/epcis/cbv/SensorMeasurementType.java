package io.tracewell.epcis.cbv;

/**
 * A sensor measurement type (EPCIS {@code sensorReport type}): a GS1 Web Vocabulary term such as {@code Temperature},
 * written {@code Temperature}, {@code gs1:Temperature} or {@code https://gs1.org/voc/Temperature} (also {@code
 * https://ref.gs1.org/voc/Temperature}). Other URIs, e.g. {@code example:someSensorProperty}, are kept as given.
 *
 * @param uri the Web URI of a standard term, or the URI as given
 */
public record SensorMeasurementType(String uri) implements Gs1VocabularyValue {

    public static final SensorMeasurementType TEMPERATURE = of("Temperature");
    public static final SensorMeasurementType RELATIVE_HUMIDITY = of("RelativeHumidity");
    public static final SensorMeasurementType ABSOLUTE_HUMIDITY = of("AbsoluteHumidity");
    public static final SensorMeasurementType ILLUMINANCE = of("Illuminance");
    public static final SensorMeasurementType SPEED = of("Speed");
    public static final SensorMeasurementType MASS = of("Mass");
    public static final SensorMeasurementType LENGTH = of("Length");
    public static final SensorMeasurementType PRESSURE = of("Pressure");
    public static final SensorMeasurementType COUNT = of("Count");

    public SensorMeasurementType {
        uri = CbvCodec.canonical(CbvVocabulary.SENSOR_MEASUREMENT_TYPE, uri);
    }

    /**
     * Reads any spelling.
     *
     * @throws VocabularyException if the value is neither a term of the vocabulary nor an absolute URI
     */
    public static SensorMeasurementType of(String value) {
        return new SensorMeasurementType(value);
    }

    @Override
    public CbvVocabulary vocabulary() {
        return CbvVocabulary.SENSOR_MEASUREMENT_TYPE;
    }

    @Override
    public String toString() {
        return uri;
    }
}
