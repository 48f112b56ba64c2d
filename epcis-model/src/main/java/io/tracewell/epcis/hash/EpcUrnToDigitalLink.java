package io.tracewell.epcis.hash;

/**
 * Translates EPC URIs (GS1 Tag Data Standard 2.x §6) to canonical GS1 Digital Link URIs. This direction needs no
 * company prefix table: the position of the first dot gives the GS1 Company Prefix length. Schemes without a GS1
 * key (gid, usdod, adi, bic, imovn) and patterns other than "all serials of one class" have no Digital Link form
 * and are left to the caller.
 */
final class EpcUrnToDigitalLink {
    private static final String ID = "urn:epc:id:";
    private static final String CLASS = "urn:epc:class:";
    private static final String PATTERN = "urn:epc:idpat:";
    private static final String BASE = "https://id.gs1.org/";

    private final DigitalLinkEscaping escaping;

    EpcUrnToDigitalLink(DigitalLinkEscaping escaping) {
        this.escaping = escaping;
    }

    /** The Digital Link URI, or {@code null} when {@code urn} is not a translatable EPC URI. */
    String translate(String urn) {
        if (urn.startsWith(ID)) {
            return instance(urn.substring(ID.length()));
        }
        if (urn.startsWith(CLASS)) {
            String[] p = components(urn.substring(CLASS.length()), "lgtin", 3);
            if (p == null) {
                return null;
            }
            String gtin = gtin(p[0], p[1]);
            String lot = Gs1Keys.percentDecode(p[2]);
            return gtin == null || lot == null || lot.isEmpty() ? null : link("01", gtin, "10", lot);
        }
        if (urn.startsWith(PATTERN)) {
            return pattern(urn.substring(PATTERN.length()));
        }
        return null;
    }

    private String instance(String rest) {
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String scheme = rest.substring(0, colon);
        String body = rest.substring(colon + 1);
        switch (scheme) {
            case "sgtin": {
                String[] p = split(body, 3);
                String gtin = p == null ? null : gtin(p[0], p[1]);
                return gtin == null ? null : withSerial("01", gtin, "21", p[2]);
            }
            case "sscc": {
                String[] p = split(body, 2);
                if (p == null || !prefixAndReference(p[0], p[1], 17) || p[1].isEmpty()) {
                    return null;
                }
                String digits = p[1].charAt(0) + p[0] + p[1].substring(1);
                return link("00", digits + Gs1Keys.checkDigit(digits));
            }
            case "sgln": {
                String[] p = split(body, 3);
                String gln = p == null ? null : withCheckDigit(p[0], p[1], 12);
                String ext = gln == null ? null : Gs1Keys.percentDecode(p[2]);
                if (ext == null) {
                    return null;
                }
                // TDS §6.3.3: extension "0" means "no extension" (the bare GLN, AI 414 without AI 254).
                return ext.equals("0") ? link("414", gln) : link("414", gln, "254", ext);
            }
            case "grai": {
                String[] p = split(body, 3);
                String key = p == null ? null : withCheckDigit(p[0], p[1], 12);
                String serial = key == null ? null : Gs1Keys.percentDecode(p[2]);
                // AI 8003 starts with a filler zero before the 13-digit GRAI.
                return serial == null || serial.isEmpty() ? null : link("8003", "0" + key + serial);
            }
            case "giai":
                return concatenated("8004", body);
            case "ginc":
                return concatenated("401", body);
            case "gsrn":
                return keyOnly("8018", body, 17);
            case "gsrnp":
                return keyOnly("8017", body, 17);
            case "gsin":
                return keyOnly("402", body, 16);
            case "pgln":
                return keyOnly("417", body, 12);
            case "gdti":
                return keyAndSerial("253", body);
            case "sgcn":
                return keyAndSerial("255", body);
            case "cpi": {
                String[] p = split(body, 3);
                if (p == null || !companyPrefix(p[0])) {
                    return null;
                }
                String part = Gs1Keys.percentDecode(p[1]);
                String serial = Gs1Keys.percentDecode(p[2]);
                return part == null || serial == null || serial.isEmpty()
                        ? null : link("8010", p[0] + part, "8011", serial);
            }
            case "itip": {
                String[] p = split(body, 5);
                String piece = p == null ? null : itip(p);
                return piece == null ? null : withSerial("8006", piece, "21", p[4]);
            }
            case "upui": {
                String[] p = split(body, 3);
                String gtin = p == null ? null : gtin(p[0], p[1]);
                return gtin == null ? null : withSerial("01", gtin, "235", p[2]);
            }
            default:
                return null;
        }
    }

