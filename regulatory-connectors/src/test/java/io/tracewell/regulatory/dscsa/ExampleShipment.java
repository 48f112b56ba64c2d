package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javax.xml.namespace.QName;

/**
 * The stored history the DSCSA tests build documents from: a manufacturer (Example Pharma, company prefix 0361414)
 * ships to a wholesaler (Example Wholesale, 0345678) and to another buyer (0312345).
 *
 * <ul>
 *   <li>The example shipment: pallet SSCC 1, ten case SGTINs, one hundred pack SGTINs, to Example Wholesale.
 *       Packs 1-60 are commissioned in one event (Digital Links), packs 61-110 in another that it shares with the
 *       other shipment (EPC URNs), the cases in a third. Case 1 was first packed with pack 101 by mistake, unpacked
 *       and packed again with packs 1-10; a later packing of case 2 with packs 101-110 was retracted by an error
 *       declaration; pallet 1 was packed again after the shipment.</li>
 *   <li>The other shipment: pallet 2, cases 11-12, packs 101-120, to the other buyer.</li>
 *   <li>The incomplete shipment: pallet 3 with case SSCC 101 holding packs of a GTIN without master data (one pack
 *       never commissioned) and two packs of a GTIN whose dosage form only another lot's master data has, to a
 *       ship-to location of Example Wholesale whose master data has a name only.</li>
 *   <li>The lot shipment: pallet 4 with packs of a GTIN whose dosage form is in the master data of its lot only.</li>
 * </ul>
 */
final class ExampleShipment {
    static final String SELLER = "0361414000001";
    static final String SHIP_FROM = "0361414000018";
    static final String BUYER = "0345678000007";
    static final String SHIP_TO = "0345678000014";
    static final String BARE_SHIP_TO = "0345678000021";
    static final String OTHER_BUYER = "0312345000004";
    static final String OTHER_SHIP_TO = "0312345000011";

    static final String PACK_GTIN = "00361414100015";
    static final String CASE_GTIN = "50361414100010";
    static final String UNKNOWN_GTIN = "00361414200012";
    static final String LOT_GTIN = "00361414300019";
    static final String LOT = "LOT2026A";
    static final String OTHER_LOT = "LOT2026B";
    static final String EXPIRY = "2028-01-31";

    static final String PO = "urn:epcglobal:cbv:bt:0345678000007:PO-4711";
    static final String INVOICE = "urn:epcglobal:cbv:bt:0361414000001:INV-2026-0815";
    static final String DESPATCH_ADVICE = "urn:epcglobal:cbv:bt:0361414000001:ASN-0042";

    static final String SHIPPING_ID = id(900);
    static final String OTHER_SHIPPING_ID = id(901);
    static final String INCOMPLETE_SHIPPING_ID = id(902);
    static final String LOT_SHIPPING_ID = id(903);
    static final String RETRACTED_PACKING_ID = id(502);

    /** The record time of everything stored (the store's clock is fixed to it). */
    static final Instant RECORD_TIME = Instant.parse("2026-03-03T12:30:00Z");
    static final DocumentIdentity IDENTITY = new DocumentIdentity("6f3a2c1e-8b4d-4e2a-9c7f-0d1e2f3a4b5c",
            EpcisTime.parse("2026-03-03T12:45:00.000Z"));

    private static final TimeZoneOffset OFFSET = TimeZoneOffset.parse("-05:00");
    private static final String MDA = "urn:epcglobal:cbv:mda#";
    private static final Where PLANT = new Where(ReadPoint.of(sgln(SHIP_FROM)), BizLocation.of(sgln(SHIP_FROM)),
            List.of(), List.of());

    private ExampleShipment() {
    }

    static CompanyPrefixLengths lengths() {
        return CompanyPrefixLengths.fixedTable().put("0361414", 7).put("0345678", 7).put("0312345", 7);
    }

    static DscsaSettings settings() {
        return new DscsaSettings(SELLER, lengths(), DscsaSettings.DEFAULT_LEGAL_NOTICE);
    }

