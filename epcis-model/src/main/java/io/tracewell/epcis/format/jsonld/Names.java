package io.tracewell.epcis.format.jsonld;

/** XML name rules needed to turn JSON-LD keys into qualified names the XML binding can write. */
final class Names {
    private Names() {
    }

    /**
     * True for an XML NCName (Namespaces in XML 1.0 §3): no colon, does not start with a digit, '-' or '.'.
     * Non-ASCII letters are accepted as name characters without the finer Unicode classes.
     */
    static boolean isNcName(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        if (!(Character.isLetter(first) || first == '_' || first > 0x7F && first != 0xB7)) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c > 0x7F;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where an absolute IRI splits into namespace and local name: after the last {@code /}, {@code #} or
     * {@code :} (the last one so that {@code urn:} IRIs split too). Returns -1 when there is no such character.
     */
    static int splitPoint(String iri) {
        int i = Math.max(iri.lastIndexOf('/'), Math.max(iri.lastIndexOf('#'), iri.lastIndexOf(':')));
        return i < 0 ? -1 : i + 1;
    }

    /**
     * True when a key is read as an absolute IRI rather than a CURIE: its scheme is followed by {@code //}
     * ({@code https://...}) or it is a URN. Anything else with a colon must use a declared prefix.
     */
    static boolean isAbsoluteIri(String key) {
        int colon = key.indexOf(':');
        return colon > 0 && (key.startsWith("//", colon + 1) || key.regionMatches(true, 0, "urn:", 0, 4));
    }

    /** True when an extension in this namespace can be written as an absolute IRI key and split back the same. */
    static boolean splitsBack(String namespace, String localPart) {
        if (namespace.isEmpty() || !isNcName(localPart) || !isAbsoluteIri(namespace)) {
            return false;
        }
        char last = namespace.charAt(namespace.length() - 1);
        return last == '/' || last == '#' || last == ':';
    }
}
