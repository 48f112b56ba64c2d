package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ObjectEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stored events of one shipment, as {@link ShipmentHistory} found them.
 *
 * @param shippingRow    the shipping event's row id in {@code epcis_event}
 * @param shipping       the shipping ObjectEvent as stored
 * @param commissioning  the commissioning events of the shipped items, oldest first
 * @param packing        the packing AggregationEvents under the shipped items, innermost level first (packs into
 *                       cases before cases onto pallets), oldest first within a level
 * @param shippedItems   every shipped object: the shipping event's EPCs and everything packed in them, canonical
 *                       form (docs/identifiers.md), top level first
 * @param uncommissioned the shipped SGTINs that no stored commissioning event names, canonical form
 */
public record ShipmentEvents(
        long shippingRow,
        ObjectEvent shipping,
        List<Commissioning> commissioning,
        List<AggregationEvent> packing,
        List<String> shippedItems,
        List<String> uncommissioned) {

    public ShipmentEvents {
        Objects.requireNonNull(shipping, "shipping");
        commissioning = List.copyOf(commissioning);
        packing = List.copyOf(packing);
        shippedItems = List.copyOf(shippedItems);
        uncommissioned = List.copyOf(uncommissioned);
    }

    /**
     * A stored commissioning event and the form the document carries: the same event when all its EPCs are
     * shipped; otherwise a copy with only the shipped EPCs, without quantity list and without eventID (the ID names
     * the stored event, which says more, and a partner that de-duplicates by eventID must not drop the EPCs of a
     * later shipment from the same commissioning).
     */
    public record Commissioning(ObjectEvent stored, ObjectEvent shipped) {
        public Commissioning {
            Objects.requireNonNull(stored, "stored");
            Objects.requireNonNull(shipped, "shipped");
        }

        /** Whether the stored event names objects that are not in this shipment. */
        public boolean trimmed() {
            return stored != shipped;
        }
    }

    /** The events in the order the document lists them: commissioning, packing bottom-up, shipping. */
    public List<EpcisEvent> inDocumentOrder() {
        List<EpcisEvent> events = new ArrayList<>(commissioning.size() + packing.size() + 1);
        for (Commissioning c : commissioning) {
            events.add(c.shipped());
        }
        events.addAll(packing);
        events.add(shipping);
        return events;
    }

    /** How messages name the shipment: its shipping event's eventID, or the row when it has none. */
    public String name() {
        return shipping.eventID() != null ? "shipping event " + shipping.eventID()
                : "shipping event (row " + shippingRow + ")";
    }
}
