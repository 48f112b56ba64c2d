package io.tracewell.epcis.id;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An EPC pattern URI {@code urn:epc:idpat:<scheme>:...} (TDS 2.x, EPC pattern URI), as used in EPCIS {@code MATCH_*}
 * query parameters: fixed leading components, then {@code *} for "any". Patterns other than the class-level shape
 * (last component '*', e.g. {@code urn:epc:idpat:sgtin:4012345.012345.*}) have no Digital Link equivalent and are
 * matched on the EPC structure by {@link #matches(Epc)}.
 *
 * @param scheme     the EPC scheme (not LGTIN, which has no pattern form)
 * @param components the components in canonical URN escaping, wildcards as "*"
 */
public record EpcPattern(EpcScheme scheme, List<String> components) implements Epc {

    public EpcPattern {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(components, "components");
        if (scheme == EpcScheme.LGTIN) {
            throw new IdentifierException("LGTIN has no EPC pattern form");
        }
        components = List.copyOf(EpcUrns.canonicalPattern(scheme, components));
    }

    /**
     * Reads any {@code urn:epc:idpat:} URI as a pattern, including the class-level ones that {@link Epc#parse}
     * returns as keys.
     */
    public static EpcPattern parse(String urn) {
        Objects.requireNonNull(urn, "urn");
        if (!urn.regionMatches(true, 0, "urn:epc:idpat:", 0, 14)) {
            throw new IdentifierException("an EPC pattern URI starts with urn:epc:idpat:", urn, 0);
        }
        Epc epc = EpcUrns.parse(urn, false);
        if (epc instanceof EpcPattern p) {
            return p;
        }
        throw new IdentifierException("not an EPC pattern of a GS1 key scheme: " + urn, urn, 0);
    }

    /** Number of leading fixed (non-wildcard) components. */
    public int fixedComponents() {
        int k = 0;
        while (k < components.size() && !components.get(k).equals("*")) {
            k++;
        }
        return k;
    }

    public String toUrn() {
        return scheme.patternPrefix() + String.join(".", components);
    }

    @Override
    public String canonical() {
        return toUrn();
    }

    /** The Digital Link of a class-level pattern (only its last component '*'); other patterns have none. */
    @Override
    public Optional<String> digitalLink() {
        if (!EpcUrns.isClassLevel(scheme, components)) {
            return Optional.empty();
        }
        return ((Gs1Key) EpcUrns.parse(toUrn(), true)).digitalLink();
    }

    @Override
    public UrnTranslation translateToUrn(CompanyPrefixLengths lengths) {
        return new UrnTranslation.Translated(toUrn());
    }

    /**
     * Whether an identifier falls under this pattern: same scheme and equal leading components, compared after
     * rendering the candidate's EPC URI with this pattern's company prefix length (so Digital Links without known
     * prefix length match too). An sgtin pattern also matches {@link ProductClass} and {@link Lgtin} on the GTIN
     * (EPCIS {@code MATCH_epcClass}), as long as its serial component is '*'.
     */
    public boolean matches(Epc candidate) {
        if (!(candidate instanceof Gs1Key key)) {
            return false;
        }
        int k = fixedComponents();
        if (!compatible(key, k)) {
            return false;
        }
        if (k == 0) {
            return true;
        }
        String urn;
        try {
            urn = key.withGcpLength(components.get(0).length()).toUrn();
        } catch (IdentifierException e) {
            return false;
        }
        List<String> actual = EpcUrns.components(urn, scheme.components());
        for (int i = 0; i < k; i++) {
            if (!components.get(i).equals(actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean compatible(Gs1Key key, int fixed) {
        if (scheme == EpcScheme.SGTIN) {
            boolean gtinClass = key instanceof ProductClass || key instanceof Lgtin;
            return key instanceof Sgtin || gtinClass && fixed < 3;
        }
        if (scheme == EpcScheme.UPUI && key instanceof ProductClass) {
            return fixed < 3;
        }
        return key.scheme() == scheme && !(key instanceof ProductClass);
    }

    @Override
    public String toString() {
        return toUrn();
    }
}
