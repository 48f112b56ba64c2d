package io.tracewell.epcis.hash;

/**
 * Which set of canonicalisation rules builds the pre-hash string. The rules of the CBV 2.0 "EPCIS Event Hash ID"
 * algorithm were published together with a reference implementation whose output changed over time; partners
 * that compare hash IDs must use the same profile. The version the profile produces is the {@code ?ver=} of the
 * hash ID. See docs/hash.md for the rule-by-rule differences.
 */
public enum HashProfile {

    /**
     * The CBV 2.0 text (the default): its canonical property order (epcList before parentID, sourceList before
     * destinationList, no certificationInfo, no {@code sensorElementList} token), GS1 Web Vocabulary terms under
     * {@code https://ref.gs1.org/voc/}, timestamps rounded half-up to milliseconds, numbers in exact decimal, user
     * extensions found inside readPoint, bizLocation and the sensor elements appended at the end of the string
     * behind the names of their enclosing elements, and the CBV master data namespace in its XML form. The
     * reference implementation produces the same since 2026 (its pull request #123), except for the JSON-LD
     * spelling of the master data namespace.
     */
    CBV_2_0("CBV2.0", Builder.ratified()),

    /**
     * What the reference implementation produced for {@code ?ver=CBV2.0} up to 2025, for comparing with partners
     * that still run it: parentID before epcList, bizTransactionList, destinationList and sourceList after the
     * sensor block (sorted by name with ILMD and the extensions), certificationInfo and a sensor report's bizRules
     * hashed, the {@code sensorElementList} token present, GS1 Web Vocabulary under {@code https://gs1.org/voc/},
     * nested extensions inline, numbers through binary floating point, timestamps rounded half-even on
     * microseconds, {@code ! ( ) * + , : ; =} percent-encoded in Digital Link values, and the master data namespace
     * with the JSON-LD context's trailing colon. It carries the same
     * {@code ?ver=CBV2.0} as {@link #CBV_2_0}, so the two cannot be told apart from the ID alone.
     */
    CBV_2_0_REFERENCE_2025("CBV2.0", Builder.ratified()
            .parentIdBeforeEpcList()
            .transactionAndTransferListsAfterSensors()
            .hashCertificationInfo()
            .hashSensorReportBizRules()
            .sensorElementListToken()
            .vocabularyBase("https://gs1.org/voc/")
            .nestedExtensionsInline()
            .numbers(NumberStyle.BINARY_FLOATING_POINT)
            .timeRounding(TimeRounding.HALF_EVEN_ON_MICROSECONDS)
            .escaping(DigitalLinkEscaping.STRICT)
            .masterDataNamespace(CbvMasterData.JSON_LD_PREFIX_IRI)),

    /**
     * The revised algorithm both reference implementations call CBV 2.1 (not ratified as of this writing): as
     * {@link #CBV_2_0} but with the {@code sensorElementList} token, and user extensions inside readPoint,
     * bizLocation and the sensor elements placed right after the standard fields of their enclosing element.
     */
    CBV_2_1_DRAFT("CBV2.1", Builder.ratified()
            .sensorElementListToken()
            .nestedExtensionsInline());

    private final String version;
    private final boolean epcListBeforeParentID;
    private final boolean transactionAndTransferListsAfterSensors;
    private final boolean hashesCertificationInfo;
    private final boolean hashesSensorReportBizRules;
    private final boolean sensorElementListToken;
    private final String vocabularyBase;
    private final boolean nestedExtensionsInline;
    private final NumberStyle numberStyle;
    private final TimeRounding timeRounding;
    private final DigitalLinkEscaping escaping;
    private final String masterDataNamespace;

    HashProfile(String version, Builder b) {
        this.version = version;
        this.epcListBeforeParentID = b.epcListBeforeParentID;
        this.transactionAndTransferListsAfterSensors = b.transactionAndTransferListsAfterSensors;
        this.hashesCertificationInfo = b.hashesCertificationInfo;
        this.hashesSensorReportBizRules = b.hashesSensorReportBizRules;
        this.sensorElementListToken = b.sensorElementListToken;
        this.vocabularyBase = b.vocabularyBase;
        this.nestedExtensionsInline = b.nestedExtensionsInline;
        this.numberStyle = b.numberStyle;
        this.timeRounding = b.timeRounding;
        this.escaping = b.escaping;
        this.masterDataNamespace = b.masterDataNamespace;
    }

    /** The algorithm version written as {@code ?ver=} in the hash ID, e.g. {@code CBV2.0}. */
    public String version() {
        return version;
    }

