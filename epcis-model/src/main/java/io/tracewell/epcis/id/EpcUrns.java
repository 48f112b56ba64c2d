package io.tracewell.epcis.id;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads EPC pure-identity URIs ({@code urn:epc:id:}), the LGTIN class URI ({@code urn:epc:class:lgtin:}) and EPC
 * pattern URIs ({@code urn:epc:idpat:}) per the GS1 Tag Data Standard 2.x URI grammar. The company prefix length is
 * the number of digits before the first '.'. EPC URIs of schemes without GS1 key (gid, usdod, adi, bic, imovn) and
 * tag/raw URIs are kept as {@link OtherUri}.
 */
final class EpcUrns {

    /** Schemes whose pattern with only the last component '*' is a class-level GS1 key with a Digital Link. */
    static final Set<EpcScheme> CLASS_LEVEL = EnumSet.of(EpcScheme.SGTIN, EpcScheme.UPUI, EpcScheme.GRAI,
            EpcScheme.GDTI, EpcScheme.SGCN, EpcScheme.CPI, EpcScheme.ITIP);

    private enum Kind { ID, CLASS, PATTERN }

    /** The URI split into its '.'-separated body components. */
    private record Split(String s, EpcScheme scheme, int[] start, int[] end) {
        String text(int i) {
            return s.substring(start[i], end[i]);
        }

        int length(int i) {
            return end[i] - start[i];
        }

        Loc loc() {
            return Loc.in(s, 0);
        }
    }

    private EpcUrns() {
    }

    /**
     * @param classLevelAsKey whether {@code urn:epc:idpat:sgtin:C.I.*} and the like become class-level keys
     *                        ({@link ProductClass}, serial-less {@link Grai}, ...) or stay {@link EpcPattern}s
     */
    static Epc parse(String s, boolean classLevelAsKey) {
        int p = 8;
        Kind kind;
        if (s.regionMatches(true, p, "id:", 0, 3)) {
            kind = Kind.ID;
            p += 3;
        } else if (s.regionMatches(true, p, "class:", 0, 6)) {
            kind = Kind.CLASS;
            p += 6;
        } else if (s.regionMatches(true, p, "idpat:", 0, 6)) {
            kind = Kind.PATTERN;
            p += 6;
        } else {
            return other(s);
        }
        int colon = s.indexOf(':', p);
        if (colon < 0) {
            throw new IdentifierException("EPC URI needs ':' and a body after the scheme name", s, s.length());
        }
        Optional<EpcScheme> scheme = EpcScheme.byUrnName(s.substring(p, colon).toLowerCase(Locale.ROOT));
        if (scheme.isEmpty() || (kind == Kind.CLASS) != (scheme.get() == EpcScheme.LGTIN)) {
            return other(s);
        }
        Split sp = split(s, scheme.get(), colon + 1);
        if (kind == Kind.PATTERN) {
            List<String> components = patternComponents(sp);
            if (classLevelAsKey && isClassLevel(scheme.get(), components)) {
                return classLevel(sp);
            }
            return new EpcPattern(scheme.get(), components);
        }
        return instance(sp);
    }

    /** Validates pattern components and returns them in canonical escaping. */
    static List<String> canonicalPattern(EpcScheme scheme, List<String> components) {
        String urn = scheme.patternPrefix() + String.join(".", components);
        try {
            Split sp = split(urn, scheme, scheme.patternPrefix().length());
            if (sp.start.length != components.size()) {
                throw new IdentifierException(scheme.urnName() + " pattern needs " + scheme.components()
                        + " components, found " + components.size());
            }
            return patternComponents(sp);
        } catch (IdentifierException e) {
            throw new IdentifierException(e.detail() + " in " + urn);
        }
    }

    static boolean isClassLevel(EpcScheme scheme, List<String> components) {
        int n = components.size();
        return CLASS_LEVEL.contains(scheme) && components.get(n - 1).equals("*") && !components.get(n - 2).equals("*");
    }

    private static Epc other(String s) {
        try {
            return new OtherUri(s);
        } catch (IdentifierException e) {
            throw e.relocate(s, 0);
        }
    }

    private static Split split(String s, EpcScheme scheme, int bodyStart) {
        int n = scheme.components();
        int[] start = new int[n];
        int[] end = new int[n];
        int p = bodyStart;
        for (int i = 0; i < n - 1; i++) {
            int dot = s.indexOf('.', p);
            if (dot < 0) {
                throw new IdentifierException(scheme.urnName() + " EPC URI needs " + n
                        + " components separated by '.', found " + (i + 1), s, bodyStart);
            }
            start[i] = p;
            end[i] = dot;
            p = dot + 1;
        }
        start[n - 1] = p;
        end[n - 1] = s.length();
        return new Split(s, scheme, start, end);
    }

    // ---- instance level -------------------------------------------------------------------------------------------

