package io.tracewell.epcis.conformance;

/**
 * The first difference a semantic comparator found between an expected and an actual document.
 *
 * @param location JSON pointer (RFC 6901, spelled with the expected document's member names) or an XPath-like path
 *                 with prefixes as the expected document wrote them
 * @param problem  what differs, e.g. "values differ" or "member missing"
 * @param expected the value in the expected document, as written (or "nothing")
 * @param actual   the value in the actual document, as written (or "nothing")
 */
public record Difference(String location, String problem, String expected, String actual) {
    static final String NOTHING = "nothing";

    @Override
    public String toString() {
        return location + ": " + problem + "\n  expected: " + expected + "\n  actual:   " + actual;
    }
}
