package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.SourceDest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A buyer that receives a DSCSA document for each shipment to it.
 *
 * <p>A shipping event is to this partner when one of its destinations of type {@code owning_party} has a GLN of
 * {@link #partyGlns()}, or one of type {@code location} has a GLN of {@link #locationGlns()}. The GLN of a
 * destination is read from its SGLN (any extension) or PGLN, in EPC URN or Digital Link spelling.
 *
 * @param name         the partner's name, for operators and messages
 * @param partyGlns    GLNs (13 digits) that name the partner as owning party
 * @param locationGlns GLNs (13 digits) of the partner's ship-to locations
 * @param receiverGln  the GLN the document's SBDH names as receiver
 */
public record TradingPartner(String name, List<String> partyGlns, List<String> locationGlns, String receiverGln) {

    /**
     * @throws IllegalArgumentException when the name is blank, a GLN is not 13 digits with a valid check digit, or
     *                                  the partner has neither party nor location GLNs (no shipment could match)
     */
    public TradingPartner {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("TradingPartner name is missing or blank");
        }
        partyGlns = checked(partyGlns, name, "partyGlns");
        locationGlns = checked(locationGlns, name, "locationGlns");
        if (partyGlns.isEmpty() && locationGlns.isEmpty()) {
            throw new IllegalArgumentException("TradingPartner " + name + " has neither partyGlns nor locationGlns;"
                    + " expected at least one GLN that identifies it as the destination of a shipment");
        }
        receiverGln = Ids.checkedGln(receiverGln, "TradingPartner " + name + " receiverGln");
    }

    /**
     * Whether the event is a shipment to this partner: an ObjectEvent with business step {@code shipping}, without
     * error declaration, with a destination that names this partner (see the class comment).
     */
    public boolean isDestinationOf(EpcisEvent event) {
        if (!(event instanceof ObjectEvent o) || !BizStep.SHIPPING.equals(o.bizStep())
                || o.errorDeclaration() != null) {
            return false;
        }
        for (SourceDest d : o.where().destinationList()) {
            Optional<String> gln = Ids.gln(d.id());
            if (gln.isEmpty()) {
                continue;
            }
            if (SourceDestType.OWNING_PARTY.equals(d.type()) && partyGlns.contains(gln.get())
                    || SourceDestType.LOCATION.equals(d.type()) && locationGlns.contains(gln.get())) {
                return true;
            }
        }
        return false;
    }

    /** The first of {@code partners} (in the given order) that the event is a shipment to. */
    public static Optional<TradingPartner> destinationOf(List<TradingPartner> partners, EpcisEvent event) {
        Objects.requireNonNull(event, "event");
        for (TradingPartner p : partners) {
            if (p.isDestinationOf(event)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<String> checked(List<String> glns, String name, String field) {
        if (glns == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>(glns.size());
        for (int i = 0; i < glns.size(); i++) {
            result.add(Ids.checkedGln(glns.get(i), "TradingPartner " + name + " " + field + "[" + i + "]"));
        }
        return List.copyOf(result);
    }
}
