package io.tracewell.epcis.cbv;

/**
 * A sensor component (EPCIS {@code sensorReport component}), CBV 2.0: written {@code x}, {@code cbv:Comp-x} or {@code
 * https://ref.gs1.org/cbv/Comp-x}; other URIs are kept as given.
 *
 * @param uri the Web URI of a standard term, or the URI as given
 */
public record SensorComponent(String uri) implements CbvValue {

    public static final SensorComponent ALTITUDE = of("altitude");
    public static final SensorComponent AXIAL_DISTANCE = of("axial_distance");
    public static final SensorComponent AZIMUTH = of("azimuth");
    public static final SensorComponent EASTING = of("easting");
    public static final SensorComponent ELEVATION_ANGLE = of("elevation_angle");
    public static final SensorComponent HEIGHT = of("height");
    public static final SensorComponent LATITUDE = of("latitude");
    public static final SensorComponent LONGITUDE = of("longitude");
    public static final SensorComponent NORTHING = of("northing");
    public static final SensorComponent POLAR_ANGLE = of("polar_angle");
    public static final SensorComponent SPHERICAL_RADIUS = of("spherical_radius");
    public static final SensorComponent X = of("x");
    public static final SensorComponent Y = of("y");
    public static final SensorComponent Z = of("z");

    public SensorComponent {
        uri = CbvCodec.canonical(CbvVocabulary.SENSOR_COMPONENT, uri);
    }

    /**
     * Reads any spelling.
     *
     * @throws VocabularyException if the value is neither a term of the vocabulary nor an absolute URI
     */
    public static SensorComponent of(String value) {
        return new SensorComponent(value);
    }

    @Override
    public CbvVocabulary vocabulary() {
        return CbvVocabulary.SENSOR_COMPONENT;
    }

    /** EPCIS XML writes the compact form ({@code cbv:Comp-x}). */
    @Override
    public String toXmlValue() {
        return toCurie();
    }

    @Override
    public String toString() {
        return uri;
    }
}