    static TradingPartner buyer() {
        return new TradingPartner("Example Wholesale", List.of(BUYER), List.of(SHIP_TO, BARE_SHIP_TO), BUYER);
    }

    static TradingPartner otherBuyer() {
        return new TradingPartner("Other Pharmacy", List.of(OTHER_BUYER), List.of(OTHER_SHIP_TO), OTHER_BUYER);
    }

    static String id(int n) {
        return String.format("urn:uuid:5a1e0c00-0000-4000-8000-%012d", n);
    }

    static String packUrn(int n) {
        return "urn:epc:id:sgtin:0361414.010001." + (100000 + n);
    }

    static String packDigitalLink(int n) {
        return "https://id.gs1.org/01/" + PACK_GTIN + "/21/" + (100000 + n);
    }

    static String caseUrn(int n) {
        return "urn:epc:id:sgtin:0361414.510001." + (200000 + n);
    }

    static String ssccUrn(int n) {
        return String.format("urn:epc:id:sscc:0361414.%010d", n);
    }

    static String unknownPackUrn(int n) {
        return "urn:epc:id:sgtin:0361414.020001." + (300000 + n);
    }

    static String lotPackUrn(int n) {
        return "urn:epc:id:sgtin:0361414.030001." + (400000 + n);
    }

    /** The SGLN EPC URN of a GLN of company prefix length 7. */
    static String sgln(String gln) {
        return "urn:epc:id:sgln:" + gln.substring(0, 7) + "." + gln.substring(7, 12) + ".0";
    }

    static String canonical(String id) {
        return Epc.canonicalOf(id);
    }

    /** Stores every event and all master data, the buyer's master data in two versions (name only first). */
    static void store(EventStore store) {
        CaptureContext ctx = CaptureContext.capture("example-shipment", "seller-org", Namespaces.NONE);
        try (EventStore.Session session = store.open(ctx)) {
            session.addMasterData(List.of(new Vocabulary(StoredMasterData.LOCATION, List.of(
                    location(sgln(BUYER), "Example Wholesale (old name)", null, null, null, null)), List.of())));
            session.commit();
        }
        store.store(events(), ctx);
        try (EventStore.Session session = store.open(ctx)) {
            session.addMasterData(masterData());
            session.commit();
        }
    }

