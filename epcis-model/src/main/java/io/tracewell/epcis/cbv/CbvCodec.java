package io.tracewell.epcis.cbv;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/** Reads the spellings of vocabulary values into the one held form, and renders that form back. */
final class CbvCodec {

    private CbvCodec() {
    }

    /**
     * The held form of a value: the Web URI for a standard term in any spelling, otherwise the absolute URI as given
     * (surrounding whitespace removed, as XML Schema's anyURI does).
     */
    static String canonical(CbvVocabulary v, String input) {
        Objects.requireNonNull(input, v.label());
        String s = input.strip();
        if (s.isEmpty()) {
            throw new VocabularyException(v.label() + " is empty");
        }
        Optional<String> term = standardTerm(v, s);
        if (term.isPresent()) {
            return v.webUri(term.get());
        }
        if (s.indexOf(':') < 0) {
            throw new VocabularyException(v.label() + " '" + s + "' is neither a CBV 2.0 " + v.label()
                    + " term nor an absolute URI");
        }
        try {
            if (!new URI(s).isAbsolute()) {
                throw new VocabularyException(v.label() + " '" + s + "' is not an absolute URI");
            }
        } catch (URISyntaxException e) {
            throw new VocabularyException(v.label() + " '" + s + "' is not a well-formed URI: " + e.getReason()
                    + " at position " + Math.max(e.getIndex(), 0));
        }
        return s;
    }

    /** The standard term a spelling denotes, if any. */
    static Optional<String> standardTerm(CbvVocabulary v, String s) {
        if (v.isTerm(s)) {
            return Optional.of(s);
        }
        if (v.urnPrefix().isPresent()) {
            String urn = v.urnPrefix().get();
            // The URN namespace identifier is case-insensitive (RFC 8141); the term is not.
            if (s.regionMatches(true, 0, urn, 0, urn.length())) {
                return term(v, s, urn.length());
            }
        }
        String web = v.namespace() + v.webTermPrefix();
        if (s.startsWith(web)) {
            return term(v, s, web.length());
        }
        if (v.gs1Voc() && s.startsWith(CbvVocabulary.GS1_VOC_REF_NAMESPACE)) {
            return term(v, s, CbvVocabulary.GS1_VOC_REF_NAMESPACE.length());
        }
        String curie = v.curiePrefix() + v.webTermPrefix();
        if (s.startsWith(curie)) {
            return term(v, s, curie.length());
        }
        return Optional.empty();
    }

    private static Optional<String> term(CbvVocabulary v, String s, int from) {
        String t = s.substring(from);
        return v.isTerm(t) ? Optional.of(t) : Optional.empty();
    }

    /** The term of a held value, when it is a standard one. */
    static Optional<String> termOf(CbvVocabulary v, String held) {
        String web = v.namespace() + v.webTermPrefix();
        return held.startsWith(web) ? term(v, held, web.length()) : Optional.empty();
    }

    /** Web URI of a held value; an unknown value in compact form with a known prefix is expanded. */
    static String webUri(CbvVocabulary v, String held) {
        if (held.startsWith("cbv:")) {
            return CbvVocabulary.CBV_NAMESPACE + held.substring(4);
        }
        if (held.startsWith("gs1:")) {
            return CbvVocabulary.GS1_VOC_NAMESPACE + held.substring(4);
        }
        return held;
    }

    static String urn(CbvVocabulary v, String held) {
        return termOf(v, held).map(t -> v.urnPrefix().orElseThrow() + t).orElse(held);
    }

    static String bareWord(CbvVocabulary v, String held) {
        return termOf(v, held).orElse(held);
    }

    static String curie(CbvVocabulary v, String held) {
        return termOf(v, held).map(t -> v.curiePrefix() + v.webTermPrefix() + t).orElse(held);
    }
}