    private String pattern(String rest) {
        int colon = rest.indexOf(':');
        if (colon < 0 || !rest.endsWith(".*")) {
            return null;
        }
        String scheme = rest.substring(0, colon);
        String body = rest.substring(colon + 1, rest.length() - 2);
        switch (scheme) {
            case "sgtin":
            case "upui": {
                String[] p = split(body, 2);
                String gtin = p == null ? null : gtin(p[0], p[1]);
                return gtin == null ? null : link("01", gtin);
            }
            case "grai": {
                String[] p = split(body, 2);
                String key = p == null ? null : withCheckDigit(p[0], p[1], 12);
                return key == null ? null : link("8003", "0" + key);
            }
            case "gdti":
            case "sgcn": {
                String[] p = split(body, 2);
                String key = p == null ? null : withCheckDigit(p[0], p[1], 12);
                return key == null ? null : link(scheme.equals("gdti") ? "253" : "255", key);
            }
            case "cpi": {
                String[] p = split(body, 2);
                String part = p == null || !companyPrefix(p[0]) ? null : Gs1Keys.percentDecode(p[1]);
                return part == null ? null : link("8010", p[0] + part);
            }
            case "itip": {
                String[] p = split(body, 4);
                String piece = p == null ? null : itip(p);
                return piece == null ? null : link("8006", piece);
            }
            default:
                return null;
        }
    }

    private String keyOnly(String ai, String body, int digits) {
        String[] p = split(body, 2);
        String key = p == null ? null : withCheckDigit(p[0], p[1], digits);
        return key == null ? null : link(ai, key);
    }

    /** GDTI and GCN: the 13-digit key followed by the serial, in one AI value. */
    private String keyAndSerial(String ai, String body) {
        String[] p = split(body, 3);
        String key = p == null ? null : withCheckDigit(p[0], p[1], 12);
        String serial = key == null ? null : Gs1Keys.percentDecode(p[2]);
        return serial == null || serial.isEmpty() ? null : link(ai, key + serial);
    }

    /** GIAI and GINC: company prefix followed by a free reference, in one AI value. */
    private String concatenated(String ai, String body) {
        String[] p = split(body, 2);
        if (p == null || !companyPrefix(p[0])) {
            return null;
        }
        String reference = Gs1Keys.percentDecode(p[1]);
        return reference == null || reference.isEmpty() ? null : link(ai, p[0] + reference);
    }

    private String withSerial(String ai, String key, String serialAi, String escapedSerial) {
        String serial = Gs1Keys.percentDecode(escapedSerial);
        return serial == null || serial.isEmpty() ? null : link(ai, key, serialAi, serial);
    }

    /** ITIP: GTIN-14, piece number and total count (two digits each). */
    private static String itip(String[] p) {
        String gtin = gtin(p[0], p[1]);
        if (gtin == null || p[2].length() != 2 || p[3].length() != 2 || !Gs1Keys.isDigits(p[2])
                || !Gs1Keys.isDigits(p[3])) {
            return null;
        }
        return gtin + p[2] + p[3];
    }

    /** TDS §6.3.1: the indicator digit is the first digit of the item reference and leads the GTIN. */
    private static String gtin(String prefix, String itemReference) {
        if (!prefixAndReference(prefix, itemReference, 13) || itemReference.isEmpty()) {
            return null;
        }
        String digits = itemReference.charAt(0) + prefix + itemReference.substring(1);
        return digits + Gs1Keys.checkDigit(digits);
    }

    private static String withCheckDigit(String prefix, String reference, int digits) {
        if (!prefixAndReference(prefix, reference, digits)) {
            return null;
        }
        String key = prefix + reference;
        return key + Gs1Keys.checkDigit(key);
    }

    private static boolean prefixAndReference(String prefix, String reference, int digits) {
        return companyPrefix(prefix) && prefix.length() + reference.length() == digits
                && (reference.isEmpty() || Gs1Keys.isDigits(reference));
    }

    /** A GS1 Company Prefix has 6 to 12 digits (TDS §6.3). */
    private static boolean companyPrefix(String s) {
        return s.length() >= 6 && s.length() <= 12 && Gs1Keys.isDigits(s);
    }

    /** Splits into exactly {@code n} dot-separated components; the last may contain dots. */
    private static String[] split(String body, int n) {
        String[] parts = body.split("\\.", n);
        return parts.length == n ? parts : null;
    }

    private static String[] components(String rest, String scheme, int n) {
        return rest.startsWith(scheme + ":") ? split(rest.substring(scheme.length() + 1), n) : null;
    }

    private String link(String ai, String value) {
        return BASE + ai + '/' + escaping.encode(value);
    }

    private String link(String ai, String value, String qualifier, String qualifierValue) {
        return BASE + ai + '/' + escaping.encode(value) + '/' + qualifier + '/' + escaping.encode(qualifierValue);
    }
}