    static List<EpcisEvent> events() {
        List<EpcisEvent> events = new ArrayList<>();
        // commissioning
        events.add(commissioning("2026-03-02T08:00:00.000-05:00", id(1), range(1, 60, ExampleShipment::packDigitalLink),
                LOT));
        events.add(commissioning("2026-03-02T08:30:00.000-05:00", id(2), range(61, 110, ExampleShipment::packUrn),
                LOT));
        events.add(commissioning("2026-03-02T08:45:00.000-05:00", id(3), range(111, 120, ExampleShipment::packUrn),
                OTHER_LOT));
        events.add(commissioning("2026-03-02T09:00:00.000-05:00", id(4), range(1, 10, ExampleShipment::caseUrn),
                LOT));
        events.add(commissioning("2026-03-02T09:05:00.000-05:00", id(5), range(11, 12, ExampleShipment::caseUrn),
                LOT));
        // case 1: packed with pack 101 by mistake, unpacked, packed again
        List<String> wrong = new ArrayList<>(range(1, 9, ExampleShipment::packUrn));
        wrong.add(packUrn(101));
        events.add(packing("2026-03-02T09:30:00.000-05:00", id(10), Action.ADD, caseUrn(1), wrong));
        events.add(packing("2026-03-02T09:40:00.000-05:00", id(11), Action.DELETE, caseUrn(1), wrong));
        for (int c = 1; c <= 12; c++) {
            events.add(packing(String.format("2026-03-02T10:%02d:00.000-05:00", c), id(100 + c), Action.ADD,
                    caseUrn(c), range(10 * (c - 1) + 1, 10 * c, ExampleShipment::packUrn)));
        }
        // a later packing of case 2, retracted by an error declaration
        AggregationEvent retracted = packing("2026-03-02T10:30:00.000-05:00", RETRACTED_PACKING_ID, Action.ADD,
                caseUrn(2), range(101, 110, ExampleShipment::packUrn));
        events.add(retracted);
        events.add(retracted.withCommon(new CommonFields(retracted.eventTime(), OFFSET, null, RETRACTED_PACKING_ID,
                        new ErrorDeclaration(EpcisTime.parse("2026-03-02T17:00:00.000Z"), ErrorReason.INCORRECT_DATA,
                                List.of(), List.of()), null)));
        events.add(packing("2026-03-02T11:00:00.000-05:00", id(201), Action.ADD, ssccUrn(1),
                range(1, 10, ExampleShipment::caseUrn)));
        events.add(packing("2026-03-02T11:05:00.000-05:00", id(202), Action.ADD, ssccUrn(2),
                range(11, 12, ExampleShipment::caseUrn)));
        // pallet 1 packed again after the shipment: not part of it
        events.add(packing("2026-03-05T09:00:00.000-05:00", id(203), Action.ADD, ssccUrn(1),
                range(11, 12, ExampleShipment::caseUrn)));

        events.add(shipping("2026-03-03T07:00:00.000-05:00", SHIPPING_ID, canonical(ssccUrn(1)), BUYER,
                "https://id.gs1.org/414/" + SHIP_TO, List.of(
                        new BizTransaction(BizTransactionType.PO, PO),
                        new BizTransaction(BizTransactionType.INV, INVOICE),
                        new BizTransaction(BizTransactionType.DESADV, DESPATCH_ADVICE))));
        events.add(shipping("2026-03-03T07:30:00.000-05:00", OTHER_SHIPPING_ID, ssccUrn(2), OTHER_BUYER,
                sgln(OTHER_SHIP_TO), List.of(new BizTransaction(BizTransactionType.PO,
                        "urn:epcglobal:cbv:bt:0312345000004:PO-77"))));

        // the incomplete shipment: a GTIN without master data, pack 10 never commissioned, and two packs of a lot
        // whose GTIN lacks the dosage form (only lot LOT2026D has it)
        events.add(commissioning("2026-03-02T12:00:00.000-05:00", id(20),
                range(1, 9, ExampleShipment::unknownPackUrn), "LOT2026C"));
        events.add(commissioning("2026-03-02T12:05:00.000-05:00", id(21),
                range(11, 12, ExampleShipment::lotPackUrn), "LOT2026E"));
        List<String> mixed = new ArrayList<>(range(1, 10, ExampleShipment::unknownPackUrn));
        mixed.addAll(range(11, 12, ExampleShipment::lotPackUrn));
        events.add(packing("2026-03-02T12:10:00.000-05:00", id(301), Action.ADD, ssccUrn(101), mixed));
        events.add(packing("2026-03-02T12:20:00.000-05:00", id(302), Action.ADD, ssccUrn(3),
                List.of(ssccUrn(101))));
        events.add(shipping("2026-03-03T08:00:00.000-05:00", INCOMPLETE_SHIPPING_ID, ssccUrn(3), BUYER,
                sgln(BARE_SHIP_TO), List.of(new BizTransaction(BizTransactionType.PO,
                        "urn:epcglobal:cbv:bt:0345678000007:PO-4712"))));

        // the lot shipment: packs straight on a pallet, dosage form in the lot's master data
        events.add(commissioning("2026-03-02T13:00:00.000-05:00", id(30),
                range(1, 10, ExampleShipment::lotPackUrn), "LOT2026D"));
        events.add(packing("2026-03-02T13:10:00.000-05:00", id(401), Action.ADD, ssccUrn(4),
                range(1, 10, ExampleShipment::lotPackUrn)));
        events.add(shipping("2026-03-03T08:30:00.000-05:00", LOT_SHIPPING_ID, ssccUrn(4), BUYER, sgln(SHIP_TO),
                List.of(new BizTransaction(BizTransactionType.PO, "urn:epcglobal:cbv:bt:0345678000007:PO-4713"))));
        return events;
    }

