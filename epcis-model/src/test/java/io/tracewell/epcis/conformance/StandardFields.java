package io.tracewell.epcis.conformance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * The standard EPCIS fields whose values both comparators compare by meaning rather than by spelling, and how. The
 * same table serves JSON (member names, the enclosing member's name as parent) and XML (element and attribute
 * names, the enclosing element's name as parent), since EPCIS 2.0 uses the same names in both bindings.
 */
final class StandardFields {

    /** How a field's value is compared. */
    enum Kind {
        /** As written. */
        TEXT,
        /** xsd:dateTime with time zone (EPCIS 2.0 §7.3.1): the same instant, whatever the offset or digits. */
        TIME,
        /** xsd:decimal / xsd:double measurement or quantity: the same number, whatever the scale. */
        DECIMAL,
        BIZ_STEP,
        DISPOSITION,
        BIZ_TRANSACTION_TYPE,
        SOURCE_DEST_TYPE,
        ERROR_REASON,
        /** Sensor measurement and alert types of the GS1 Web Vocabulary (EPCIS 2.0 §7.3.7.3). */
        GS1_VOCABULARY,
        /** Sensor report component (CBV 2.0 §7.7). */
        COMPONENT
    }

    private static final Set<String> TIME_FIELDS = Set.of("eventTime", "recordTime", "declarationTime",
            "creationDate", "time", "startTime", "endTime", "CreationDateAndTime");

    // EPCIS 2.0 §7.3.3.3 quantity, §7.3.7.3 sensor report values.
    private static final Set<String> DECIMAL_FIELDS = Set.of("quantity", "value", "minValue", "maxValue",
            "meanValue", "sDev", "percRank", "percValue");

    private static final Map<String, Kind> TYPE_BY_PARENT = Map.of(
            "bizTransaction", Kind.BIZ_TRANSACTION_TYPE,
            "bizTransactionList", Kind.BIZ_TRANSACTION_TYPE,
            "source", Kind.SOURCE_DEST_TYPE,
            "sourceList", Kind.SOURCE_DEST_TYPE,
            "destination", Kind.SOURCE_DEST_TYPE,
            "destinationList", Kind.SOURCE_DEST_TYPE,
            "sensorReport", Kind.GS1_VOCABULARY);

    // CBV 2.0 §7.7 sensor report components; JSON-LD spells them as bare words, XML as cbv: Web URIs.
    private static final Set<String> COMPONENTS = Set.of("x", "y", "z", "axial_distance", "azimuth", "height",
            "spherical_radius", "polar_angle", "elevation_angle", "easting", "northing", "latitude", "longitude",
            "altitude");

    private static final String GS1_VOCABULARY = "https://gs1.org/voc/";
    private static final String COMPONENT_PREFIX = CbvVocabulary.WEB_VOCABULARY + "Comp-";

    private StandardFields() {
    }

    /**
     * The kind of a standard field.
     *
     * @param parent the name of the enclosing element or member ({@code null} at the document root)
     * @param field  the field's own name
     */
    static Kind kindOf(String parent, String field) {
        if (TIME_FIELDS.contains(field)) {
            return Kind.TIME;
        }
        if (DECIMAL_FIELDS.contains(field)) {
            return Kind.DECIMAL;
        }
        switch (field) {
            case "bizStep":
                return Kind.BIZ_STEP;
            case "disposition":
                return Kind.DISPOSITION;
            case "set":
            case "unset":
                return "persistentDisposition".equals(parent) ? Kind.DISPOSITION : Kind.TEXT;
            case "reason":
                return "errorDeclaration".equals(parent) ? Kind.ERROR_REASON : Kind.TEXT;
            case "type":
                return parent == null ? Kind.TEXT : TYPE_BY_PARENT.getOrDefault(parent, Kind.TEXT);
            case "exception":
                return "sensorReport".equals(parent) ? Kind.GS1_VOCABULARY : Kind.TEXT;
            case "component":
                return "sensorReport".equals(parent) ? Kind.COMPONENT : Kind.TEXT;
            default:
                return Kind.TEXT;
        }
    }

    /**
     * The value to compare: an {@link java.time.Instant} for times, a {@link BigDecimal} without trailing zeros
     * for decimals, the URN (CBV) or Web URI (GS1 vocabulary, component) for vocabulary values, else the text. A
     * value that does not parse as its kind is compared as text, so that a broken value is still reported.
     */
    static Object canonical(Kind kind, String text) {
        String t = text.strip();
        switch (kind) {
            case TIME:
                try {
                    return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    return t;
                }
            case DECIMAL:
                return decimalOrText(t);
            case BIZ_STEP:
                return CbvVocabulary.BIZ_STEP.canonical(t);
            case DISPOSITION:
                return CbvVocabulary.DISPOSITION.canonical(t);
            case BIZ_TRANSACTION_TYPE:
                return CbvVocabulary.BIZ_TRANSACTION_TYPE.canonical(t);
            case SOURCE_DEST_TYPE:
                return CbvVocabulary.SOURCE_DEST_TYPE.canonical(t);
            case ERROR_REASON:
                return CbvVocabulary.ERROR_REASON.canonical(t);
            case GS1_VOCABULARY:
                // A bare term resolves against the gs1: vocabulary in the standard context's scoped definition.
                if (t.startsWith("gs1:")) {
                    return GS1_VOCABULARY + t.substring(4);
                }
                return t.indexOf(':') < 0 ? GS1_VOCABULARY + t : t;
            case COMPONENT:
                if (t.startsWith("cbv:Comp-")) {
                    return COMPONENT_PREFIX + t.substring("cbv:Comp-".length());
                }
                return COMPONENTS.contains(t) ? COMPONENT_PREFIX + t : t;
            default:
                return t;
        }
    }

    /** A number without trailing zeros (so 26, 26.0 and 2.6E1 are equal), or the text when it is not a number. */
    static Object decimalOrText(String text) {
        try {
            return normalise(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    static BigDecimal normalise(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