    private static Gs1Key instance(Split sp) {
        OptionalInt l = OptionalInt.of(sp.length(0));
        return switch (sp.scheme()) {
            case SGTIN -> {
                Gtin gtin = gtin(sp);
                String serial = decode(sp, 2);
                yield build(sp, 2, 0, () -> new Sgtin(gtin, serial, l));
            }
            case LGTIN -> {
                Gtin gtin = gtin(sp);
                String lot = decode(sp, 2);
                yield build(sp, 2, 0, () -> new Lgtin(gtin, lot, l));
            }
            case UPUI -> {
                Gtin gtin = gtin(sp);
                String tpx = decode(sp, 2);
                yield build(sp, 2, 0, () -> new Upui(gtin, tpx, l));
            }
            case ITIP -> {
                Gtin gtin = gtin(sp);
                twoDigits(sp, 2, "piece number");
                twoDigits(sp, 3, "total count");
                String itip = gtin.value() + sp.text(2) + sp.text(3);
                build(sp, 2, 14, () -> {
                    Keys.checkAi("8006", itip);
                    return null;
                });
                String serial = decode(sp, 4);
                yield build(sp, 4, 0, () -> new Itip(itip, Optional.of(serial), Optional.empty(), l));
            }
            case SSCC -> {
                String d = pair(sp, 17, "extension digit and serial reference");
                int gcp = sp.length(0);
                yield new Sscc(CheckDigit.append(d.charAt(gcp) + d.substring(0, gcp) + d.substring(gcp + 1)), l);
            }
            case SGLN -> {
                Gln gln = new Gln(CheckDigit.append(pair(sp, 12, "location reference")));
                String extension = decode(sp, 2);
                yield build(sp, 2, 0, () -> new Sgln(gln, Optional.of(extension), l));
            }
            case PGLN -> new Pgln(new Gln(CheckDigit.append(pair(sp, 12, "party reference"))), l);
            case GRAI -> {
                String key = CheckDigit.append(pair(sp, 12, "asset type"));
                String serial = nonEmpty(sp, 2, "GRAI serial (AI 8003)");
                yield build(sp, 2, 14, () -> new Grai(key, Optional.of(serial), l));
            }
            case GDTI -> {
                String key = CheckDigit.append(pair(sp, 12, "document type"));
                String serial = nonEmpty(sp, 2, "GDTI serial (AI 253)");
                yield build(sp, 2, 13, () -> new Gdti(key, Optional.of(serial), l));
            }
            case SGCN -> {
                String key = CheckDigit.append(pair(sp, 12, "coupon reference"));
                String serial = nonEmpty(sp, 2, "GCN serial (AI 255)");
                yield build(sp, 2, 13, () -> new Sgcn(key, Optional.of(serial), l));
            }
            case GSRN -> new Gsrn(CheckDigit.append(pair(sp, 17, "service reference")), l);
            case GSRNP -> new Gsrnp(CheckDigit.append(pair(sp, 17, "service reference")), l);
            case GSIN -> new Gsin(CheckDigit.append(pair(sp, 16, "shipper reference")), l);
            case GIAI -> {
                String value = companyPrefix(sp) + decode(sp, 1);
                yield build(sp, 1, sp.length(0), () -> new Giai(value, l));
            }
            case GINC -> {
                String value = companyPrefix(sp) + decode(sp, 1);
                yield build(sp, 1, sp.length(0), () -> new Ginc(value, l));
            }
            case CPI -> {
                String cpid = companyPrefix(sp) + decode(sp, 1);
                build(sp, 1, sp.length(0), () -> {
                    Keys.checkAi("8010", cpid);
                    return null;
                });
                String serial = decode(sp, 2);
                yield build(sp, 2, 0, () -> new Cpi(cpid, Optional.of(serial), l));
            }
        };
    }

    private static String companyPrefix(Split sp) {
        Keys.checkCompanyPrefix(sp.s(), sp.start[0], sp.end[0], sp.loc());
        return sp.text(0);
    }

    /** Company prefix and numeric reference, which together have {@code total} digits (TDS partition tables). */
    private static String pair(Split sp, int total, String what) {
        companyPrefix(sp);
        Keys.checkDigits(what, sp.s(), sp.start[1], sp.end[1], sp.loc());
        int sum = sp.length(0) + sp.length(1);
        if (sum != total) {
            throw sp.loc().error(sp.scheme().urnName() + ": company prefix and " + what + " must have " + total
                    + " digits together, found " + sum, sp.start[1]);
        }
        return sp.text(0) + sp.text(1);
    }

    /** GTIN from {@code C.IRRR}: indicator digit first, then company prefix and item reference. */
    private static Gtin gtin(Split sp) {
        String d = pair(sp, 13, "indicator digit and item reference");
        int gcp = sp.length(0);
        return new Gtin(CheckDigit.append(d.charAt(gcp) + d.substring(0, gcp) + d.substring(gcp + 1)));
    }

    private static void twoDigits(Split sp, int i, String what) {
        Keys.checkDigits(what, sp.s(), sp.start[i], sp.end[i], sp.loc());
        if (sp.length(i) != 2) {
            throw sp.loc().error("itip " + what + " must be 2 digits, found " + sp.length(i), sp.start[i]);
        }
    }