    /**
     * A large shipment for measurements: {@code pallets} pallets of {@code casesPerPallet} cases of
     * {@code packsPerCase} packs, each case's packs commissioned by one event, the cases by one, each case and each
     * pallet packed, and one shipping event of all pallets to the buyer. Serials start high enough not to meet the
     * example's.
     */
    static List<EpcisEvent> largeShipment(int shipment, int pallets, int casesPerPallet, int packsPerCase) {
        String shippingId = id(shipment);
        int ids = shipment * 10_000;
        List<EpcisEvent> events = new ArrayList<>();
        int cases = pallets * casesPerPallet;
        int caseBase = 10_000;
        int packBase = 1_000_000;
        int palletBase = 5_000;
        events.add(commissioning("2026-04-01T08:00:00.000-05:00", id(ids),
                range(caseBase + 1, caseBase + cases, ExampleShipment::caseUrn), LOT));
        for (int c = 1; c <= cases; c++) {
            int first = packBase + (c - 1) * packsPerCase + 1;
            List<String> packs = range(first, first + packsPerCase - 1, ExampleShipment::packUrn);
            events.add(commissioning("2026-04-01T07:00:00.000-05:00", id(ids + c), packs, LOT));
            events.add(packing("2026-04-01T09:00:00.000-05:00", id(ids + 5_000 + c), Action.ADD,
                    caseUrn(caseBase + c), packs));
        }
        List<String> palletIds = new ArrayList<>();
        for (int p = 1; p <= pallets; p++) {
            String pallet = ssccUrn(palletBase + p);
            palletIds.add(pallet);
            int first = caseBase + (p - 1) * casesPerPallet + 1;
            events.add(packing("2026-04-01T10:00:00.000-05:00", id(ids + 9_000 + p), Action.ADD, pallet,
                    range(first, first + casesPerPallet - 1, ExampleShipment::caseUrn)));
        }
        Where where = new Where(PLANT.readPoint(), PLANT.bizLocation(),
                List.of(new SourceDest(SourceDestType.OWNING_PARTY, sgln(SELLER)),
                        new SourceDest(SourceDestType.LOCATION, sgln(SHIP_FROM))),
                List.of(new SourceDest(SourceDestType.OWNING_PARTY, sgln(BUYER)),
                        new SourceDest(SourceDestType.LOCATION, sgln(SHIP_TO))));
        events.add(new ObjectEvent(common("2026-04-02T07:00:00.000-05:00", shippingId), Action.OBSERVE, palletIds,
                List.of(), where, new Why(BizStep.SHIPPING, Disposition.IN_TRANSIT, null, List.of(
                        new BizTransaction(BizTransactionType.PO, "urn:epcglobal:cbv:bt:0345678000007:PO-9000"))),
                List.of(), null, List.of()));
        return events;
    }

    static List<Vocabulary> masterData() {
        Vocabulary products = new Vocabulary(StoredMasterData.EPC_CLASS, List.of(
                product("urn:epc:idpat:sgtin:0361414.010001.*", "61414010001", "30 TABLET in 1 BOTTLE", "TABLET"),
                product("urn:epc:idpat:sgtin:0361414.510001.*", "61414010010", "10 BOTTLE in 1 CASE", "TABLET"),
                product("urn:epc:idpat:sgtin:0361414.030001.*", "61414030001", "20 CAPSULE in 1 BOTTLE", null),
                new VocabularyElement("urn:epc:class:lgtin:0361414.030001.LOT2026D", List.of(
                        attribute("dosageFormType", "CAPSULE")), List.of(), List.of())), List.of());
        Vocabulary locations = new Vocabulary(StoredMasterData.LOCATION, List.of(
                location(sgln(SELLER), "Example Pharma Inc.", "100 Example Way", "Springfield", "NJ", "07081"),
                location("https://id.gs1.org/414/" + SHIP_FROM, "Example Pharma Distribution Center",
                        "200 Warehouse Road", "Edison", "NJ", "08817"),
                location(sgln(BUYER), "Example Wholesale LLC", "300 Commerce Drive", "Columbus", "OH", "43215"),
                location(sgln(SHIP_TO), "Example Wholesale Columbus DC", "310 Commerce Drive", "Columbus", "OH",
                        "43215"),
                location(sgln(BARE_SHIP_TO), "Example Wholesale Dayton DC", null, null, null, null),
                location(sgln(OTHER_BUYER), "Other Pharmacy Inc.", "1 Main Street", "Albany", "NY", "12207"),
                location(sgln(OTHER_SHIP_TO), "Other Pharmacy Store 12", "12 Main Street", "Albany", "NY", "12207")),
                List.of());
        return List.of(products, locations);
    }

