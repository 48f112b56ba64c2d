package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of asking for the EPC URN form of an identifier. Translation can fail without the input being wrong: the
 * GS1 company prefix length is not part of a GS1 element string, so a Digital Link can only become a URN when the
 * length is known. The failure names the reason and carries the form to keep instead (never a guessed URN).
 */
public sealed interface UrnTranslation {

    /** The URN when translated, otherwise the form that was kept (Digital Link or the URI itself). */
    String uri();

    default boolean translated() {
        return this instanceof Translated;
    }

    default Optional<String> urnIfTranslated() {
        return this instanceof Translated t ? Optional.of(t.urn()) : Optional.empty();
    }

    /** Why no URN could be formed. */
    enum Reason {
        /** The GS1 company prefix length is not known for this key (not in the URN, not in the table). */
        COMPANY_PREFIX_LENGTH_UNKNOWN,
        /** A length was found in the table but does not fit this key (e.g. not all digits there). */
        COMPANY_PREFIX_LENGTH_MISMATCH,
        /** The identifier has no EPC URI form in TDS (e.g. ITIP with batch/lot, a pattern without DL form). */
        NO_EPC_URI_FORM,
        /** Not a GS1 key at all (any other URI). */
        NOT_A_GS1_KEY
    }

    record Translated(String urn) implements UrnTranslation {
        public Translated {
            Objects.requireNonNull(urn, "urn");
        }

        @Override
        public String uri() {
            return urn;
        }
    }

    /**
     * @param uri    the form kept instead: the canonical Digital Link for GS1 keys, the URI itself otherwise
     * @param reason machine-readable reason
     * @param detail human-readable explanation
     */
    record NotTranslated(String uri, Reason reason, String detail) implements UrnTranslation {
        public NotTranslated {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