    private static String decode(Split sp, int i) {
        return PercentCodec.decodeUrn(sp.s(), sp.start[i], sp.end[i], Loc.in(sp.s(), sp.start[i]));
    }

    private static String nonEmpty(Split sp, int i, String what) {
        if (sp.length(i) == 0) {
            throw sp.loc().error(what + " is empty", sp.start[i]);
        }
        return decode(sp, i);
    }

    /**
     * Runs a constructor and places its error inside component {@code i}; {@code valueOffset} is where the
     * component's text starts inside the value the constructor checks (e.g. 14 for the serial of AI 8003).
     */
    private static <T> T build(Split sp, int i, int valueOffset, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IdentifierException e) {
            int rel = Math.max(e.relativeIndex(), 0);
            int inComponent = Math.max(rel - valueOffset, 0);
            int raw = PercentCodec.rawIndex(sp.s(), sp.start[i], inComponent);
            throw e.relocate(sp.s(), sp.start[i] + raw - rel);
        }
    }

    // ---- patterns -------------------------------------------------------------------------------------------------

    private static List<String> patternComponents(Split sp) {
        int n = sp.scheme().components();
        int k = 0;
        while (k < n && !sp.text(k).equals("*")) {
            k++;
        }
        for (int i = k; i < n; i++) {
            if (!sp.text(i).equals("*")) {
                throw sp.loc().error("in an EPC pattern only trailing components may be '*'", sp.start[i]);
            }
        }
        List<String> result = new ArrayList<>(Collections.nCopies(n, "*"));
        if (k == 0) {
            return result;
        }
        Gs1Key key;
        try {
            key = k == n ? instance(sp) : instance(withDummies(sp, k));
        } catch (IdentifierException e) {
            // Placeholders only follow the fixed components, so positions hold for the original text.
            throw e.input() == null || e.input().equals(sp.s()) || e.position().isEmpty() ? e
                    : new IdentifierException(e.detail(), sp.s(), e.position().getAsInt());
        }
        List<String> canonical = components(key.toUrn(), n);
        for (int i = 0; i < k; i++) {
            result.set(i, canonical.get(i));
        }
        return result;
    }

    /** The class-level key of a pattern with only its last component '*'. */
    private static Gs1Key classLevel(Split sp) {
        int n = sp.scheme().components();
        Gs1Key key;
        try {
            key = instance(withDummies(sp, n - 1));
        } catch (IdentifierException e) {
            throw e.position().isEmpty() ? e : new IdentifierException(e.detail(), sp.s(), e.position().getAsInt());
        }
        OptionalInt l = key.gcpLength();
        if (key instanceof Sgtin s) {
            return new ProductClass(s.gtin(), l);
        } else if (key instanceof Upui u) {
            return new ProductClass(u.gtin(), l);
        } else if (key instanceof Grai g) {
            return new Grai(g.assetType(), Optional.empty(), l);
        } else if (key instanceof Gdti g) {
            return new Gdti(g.documentType(), Optional.empty(), l);
        } else if (key instanceof Sgcn g) {
            return new Sgcn(g.couponReference(), Optional.empty(), l);
        } else if (key instanceof Cpi c) {
            return new Cpi(c.cpid(), Optional.empty(), l);
        } else if (key instanceof Itip t) {
            return new Itip(t.itip(), Optional.empty(), Optional.empty(), l);
        }
        throw new IllegalStateException("no class level for " + sp.scheme());
    }

    /**
     * The same URI with the wildcard components (from {@code k} on) replaced by valid placeholder values, so that the
     * fixed components can be checked by the instance reader at their original positions.
     */
    private static Split withDummies(Split sp, int k) {
        EpcScheme scheme = sp.scheme();
        int n = scheme.components();
        StringBuilder sb = new StringBuilder(sp.s().substring(0, sp.end[k - 1]));
        int gcp = sp.length(0);
        for (int i = k; i < n; i++) {
            sb.append('.').append(dummy(scheme, i, gcp));
        }
        return split(sb.toString(), scheme, sp.start[0]);
    }

    private static String dummy(EpcScheme scheme, int i, int gcp) {
        if (i == 1) {
            int total = switch (scheme) {
                case SGTIN, LGTIN, UPUI, ITIP -> 13;
                case SSCC, GSRN, GSRNP -> 17;
                case GSIN -> 16;
                case SGLN, PGLN, GRAI, GDTI, SGCN -> 12;
                case GIAI, GINC, CPI -> gcp + 1;
            };
            return "0".repeat(Math.max(total - gcp, 0));
        }
        if (scheme == EpcScheme.ITIP && i == 2) {
            return "01";
        }
        if (scheme == EpcScheme.ITIP && i == 3) {
            return "99";
        }
        return "0";
    }

    /** The '.'-separated body components of a rendered EPC URI. */
    static List<String> components(String urn, int n) {
        int p = 0;
        for (int c = 0; c < 4; c++) {
            p = urn.indexOf(':', p) + 1;
        }
        return Arrays.asList(urn.substring(p).split("\\.", n));
    }
}
