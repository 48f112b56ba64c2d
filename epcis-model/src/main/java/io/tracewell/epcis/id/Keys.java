package io.tracewell.epcis.id;

import java.util.OptionalInt;

/** Shared checks and renderings of the GS1 key records. */
final class Keys {

    static final String ID_GS1_ORG = "https://id.gs1.org";

    private Keys() {
    }

    /** A numeric key of fixed length whose last digit is a GS1 check digit (GTIN, GLN, SSCC, GSRN, GSIN ...). */
    static void checkNumericKey(String name, String value, int length, Loc loc) {
        if (value.length() != length) {
            throw loc.error(name + " must be " + length + " digits, found " + value.length());
        }
        checkDigits(name, value, 0, length, loc);
        CheckDigit.verify(name, value, 0, length, loc);
    }

    static void checkDigits(String name, String s, int from, int to, Loc loc) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw loc.error("character " + AiValidator.show(c) + " not allowed in " + name + " (numeric)", i);
            }
        }
    }

    /** TDS partition tables: a GS1 company prefix in an EPC URI has 6 to 12 digits. */
    static void checkCompanyPrefix(String s, int from, int to, Loc loc) {
        checkDigits("GS1 company prefix", s, from, to, loc);
        int n = to - from;
        if (n < 6 || n > 12) {
            throw loc.error("GS1 company prefix must be 6 to 12 digits, found " + n, from);
        }
    }

    /** Checks a company prefix length against the key part that starts with the prefix. */
    static void checkGcpLength(OptionalInt gcpLength, String keyName, String prefixedDigits, int maxLength) {
        if (gcpLength.isEmpty()) {
            return;
        }
        int l = gcpLength.getAsInt();
        if (l < 6 || l > 12) {
            throw new IdentifierException("GS1 company prefix length must be 6 to 12, found " + l);
        }
        if (l > maxLength || l > prefixedDigits.length()) {
            throw new IdentifierException("GS1 company prefix length " + l + " does not fit " + keyName + " "
                    + prefixedDigits + " (at most " + Math.min(maxLength, prefixedDigits.length()) + ")");
        }
        for (int i = 0; i < l; i++) {
            char c = prefixedDigits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IdentifierException("GS1 company prefix length " + l + " does not fit " + keyName + " "
                        + prefixedDigits + ": character " + AiValidator.show(c) + " at index " + i + " is not a digit");
            }
        }
    }

    static void checkAi(String ai, String value) {
        AiTable.get(ai).validate(value, Loc.NONE);
    }

    static int requireGcpLength(Gs1Key key) {
        OptionalInt l = key.gcpLength();
        if (l.isEmpty()) {
            throw new IdentifierException("GS1 company prefix length unknown for " + key.toDigitalLink()
                    + ": no EPC URI can be formed (configure CompanyPrefixLengths, or keep the Digital Link)");
        }
        return l.getAsInt();
    }

    static UrnTranslation translate(Gs1Key key, CompanyPrefixLengths lengths) {
        if (key instanceof Itip itip && itip.lot().isPresent()) {
            return new UrnTranslation.NotTranslated(key.toDigitalLink(), UrnTranslation.Reason.NO_EPC_URI_FORM,
                    "an ITIP with batch/lot has no EPC URI form in TDS");
        }
        Gs1Key withLength = key;
        if (key.gcpLength().isEmpty()) {
            OptionalInt l = lengths.lengthFor(key.prefixedDigits());
            if (l.isEmpty()) {
                return new UrnTranslation.NotTranslated(key.toDigitalLink(),
                        UrnTranslation.Reason.COMPANY_PREFIX_LENGTH_UNKNOWN,
                        "GS1 company prefix length unknown for " + key.prefixedDigits());
            }
            try {
                withLength = key.withGcpLength(l.getAsInt());
            } catch (IdentifierException e) {
                return new UrnTranslation.NotTranslated(key.toDigitalLink(),
                        UrnTranslation.Reason.COMPANY_PREFIX_LENGTH_MISMATCH, e.getMessage());
            }
        }
        return new UrnTranslation.Translated(withLength.toUrn());
    }

    /**
     * {@code C.IRRR} of a GTIN: company prefix, then indicator digit + item reference (TDS 2.x, EPC pure identity URI).
     */
    static String gtinUrnBody(Gtin gtin, int l) {
        String v = gtin.value();
        return v.substring(1, 1 + l) + "." + v.charAt(0) + v.substring(1 + l, 13);
    }

    /** {@code C.RRR} of a key whose prefixed part has a check digit at {@code checkAt}. */
    static String splitBody(String prefixed, int l, int checkAt) {
        return prefixed.substring(0, l) + "." + prefixed.substring(l, checkAt);
    }

    /** Builds {@code base/ai/value/ai/value}, skipping pairs whose value is null. */
    static String dl(String base, String... aiValues) {
        StringBuilder sb = new StringBuilder(64).append(base);
        if (!base.isEmpty() && base.charAt(base.length() - 1) == '/') {
            sb.setLength(sb.length() - 1);
        }
        for (int i = 0; i < aiValues.length; i += 2) {
            if (aiValues[i + 1] != null) {
                sb.append('/').append(aiValues[i]).append('/').append(PercentCodec.escape(aiValues[i + 1]));
            }
        }
        return sb.toString();
    }
}
