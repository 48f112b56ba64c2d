package io.tracewell.epcis.capture.http;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The values of the REST binding's {@code GS1-EPC-Format} request header (EPCIS 2.0 §12): how a client wants the
 * identifiers of the events it is sent. {@link EpcFormatting} does the rendering.
 */
public enum EpcFormat {
    /**
     * The server chooses: here, the identifiers as they were written at capture, which loses nothing and costs
     * nothing.
     */
    NO_PREFERENCE("No_Preference"),
    /** Every GS1 key as its canonical GS1 Digital Link. */
    ALWAYS_GS1_DIGITAL_LINK("Always_GS1_Digital_Link"),
    /** Every GS1 key as EPC URI, where one can be formed without guessing. */
    ALWAYS_EPC_URN("Always_EPC_URN"),
    /** The identifiers as they were written at capture. */
    NEVER_TRANSLATES("Never_Translates");

    /** The request header's name. */
    public static final String HEADER = "GS1-EPC-Format";

    /**
     * What a request without the header gets: canonical Digital Links, the default the binding's OpenAPI names
     * ("If absent the default value is Always_GS1_Digital_Link"). A client that wants identifiers as it wrote
     * them asks for {@link #NEVER_TRANSLATES}.
     */
    public static final EpcFormat DEFAULT = ALWAYS_GS1_DIGITAL_LINK;

    private final String headerValue;

    EpcFormat(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The spelling in the header, e.g. {@code Always_EPC_URN}. */
    public String headerValue() {
        return headerValue;
    }

    /** The value a header names; the spelling's case does not matter, surrounding blanks are ignored. */
    public static Optional<EpcFormat> ofHeaderValue(String value) {
        String v = value.trim();
        return Arrays.stream(values()).filter(f -> f.headerValue.equalsIgnoreCase(v)).findFirst();
    }

    /** Every accepted header value, in declaration order. */
    public static List<String> headerValues() {
        return Arrays.stream(values()).map(EpcFormat::headerValue).toList();
    }
}
