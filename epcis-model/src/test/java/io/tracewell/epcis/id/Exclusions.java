package io.tracewell.epcis.id;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vector pairs we do not follow, keyed by the vector's input, with the reason and what we do instead (mirrored in
 * docs/identifiers.md, "Excluded vector pairs"). The conformance test asserts each of these outcomes.
 */
final class Exclusions {

    /**
     * @param reason        why the vector's expectation is not followed
     * @param expectedError message fragment of the error we raise instead, or null
     * @param ourResult     the translation we produce instead, or null
     */
    record Exclusion(String reason, String expectedError, String ourResult) {
    }

    static final String CHECK_DIGIT = "the vector's GS1 key has an invalid check digit (the vector's library does not"
            + " validate it); GS1 General Specifications §7.9 make it invalid";
    static final String RAW_SLASH = "a '/' inside an AI value is written raw in the Digital Link, which makes the path"
            + " ambiguous (RFC 3986: it must be %2F)";
    static final String RAW_QUERY = "a '?' or '#' inside an AI value is written raw, so by RFC 3986 the rest of the"
            + " value is query or fragment; we read the URI as the URI syntax says";

    static final Map<String, Exclusion> ALL = build();

    private Exclusions() {
    }

    private static Map<String, Exclusion> build() {
        Map<String, Exclusion> m = new LinkedHashMap<>();
        for (String input : new String[] {
            "http://example.de/gtin-8/01/97803111",
            "http://example.de/01/040123451234/cpv/344/lot/ABD",
            "https://id.gs1.org/8017/123456789012345678",
            "https://google.com/8017/123456789012345678",
            "https://google.com/8017/643963764374736343",
            "https://google.com/8017/645933932413121231",
            "https://google.com/8017/667602231213121237",
            "https://riseagainst.com/songs/8006/123456789012356787/21/1111",
            "https://id.gs1.org/8006/123456789012345678",
            "https://id.gs1.org/8006/495892314098876544",
            "https://id.gs1.org/8006/843948393494893434",
            "https://id.gs1.org/8006/394354903094390493",
            "https://id.gs1.org/01/59850359038590/10/2z32746",
            "https://id.gs1.org/01/59046477538590/10/2z32746",
            "https://id.gs1.org/01/59046537003451/10/998877",
            "https://samsung.com/de/01/12345678901234/10/9999",
            "https://id.gs1.org/01/12475775757579/10/488484",
            "https://id.gs1.org/01/89359443847373/235/8398439",
            "https://id.gs1.org/01/93511525326356/235/0230293",
        }) {
            m.put(input, new Exclusion(CHECK_DIGIT, "check digit: expected", null));
        }
        for (String input : new String[] {
            "https://id.gs1.org/8010/4748374/23748#94//8011/94304",
            "https://id.gs1.org/8010/8585885039434/38",
            "https://id.gs1.org/8010/9520885039434/38",
            "https://id.gs1.org/8004/3575958495850!\"/%_",
            "https://id.gs1.org/401/4849304738473!\"\"%/%&'()*+,-.:=",
            "https://id.gs1.org/8006/646734858938493844/21/!\"%&'()*+,-./1:;<=>=",
            "https://id.gs1.org/01/74778478489849/10//777474",
            "https://id.gs1.org/01/49557283728732/10//8484892%",
            "https://id.gs1.org/01/49367283728732/10//8484892%",
            "https://id.gs1.org/01/12345678901231/10/!\"%&'()*+,-./19:;<=>",
            "https://id.gs1.org/01/12345678901231/21/!\"%&'()*+,-./",
            "https://id.gs1.org/01/12345678901231/21//19:;<=>?AZ_az",
            "https://id.gs1.org/01/78574584574857/235/!\"%&'()*+,-./",
        }) {
            m.put(input, new Exclusion(RAW_SLASH, "is not followed by value/AI pairs", null));
        }
        m.put("https://id.gs1.org/253/8934893489494\":?>",
                new Exclusion(RAW_QUERY, null, "urn:epc:id:gdti:893489348949..%22:"));
        m.put("https://id.gs1.org/8004/7324878;><=?",
                new Exclusion(RAW_QUERY, null, "urn:epc:id:giai:732487.8;%3E%3C="));
        m.put("https://id.gs1.org/8003/043847837483703:;<>=?AZ_az",
                new Exclusion(RAW_QUERY, null, "urn:epc:id:grai:438478.374837.3:;%3C%3E="));
        m.put("https://id.gs1.org/01/57875874837438/235/19:;<=>?AZ_az",
                new Exclusion(RAW_QUERY, null, "urn:epc:id:upui:787587.5483743.19:;%3C=%3E"));
        m.put("https://id.gs1.org/8010/30056867890#1294-5A/8011/4893",
                new Exclusion(RAW_QUERY, null, "urn:epc:idpat:cpi:30056867.890.*"));
        m.put("https://id.gs1.org/8004/42512183.SENSOR.TR-07-AVE-583:1", new Exclusion(
                "the GIAI has 31 characters; AI 8004 allows at most 30", "GIAI (AI 8004) longer than 30 characters",
                null));
        m.put("https://id.gs1.org/8010/123457-57578", new Exclusion(
                "company prefix length 12 would include '-': a GS1 company prefix is all digits",
                "does not fit CPI 123457-57578", null));
        m.put("urn:epc:idpat:itip:493494.3399430.40.39.*", new Exclusion(
                "piece number 40 exceeds the total count 39 (AI 8006 piece/total rule)", "piece 40 of total 39 invalid",
                null));
        return Map.copyOf(m);
    }
}
