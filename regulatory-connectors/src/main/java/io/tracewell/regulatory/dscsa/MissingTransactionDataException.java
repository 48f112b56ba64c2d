package io.tracewell.regulatory.dscsa;

import java.util.List;
import java.util.Objects;

/**
 * A DSCSA document cannot be built because transaction information is missing: a product without EPCClass master
 * data or without one of its TI attributes, a party or location without name or address, a shipped item without
 * commissioning event, lot or expiry. The exception lists every missing item found, not only the first, so that an
 * operator can supply them all before the delivery is tried again; nothing is built in the meantime (never a
 * document with holes).
 */
public final class MissingTransactionDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * One missing piece of transaction information.
     *
     * @param identifier what it is missing for: a GTIN or LGTIN class (canonical Digital Link, as the store keys
     *                   master data), a party or location identifier as the shipping event writes it, a shipped
     *                   item, or an event
     * @param missing    what is missing, e.g. {@code EPCClass attribute urn:epcglobal:cbv:mda#dosageFormType
     *                   (dosage form, TI (B))}
     */
    public record Item(String identifier, String missing) {
        public Item {
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(missing, "missing");
        }

        @Override
        public String toString() {
            return identifier + ": " + missing;
        }
    }

    private final transient List<Item> items;

    /** @param shipment names the shipment in the message, e.g. its shipping event's eventID */
    public MissingTransactionDataException(String shipment, List<Item> items) {
        super(message(shipment, items));
        this.items = List.copyOf(items);
    }

    /** Every missing item, in a stable order: products, shipped items and events, then parties and locations. */
    public List<Item> items() {
        return items;
    }

    private static String message(String shipment, List<Item> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a MissingTransactionDataException needs at least one missing item");
        }
        StringBuilder sb = new StringBuilder("the DSCSA document of ").append(shipment).append(" lacks ")
                .append(items.size()).append(items.size() == 1 ? " item" : " items")
                .append(" of transaction information:");
        for (Item item : items) {
            sb.append("\n- ").append(item);
        }
        return sb.toString();
    }
}
