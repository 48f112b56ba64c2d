package io.tracewell.epcis.id;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * Any absolute URI that is not a GS1 key: EPCIS 2.0 allows any URI as identifier (e.g. {@code urn:epc:id:gid:...},
 * {@code urn:epcglobal:cbv:bt:...}, {@code geo:...}, {@code https://example.com/thing/1}). Kept exactly as given.
 *
 * @param uri the URI, syntactically checked by {@link URI} and required to have a scheme
 */
public record OtherUri(String uri) implements Epc {

    public OtherUri {
        Objects.requireNonNull(uri, "uri");
        check(uri, Loc.NONE);
    }

    public static OtherUri of(String uri) {
        return new OtherUri(uri);
    }

    static void check(String uri, Loc loc) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw loc.error("not a well-formed URI: " + e.getReason(), Math.max(e.getIndex(), 0));
        }
        if (!parsed.isAbsolute()) {
            throw loc.error("not an absolute URI (no scheme): '" + uri + "'");
        }
    }

    @Override
    public String canonical() {
        return uri;
    }

    @Override
    public Optional<String> digitalLink() {
        return Optional.empty();
    }

    /** EPC URIs without GS1 key (gid, usdod, adi, bic, imovn) are their own URN; anything else has none. */
    @Override
    public UrnTranslation translateToUrn(CompanyPrefixLengths lengths) {
        if (uri.regionMatches(true, 0, "urn:epc:", 0, 8)) {
            return new UrnTranslation.Translated(uri);
        }
        return new UrnTranslation.NotTranslated(uri, UrnTranslation.Reason.NOT_A_GS1_KEY, "not a GS1 key: " + uri);
    }

    @Override
    public String toString() {
        return uri;
    }
}