    boolean epcListBeforeParentID() {
        return epcListBeforeParentID;
    }

    /**
     * The 2025 reference did not recognise bizTransactionList, sourceList and destinationList in XML and hashed
     * them like user extensions: after the sensor block, sorted by name together with ILMD and the event-level
     * extensions (hence destinations before sources).
     */
    boolean transactionAndTransferListsAfterSensors() {
        return transactionAndTransferListsAfterSensors;
    }

    boolean hashesCertificationInfo() {
        return hashesCertificationInfo;
    }

    /**
     * {@code bizRules} on a sensor report (allowed by the JSON schema, absent from the XML schema and from the CBV
     * property order): the 2026 reference leaves it out, the 2025 reference hashed it like an extension.
     */
    boolean hashesSensorReportBizRules() {
        return hashesSensorReportBizRules;
    }

    boolean sensorElementListToken() {
        return sensorElementListToken;
    }

    /** Where GS1 Web Vocabulary terms (sensor measurement and alert types, {@code gs1:} CURIEs) expand to. */
    String vocabularyBase() {
        return vocabularyBase;
    }

    boolean nestedExtensionsInline() {
        return nestedExtensionsInline;
    }

    NumberStyle numberStyle() {
        return numberStyle;
    }

    TimeRounding timeRounding() {
        return timeRounding;
    }

    DigitalLinkEscaping escaping() {
        return escaping;
    }

    /**
     * How the CBV master data namespace is written in extension names: the XML namespace
     * {@code urn:epcglobal:cbv:mda} (what the model holds for both bindings), or the JSON-LD context's prefix IRI
     * {@code urn:epcglobal:cbv:mda:}, which the 2025 reference wrote for JSON-LD input.
     */
    String masterDataNamespace() {
        return masterDataNamespace;
    }

    /** How numeric values are rendered. */
    enum NumberStyle {
        /** Exact decimal: no trailing zeros, no exponent, no leading {@code +}. */
        EXACT_DECIMAL,
        /** Through an IEEE 754 double, the way the 2025 reference did (loses digits beyond ~17). */
        BINARY_FLOATING_POINT
    }

    /** How fractions of a millisecond are rounded. */
    enum TimeRounding {
        /** Half-up on the fourth fraction digit and beyond, the CBV 2.0 rule. */
        HALF_UP,
        /** Digits beyond microseconds dropped, then half-even on microseconds, as the 2025 reference did. */
        HALF_EVEN_ON_MICROSECONDS
    }

    /** Starts from the ratified rules; each method switches one rule to its 2025 or draft form. */
    private static final class Builder {
        private boolean epcListBeforeParentID = true;
        private boolean transactionAndTransferListsAfterSensors;
        private boolean hashesCertificationInfo;
        private boolean hashesSensorReportBizRules;
        private boolean sensorElementListToken;
        private String vocabularyBase = "https://ref.gs1.org/voc/";
        private boolean nestedExtensionsInline;
        private NumberStyle numberStyle = NumberStyle.EXACT_DECIMAL;
        private TimeRounding timeRounding = TimeRounding.HALF_UP;
        private DigitalLinkEscaping escaping = DigitalLinkEscaping.TDS_ESCAPES_ONLY;
        private String masterDataNamespace = CbvMasterData.XML_NAMESPACE;

        static Builder ratified() {
            return new Builder();
        }

        Builder parentIdBeforeEpcList() {
            epcListBeforeParentID = false;
            return this;
        }

        Builder transactionAndTransferListsAfterSensors() {
            transactionAndTransferListsAfterSensors = true;
            return this;
        }

        Builder hashCertificationInfo() {
            hashesCertificationInfo = true;
            return this;
        }

        Builder hashSensorReportBizRules() {
            hashesSensorReportBizRules = true;
            return this;
        }

        Builder sensorElementListToken() {
            sensorElementListToken = true;
            return this;
        }

        Builder vocabularyBase(String base) {
            vocabularyBase = base;
            return this;
        }

        Builder nestedExtensionsInline() {
            nestedExtensionsInline = true;
            return this;
        }

        Builder numbers(NumberStyle style) {
            numberStyle = style;
            return this;
        }

        Builder timeRounding(TimeRounding rounding) {
            timeRounding = rounding;
            return this;
        }

        Builder escaping(DigitalLinkEscaping e) {
            escaping = e;
            return this;
        }

        Builder masterDataNamespace(String namespace) {
            masterDataNamespace = namespace;
            return this;
        }
    }
}
