package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.id.OtherUri;
import io.tracewell.epcis.id.UrnTranslation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Identifiers in the form EPCIS 1.2 partners expect: EPC URNs. A value the model holds as a URN (EPC URN or any
 * other, e.g. {@code urn:epcglobal:cbv:bt:...}) or with any scheme other than http(s) is written as given. A GS1
 * Digital Link is translated to its EPC URN with the company prefix lengths of the table; when that is not possible
 * the identifier is refused, never written as a Digital Link, which a 1.2 partner would not recognise as the same
 * object. A web address that is no GS1 key is written as given.
 *
 * <p>Translations are remembered for the identifiers seen most recently (read points, locations and product
 * classes repeat from event to event); the memory is bounded.
 */
final class UrnIdentifiers {
    private static final int MAX_REMEMBERED = 4096;

    private final CompanyPrefixLengths lengths;
    private final Map<String, String> remembered = new HashMap<>();

    UrnIdentifiers(CompanyPrefixLengths lengths) {
        this.lengths = Objects.requireNonNull(lengths, "lengths");
    }

    /**
     * The identifier as written in EPCIS 1.2; null for null.
     *
     * @param subject what holds it, for the message (e.g. {@code ObjectEvent #2})
     * @param field   the field that holds it (e.g. {@code epcList})
     * @throws Epcis12ConversionException when a GS1 key has no EPC URN form with the known prefix lengths
     */
    String urn(String value, String subject, String field) {
        if (value == null || !isWebAddress(value)) {
            return value;
        }
        String known = remembered.get(value);
        if (known != null) {
            return known;
        }
        String urn = translate(value, subject, field);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(value, urn);
        return urn;
    }

    List<String> urns(List<String> values, String subject, String field) {
        List<String> result = new ArrayList<>(values.size());
        for (String v : values) {
            result.add(urn(v, subject, field));
        }
        return result;
    }

    private String translate(String value, String subject, String field) {
        Epc epc;
        try {
            epc = Epc.parse(value, lengths);
        } catch (IdentifierException e) {
            throw new Epcis12ConversionException(subject, field, "holds '" + value + "', which is not a valid GS1"
                    + " Digital Link (" + e.getMessage() + "); EPCIS 1.2 expects an EPC URN");
        }
        if (epc instanceof OtherUri) {
            return value;
        }
        UrnTranslation translation = epc.translateToUrn(lengths);
        if (translation instanceof UrnTranslation.NotTranslated no) {
            throw new Epcis12ConversionException(subject, field, "holds the GS1 Digital Link '" + value
                    + "', which cannot be written as the EPC URN that EPCIS 1.2 partners expect: " + no.detail()
                    + hint(no.reason()));
        }
        return translation.uri();
    }

    private static String hint(UrnTranslation.Reason reason) {
        return switch (reason) {
            case COMPANY_PREFIX_LENGTH_UNKNOWN -> " (add the GS1 company prefix length of this key to the"
                    + " CompanyPrefixLengths the writer is given)";
            case COMPANY_PREFIX_LENGTH_MISMATCH -> " (the configured GS1 company prefix length does not fit this key)";
            case NO_EPC_URI_FORM, NOT_A_GS1_KEY -> "";
        };
    }

    private static boolean isWebAddress(String value) {
        return value.regionMatches(true, 0, "https://", 0, 8) || value.regionMatches(true, 0, "http://", 0, 7);
    }
}
