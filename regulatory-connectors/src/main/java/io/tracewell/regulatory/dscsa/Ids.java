package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.Gln;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.id.Pgln;
import io.tracewell.epcis.id.Sgln;
import io.tracewell.epcis.id.Sgtin;
import java.util.Optional;

/** The identifier forms this package compares and looks up by (docs/identifiers.md). */
final class Ids {

    private Ids() {
    }

    /**
     * The form the store indexes an identifier by: the canonical Digital Link of a GS1 key, the URI as written
     * otherwise (also for a value the parser rejects, as the store does).
     */
    static String canonical(String identifier) {
        try {
            return Epc.canonicalOf(identifier);
        } catch (IdentifierException e) {
            return identifier;
        }
    }

    /** The SGTIN an identifier denotes, if it is one. */
    static Optional<Sgtin> sgtin(String identifier) {
        try {
            return Epc.parse(identifier) instanceof Sgtin s ? Optional.of(s) : Optional.empty();
        } catch (IdentifierException e) {
            return Optional.empty();
        }
    }

    /** The GLN of an SGLN (any extension) or PGLN, in any spelling; empty for anything else. */
    static Optional<String> gln(String identifier) {
        try {
            Epc epc = Epc.parse(identifier);
            if (epc instanceof Sgln s) {
                return Optional.of(s.gln().value());
            }
            return epc instanceof Pgln p ? Optional.of(p.gln().value()) : Optional.empty();
        } catch (IdentifierException e) {
            return Optional.empty();
        }
    }

    /**
     * The GLN, checked: 13 digits with a valid check digit.
     *
     * @param field what holds it, for the message
     * @throws IllegalArgumentException naming the field and the value
     */
    static String checkedGln(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing; expected a GLN (13 digits)");
        }
        try {
            return new Gln(value).value();
        } catch (IdentifierException e) {
            throw new IllegalArgumentException(field + " holds '" + value + "', which is not a GLN (13 digits with"
                    + " a valid check digit): " + e.getMessage(), e);
        }
    }
}
