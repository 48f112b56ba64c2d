package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.id.Gtin;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.id.Lgtin;
import io.tracewell.epcis.id.ProductClass;
import io.tracewell.epcis.id.Sgtin;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import io.tracewell.regulatory.dscsa.MissingTransactionDataException.Item;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gathers the transaction information of a shipment from stored master data and the commissioning ILMD, as the
 * master data vocabularies of the document, and lists everything that is missing.
 *
 * <ul>
 *   <li>Products: one EPCClass element per GTIN of a shipped SGTIN (packs and case SGTINs), id the GTIN class,
 *       and one per shipped lot (LGTIN) that has stored EPCClass master data. Each {@link ProductAttribute} must be
 *       on the GTIN's element, or on the element of every shipped lot of the GTIN.</li>
 *   <li>Lots and expiry: every shipped SGTIN needs a commissioning event, and each commissioning event
 *       {@code cbvmda:lotNumber} and {@code cbvmda:itemExpirationDate} in its ILMD.</li>
 *   <li>Parties and locations: the shipping event needs a source and a destination of type {@code owning_party}
 *       (seller, buyer) and of type {@code location} (ship-from, ship-to); each needs Location master data (type
 *       Location, else BusinessLocation) with the required {@link LocationAttribute}s.</li>
 * </ul>
 */
final class TransactionInformation {

    private static final String LOT = "lotNumber";
    private static final String EXPIRY = "itemExpirationDate";

    /** The master data vocabularies (EPCClass, Location) and what is missing, products first. */
    record Result(List<Vocabulary> masterData, List<Item> missing) {
        Result {
            masterData = List.copyOf(masterData);
            missing = List.copyOf(missing);
        }
    }

    private TransactionInformation() {
    }

    static Result of(Connection c, ShipmentEvents shipment) throws SQLException {
        List<Item> productsMissing = new ArrayList<>();
        List<Item> itemsMissing = new ArrayList<>();
        List<Item> partiesMissing = new ArrayList<>();
        List<VocabularyElement> products = products(c, shipment, productsMissing, itemsMissing);
        List<VocabularyElement> locations = locations(c, shipment, partiesMissing);
        List<Vocabulary> vocabularies = new ArrayList<>(2);
        if (!products.isEmpty()) {
            vocabularies.add(new Vocabulary(StoredMasterData.EPC_CLASS, products, List.of()));
        }
        if (!locations.isEmpty()) {
            vocabularies.add(new Vocabulary(StoredMasterData.LOCATION, locations, List.of()));
        }
        List<Item> missing = new ArrayList<>(productsMissing);
        missing.addAll(itemsMissing);
        missing.addAll(partiesMissing);
        return new Result(vocabularies, missing);
    }

    private static List<VocabularyElement> products(Connection c, ShipmentEvents shipment, List<Item> productsMissing,
                                                    List<Item> itemsMissing) throws SQLException {
        Map<String, TreeSet<String>> lotsByGtin = new TreeMap<>();
        for (String item : shipment.shippedItems()) {
            Ids.sgtin(item).ifPresent(s -> lotsByGtin.computeIfAbsent(s.gtin().value(), g -> new TreeSet<>()));
        }
        for (ShipmentEvents.Commissioning commissioning : shipment.commissioning()) {
            ObjectEvent stored = commissioning.stored();
            String name = "commissioning event " + (stored.eventID() != null ? stored.eventID()
                    : "at " + stored.eventTime());
            Optional<String> lot = CbvMda.ilmd(stored.ilmd(), LOT);
            if (lot.isEmpty()) {
                itemsMissing.add(new Item(name, "ILMD cbvmda:" + LOT + " (lot number, TI (F))"));
            }
            if (CbvMda.ilmd(stored.ilmd(), EXPIRY).isEmpty()) {
                itemsMissing.add(new Item(name, "ILMD cbvmda:" + EXPIRY + " (expiration date of the product"
                        + " identifier)"));
            }
            if (lot.isPresent()) {
                for (String epc : commissioning.shipped().epcList()) {
                    Optional<Sgtin> sgtin = Ids.sgtin(epc);
                    if (sgtin.isPresent()) {
                        lotsByGtin.computeIfAbsent(sgtin.get().gtin().value(), g -> new TreeSet<>()).add(lot.get());
                    }
                }
            }
        }
        for (String item : shipment.uncommissioned()) {
            itemsMissing.add(new Item(item, "commissioning event (ObjectEvent, action ADD, bizStep commissioning)"
                    + " with lot and expiry in its ILMD"));
        }

        Map<String, String> classIds = new LinkedHashMap<>(); // GTIN -> class id
        Map<String, Map<String, String>> lotIds = new LinkedHashMap<>(); // GTIN -> lot -> LGTIN id
        List<String> lookUp = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : lotsByGtin.entrySet()) {
            Gtin gtin = new Gtin(e.getKey());
            String classId = ProductClass.of(gtin).canonical();
            classIds.put(e.getKey(), classId);
            lookUp.add(classId);
            Map<String, String> lots = new LinkedHashMap<>();
            for (String lot : e.getValue()) {
                try {
                    String lotId = Lgtin.of(gtin, lot).canonical();
                    lots.put(lot, lotId);
                    lookUp.add(lotId);
                } catch (IdentifierException notAnLgtin) {
                    lots.put(lot, null); // a lot GS1 keys cannot carry has no lot master data of its own
                }
            }
            lotIds.put(e.getKey(), lots);
        }
        Map<String, StoredMasterData.Element> stored =
                StoredMasterData.read(c, lookUp, List.of(StoredMasterData.EPC_CLASS));

