package io.tracewell.epcis.hash;

/**
 * The identifier normaliser the hash uses by default: EPC URIs are translated to Digital Link, Digital Link URIs are
 * constrained, anything else passes through unchanged.
 */
final class Gs1IdentifierCanonicaliser implements IdentifierNormaliser {
    private final EpcUrnToDigitalLink urns;
    private final DigitalLinkConstrainer links;

    Gs1IdentifierCanonicaliser(DigitalLinkEscaping escaping) {
        this.urns = new EpcUrnToDigitalLink(escaping);
        this.links = new DigitalLinkConstrainer(escaping);
    }

    @Override
    public String canonical(String value) {
        String result = null;
        if (value.startsWith("urn:epc:")) {
            result = urns.translate(value);
        } else if (value.regionMatches(true, 0, "http", 0, 4)) {
            result = links.constrain(value);
        }
        return result == null ? value : result;
    }
}
