package io.tracewell.trace.alert;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.id.ProductClass;
import io.tracewell.epcis.id.Sgtin;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pack scanned in a country outside its product's intended markets: a diversion (a pack made for one market
 * sold in another) or a copy. The markets are the product class's master data values {@value MasterData#MARKET}
 * (the class of the SGTIN's GTIN), the country is the CBV {@code countryCode} of the event's business location,
 * else of its read point.
 *
 * <p>Every event naming the pack counts as a scan except the steps that happen where the pack is made or leaves
 * from (commissioning, encoding, packing, staging_outbound, shipping, departing): a product for the EU is often
 * made elsewhere. No alert when the product has no markets recorded, the event no location, or the location no country:
 * an unknown market is not a wrong one. The trigger is the event itself, so the rule needs no history.
 */
public final class OutsideMarketRule implements Rule {

    public static final String NAME = "outside-market";

    private static final Set<String> ORIGIN_STEPS = Set.of(BizStep.COMMISSIONING.uri(), BizStep.ENCODING.uri(),
            BizStep.PACKING.uri(), BizStep.STAGING_OUTBOUND.uri(), BizStep.SHIPPING.uri(), BizStep.DEPARTING.uri());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> evaluate(Connection connection, CapturedEvent event) throws SQLException {
        String location = event.location();
        if (location == null || event.epcs().isEmpty()
                || event.bizStep() != null && ORIGIN_STEPS.contains(event.bizStep())) {
            return List.of();
        }
        MasterData masterData = new MasterData(connection);
        Optional<String> country = masterData.country(location);
        if (country.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (String epc : event.epcs()) {
            Optional<String> productClass = productClass(epc);
            if (productClass.isEmpty()) {
                continue;
            }
            List<String> markets = masterData.markets(productClass.get());
            if (markets.isEmpty() || markets.contains(country.get())) {
                continue;
            }
            findings.add(new Finding(NAME, epc, event.rowId(), List.of(event.eventId()),
                    "EPC " + epc + " was seen in " + country.get() + " at " + location + " (event "
                            + event.eventId() + ", " + event.eventTime() + "); its product is meant for "
                            + String.join(", ", markets)));
        }
        return findings;
    }

    /** The canonical id of an SGTIN's product class (its GTIN); empty for any other identifier. */
    static Optional<String> productClass(String epc) {
        try {
            return Epc.parse(epc) instanceof Sgtin sgtin
                    ? Optional.of(ProductClass.of(sgtin.gtin()).canonical()) : Optional.empty();
        } catch (IdentifierException e) {
            return Optional.empty();
        }
    }
}
