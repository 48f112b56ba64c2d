package io.tracewell.epcis.id;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The EPC schemes of the GS1 Tag Data Standard 2.x that carry a GS1 key, with the number of '.'-separated components
 * of their pure-identity URI body (TDS 2.x, pure identity URIs and the LGTIN class URI).
 */
public enum EpcScheme {
    SGTIN("sgtin", 3),
    SSCC("sscc", 2),
    SGLN("sgln", 3),
    GRAI("grai", 3),
    GIAI("giai", 2),
    GSRN("gsrn", 2),
    GSRNP("gsrnp", 2),
    GDTI("gdti", 3),
    CPI("cpi", 3),
    SGCN("sgcn", 3),
    GINC("ginc", 2),
    GSIN("gsin", 2),
    ITIP("itip", 5),
    UPUI("upui", 3),
    PGLN("pgln", 2),
    /** Class level: {@code urn:epc:class:lgtin:}. */
    LGTIN("lgtin", 3);

    private final String urnName;
    private final int components;

    EpcScheme(String urnName, int components) {
        this.urnName = urnName;
        this.components = components;
    }

    /** The scheme name as written in URIs, e.g. "sgtin". */
    public String urnName() {
        return urnName;
    }

    /** Number of '.'-separated components after {@code urn:epc:id:<scheme>:}. */
    public int components() {
        return components;
    }

    /** {@code urn:epc:id:<scheme>:}, or {@code urn:epc:class:lgtin:} for LGTIN. */
    public String urnPrefix() {
        return this == LGTIN ? "urn:epc:class:lgtin:" : "urn:epc:id:" + urnName + ":";
    }

    /** {@code urn:epc:idpat:<scheme>:} (none for LGTIN, which has no pattern form in TDS). */
    public String patternPrefix() {
        return "urn:epc:idpat:" + urnName + ":";
    }

    private static final Map<String, EpcScheme> BY_NAME = new HashMap<>();

    static {
        for (EpcScheme s : values()) {
            BY_NAME.put(s.urnName, s);
        }
    }

    public static Optional<EpcScheme> byUrnName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