    private static VocabularyElement product(String id, String ndc, String containerSize, String dosageForm) {
        List<VocabularyAttribute> attributes = new ArrayList<>(List.of(
                attribute("additionalTradeItemIdentification", ndc),
                attribute("additionalTradeItemIdentificationTypeCode", "FDA_NDC_11"),
                attribute("regulatedProductName", "Examplomycin"),
                attribute("manufacturerOfTradeItemPartyName", "Example Pharma Inc.")));
        if (dosageForm != null) {
            attributes.add(attribute("dosageFormType", dosageForm));
        }
        attributes.add(attribute("strengthDescription", "250 mg"));
        attributes.add(attribute("netContentDescription", containerSize));
        return new VocabularyElement(id, attributes, List.of(), List.of());
    }

    private static VocabularyElement location(String id, String name, String street, String city, String state,
                                              String postalCode) {
        List<VocabularyAttribute> attributes = new ArrayList<>();
        attributes.add(attribute("name", name));
        if (street != null) {
            attributes.add(attribute("streetAddressOne", street));
            attributes.add(attribute("city", city));
            attributes.add(attribute("state", state));
            attributes.add(attribute("postalCode", postalCode));
            attributes.add(attribute("countryCode", "US"));
        }
        return new VocabularyElement(id, attributes, List.of(), List.of());
    }

    private static VocabularyAttribute attribute(String name, String value) {
        return new VocabularyAttribute(MDA + name, new ExtensionElement.Simple(value, null));
    }

    private static List<String> range(int from, int to, IntFunction<String> id) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            ids.add(id.apply(i));
        }
        return ids;
    }

    private static CommonFields common(String time, String eventId) {
        return CommonFields.of(EpcisTime.parse(time), OFFSET).withEventID(eventId);
    }

    private static ObjectEvent commissioning(String time, String eventId, List<String> epcs, String lot) {
        return new ObjectEvent(common(time, eventId), Action.ADD, epcs, List.of(), PLANT,
                new Why(BizStep.COMMISSIONING, Disposition.ACTIVE, null, List.of()), List.of(),
                new Ilmd(List.of(
                        ExtensionElement.text(new QName("urn:epcglobal:cbv:mda", "lotNumber", "cbvmda"), lot),
                        ExtensionElement.text(new QName("urn:epcglobal:cbv:mda", "itemExpirationDate", "cbvmda"),
                                EXPIRY))),
                List.of());
    }

    private static AggregationEvent packing(String time, String eventId, Action action, String parent,
                                            List<String> children) {
        BizStep step = action == Action.ADD ? BizStep.PACKING : BizStep.UNPACKING;
        return new AggregationEvent(common(time, eventId), action, parent, children, List.of(), PLANT,
                new Why(step, Disposition.IN_PROGRESS, null, List.of()), List.of(), List.of());
    }

    private static ObjectEvent shipping(String time, String eventId, String pallet, String buyer, String shipTo,
                                        List<BizTransaction> transactions) {
        Where where = new Where(PLANT.readPoint(), PLANT.bizLocation(),
                List.of(new SourceDest(SourceDestType.OWNING_PARTY, sgln(SELLER)),
                        new SourceDest(SourceDestType.LOCATION, sgln(SHIP_FROM))),
                List.of(new SourceDest(SourceDestType.OWNING_PARTY, sgln(buyer)),
                        new SourceDest(SourceDestType.LOCATION, shipTo)));
        return new ObjectEvent(common(time, eventId), Action.OBSERVE, List.of(pallet), List.of(), where,
                new Why(BizStep.SHIPPING, Disposition.IN_TRANSIT, null, transactions), List.of(), null, List.of());
    }
}