        List<VocabularyElement> elements = new ArrayList<>();
        for (Map.Entry<String, String> e : classIds.entrySet()) {
            String classId = e.getValue();
            StoredMasterData.Element product = stored.get(classId);
            Map<String, StoredMasterData.Element> lots = new LinkedHashMap<>();
            lotIds.get(e.getKey()).forEach((lot, lotId) -> lots.put(lot, lotId == null ? null : stored.get(lotId)));
            if (product == null && lots.values().stream().allMatch(l -> l == null)) {
                productsMissing.add(new Item(classId, "EPCClass master data: none stored for GTIN " + e.getKey()
                        + (lots.isEmpty() ? "" : " or its shipped lots " + lots.keySet())));
                continue;
            }
            for (ProductAttribute a : ProductAttribute.values()) {
                boolean onEveryLot = !lots.isEmpty()
                        && lots.values().stream().allMatch(l -> l != null && l.has(a.localName()));
                if ((product == null || !product.has(a.localName())) && !onEveryLot) {
                    productsMissing.add(new Item(classId, a.describe()));
                }
            }
            if (product != null) {
                elements.add(productElement(classId, product));
            }
            lotIds.get(e.getKey()).forEach((lot, lotId) -> {
                StoredMasterData.Element element = lots.get(lot);
                if (element != null) {
                    elements.add(productElement(lotId, element));
                }
            });
        }
        return elements;
    }

    private static VocabularyElement productElement(String id, StoredMasterData.Element stored) {
        List<VocabularyAttribute> attributes = new ArrayList<>();
        for (ProductAttribute a : ProductAttribute.values()) {
            for (String value : stored.values(a.localName())) {
                attributes.add(new VocabularyAttribute(a.id(), new ExtensionElement.Simple(value, null)));
            }
        }
        return new VocabularyElement(id, attributes, List.of(), List.of());
    }

    private static List<VocabularyElement> locations(Connection c, ShipmentEvents shipment, List<Item> missing)
            throws SQLException {
        ObjectEvent shipping = shipment.shipping();
        Map<String, String> written = new LinkedHashMap<>(); // canonical -> as the event writes it
        required(shipment, shipping.where().sourceList(), "sourceList", SourceDestType.OWNING_PARTY,
                "the seller, TI (I)", written, missing);
        required(shipment, shipping.where().sourceList(), "sourceList", SourceDestType.LOCATION,
                "the ship-from location", written, missing);
        required(shipment, shipping.where().destinationList(), "destinationList", SourceDestType.OWNING_PARTY,
                "the buyer, TI (J)", written, missing);
        required(shipment, shipping.where().destinationList(), "destinationList", SourceDestType.LOCATION,
                "the ship-to location", written, missing);
        Map<String, StoredMasterData.Element> stored = StoredMasterData.read(c, written.keySet(),
                List.of(StoredMasterData.LOCATION, StoredMasterData.BUSINESS_LOCATION));
        List<VocabularyElement> elements = new ArrayList<>();
        for (Map.Entry<String, String> e : written.entrySet()) {
            StoredMasterData.Element location = stored.get(e.getKey());
            if (location == null) {
                missing.add(new Item(e.getValue(), "Location master data (business name and address): none stored"));
                continue;
            }
            List<String> country = location.values(LocationAttribute.COUNTRY_CODE.localName());
            List<VocabularyAttribute> attributes = new ArrayList<>();
            for (LocationAttribute a : LocationAttribute.values()) {
                if (!location.has(a.localName()) && a.requiredIn(country.isEmpty() ? null : country.get(0))) {
                    missing.add(new Item(e.getValue(), a.describe()));
                }
                for (String value : location.values(a.localName())) {
                    attributes.add(new VocabularyAttribute(a.id(), new ExtensionElement.Simple(value, null)));
                }
            }
            elements.add(new VocabularyElement(e.getValue(), attributes, List.of(), List.of()));
        }
        return elements;
    }

    private static void required(ShipmentEvents shipment, List<SourceDest> list, String listName, SourceDestType type,
                                 String role, Map<String, String> written, List<Item> missing) {
        boolean found = false;
        for (SourceDest s : list) {
            if (type.equals(s.type())) {
                found = true;
                written.putIfAbsent(Ids.canonical(s.id()), s.id());
            }
        }
        if (!found) {
            missing.add(new Item(shipment.name(), listName + " entry of type " + type.toBareWord() + " (" + role + ")"));
        }
    }
}
