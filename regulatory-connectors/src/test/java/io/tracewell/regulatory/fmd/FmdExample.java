package io.tracewell.regulatory.fmd;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
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
import io.tracewell.regulatory.dscsa.StoredMasterData;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * The stored data of the FMD tests: Example Pharma GmbH (company prefix 4098765) makes Examplocillin 500 mg tablets
 * (GTIN 04098765000010) for Germany and France, commissions batch B2026-07 (expiry 2028-06-30), ships it, dispenses
 * and exports packs, and recalls the batch.
 */
final class FmdExample {

    static final String GTIN = "04098765000010";
    static final String LOT = "B2026-07";
    static final String PLANT = "4098765000010";
    static final String MAH = "4098765000027";
    static final String MANUFACTURER = "4098765000034";
    static final String WHOLESALER_DE = "4012345000016";
    static final String WHOLESALER_FR = "4012345000023";

    static final String COMMISSIONING_ID = id(1);
    static final String LATE_COMMISSIONING_ID = id(2);
    static final String SHIPPING_ID = id(10);
    static final String DISPENSING_ID = id(20);
    static final String EXPORT_ID = id(21);
    static final String RECALL_ID = id(30);
    static final String WITHDRAWAL_ID = id(40);

    private static final TimeZoneOffset OFFSET = TimeZoneOffset.parse("+01:00");
    private static final String CBV = "urn:epcglobal:cbv:mda#";
    private static final String TW = "urn:tracewell:mda:";
    private static final Where AT_PLANT = new Where(ReadPoint.of(sgln(PLANT)), BizLocation.of(sgln(PLANT)),
            List.of(), List.of());

    private FmdExample() {
    }

    static String id(int n) {
        return String.format("urn:uuid:f0d00000-0000-4000-8000-%012d", n);
    }

    static String pack(int n) {
        return "https://id.gs1.org/01/" + GTIN + "/21/SN" + (1000 + n);
    }

    static String serial(int n) {
        return "SN" + (1000 + n);
    }

    static String sgln(String gln) {
        return "https://id.gs1.org/414/" + gln;
    }

    /** Master data, then the commissioning of packs 1-5. */
    static void commission(EventStore store) {
        CaptureContext ctx = CaptureContext.capture("fmd-example", "mah-org", Namespaces.NONE);
        try (EventStore.Session session = store.open(ctx)) {
            session.addMasterData(masterData());
            session.commit();
        }
        store.store(List.of(commissioning("2026-05-04T08:00:00.000+01:00", COMMISSIONING_ID, 1, 5)), ctx);
    }

    static void store(EventStore store, EpcisEvent... events) {
        store.store(List.of(events), CaptureContext.capture("fmd-example", "mah-org", Namespaces.NONE));
    }

    static ObjectEvent commissioning(String time, String eventId, int from, int to) {
        List<String> epcs = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            epcs.add(pack(i));
        }
        return new ObjectEvent(common(time, eventId), Action.ADD, epcs, List.of(), AT_PLANT,
                new Why(BizStep.COMMISSIONING, Disposition.ACTIVE, null, List.of()), List.of(),
                new Ilmd(List.of(
                        ExtensionElement.text(new QName("urn:epcglobal:cbv:mda", "lotNumber", "cbvmda"), LOT),
                        ExtensionElement.text(new QName("urn:epcglobal:cbv:mda", "itemExpirationDate", "cbvmda"),
                                "2028-06-30"))),
                List.of());
    }

    static ObjectEvent shipping() {
        return new ObjectEvent(common("2026-05-05T09:00:00.000+01:00", SHIPPING_ID), Action.OBSERVE,
                List.of(pack(1), pack(2)), List.of(), new Where(AT_PLANT.readPoint(), AT_PLANT.bizLocation(),
                List.of(new SourceDest(SourceDestType.OWNING_PARTY, sgln(MAH))),
                List.of(new SourceDest(SourceDestType.OWNING_PARTY, sgln(WHOLESALER_DE)))),
                new Why(BizStep.SHIPPING, Disposition.IN_TRANSIT, null, List.of()), List.of(), null, List.of());
    }

    static ObjectEvent dispensing() {
        return new ObjectEvent(common("2026-05-06T10:00:00.000+01:00", DISPENSING_ID), Action.OBSERVE,
                List.of(pack(3)), List.of(), Where.NONE,
                new Why(BizStep.DISPENSING, Disposition.DISPENSED, null, List.of()), List.of(), null, List.of());
    }

    /** Exported out of the EU: no CBV word, the state is in the extension. */
    static ObjectEvent export() {
        return new ObjectEvent(common("2026-05-06T11:00:00.000+01:00", EXPORT_ID), Action.OBSERVE,
                List.of(pack(4), pack(5)), List.of(), Where.NONE,
                new Why(BizStep.DECOMMISSIONING, Disposition.INACTIVE, null, List.of()), List.of(), null,
                List.of(ExtensionElement.text(new QName(EmvsPackState.EXTENSION_NAMESPACE, "packState", "fmd"),
                        "EXPORTED")));
    }

    /** A lot recall as the track-and-trace recall service captures it. */
    static ObjectEvent recall() {
        return new ObjectEvent(common("2026-05-07T12:00:00.000+01:00", RECALL_ID), Action.OBSERVE, List.of(),
                List.of(new QuantityElement("https://id.gs1.org/01/" + GTIN + "/10/" + LOT, null, null)), Where.NONE,
                new Why(BizStep.HOLDING, Disposition.RECALLED, null, List.of()), List.of(), null,
                List.of(ExtensionElement.text(new QName(EmvsPackState.EXTENSION_NAMESPACE, "reason", "fmd"),
                        "out-of-specification dissolution results")));
    }

    /** The product withdrawn: its class (GTIN, no lot) recalled. */
    static ObjectEvent withdrawal() {
        return new ObjectEvent(common("2026-05-08T12:00:00.000+01:00", WITHDRAWAL_ID), Action.OBSERVE, List.of(),
                List.of(new QuantityElement("https://id.gs1.org/01/" + GTIN, null, null)), Where.NONE,
                new Why(BizStep.HOLDING, Disposition.RECALLED, null, List.of()), List.of(), null,
                List.of(ExtensionElement.text(new QName(EmvsPackState.EXTENSION_NAMESPACE, "reason", "fmd"),
                        "marketing authorisation withdrawn")));
    }

    static List<Vocabulary> masterData() {
        Vocabulary products = new Vocabulary(StoredMasterData.EPC_CLASS, List.of(new VocabularyElement(
                "https://id.gs1.org/01/" + GTIN, List.of(
                        attribute(CBV + "regulatedProductName", "Examplocillin 500 mg film-coated tablets"),
                        attribute(TW + "commonName", "examplocillin"),
                        attribute(CBV + "dosageFormType", "Film-coated tablet"),
                        attribute(CBV + "strengthDescription", "500 mg"),
                        attribute(TW + "packType", "Blister (PVC/Alu)"),
                        attribute(CBV + "netContentDescription", "20 tablets"),
                        attribute(TW + "manufacturer", MANUFACTURER),
                        attribute(TW + "market", "DE"),
                        attribute(TW + "market", "FR"),
                        attribute(TW + "market:DE:nationalCode", "12345678"),
                        attribute(TW + "market:DE:mah", MAH),
                        attribute(TW + "market:DE:wholesaler", WHOLESALER_DE),
                        attribute(TW + "market:FR:nationalCode", "3400912345678"),
                        attribute(TW + "market:FR:mah", MAH),
                        attribute(TW + "market:FR:wholesaler", WHOLESALER_FR)), List.of(), List.of())),
                List.of());
        Vocabulary locations = new Vocabulary(StoredMasterData.LOCATION, List.of(
                location(MAH, "Example Pharma GmbH", "Beispielstraße 1", "Berlin", "10115", "DE"),
                location(MANUFACTURER, "Example Pharma Manufacturing GmbH", "Werkstraße 5", "Halle (Saale)", "06108",
                        "DE"),
                location(WHOLESALER_DE, "Beispiel Großhandel AG", "Lagerweg 7", "Frankfurt am Main", "60311", "DE"),
                location(WHOLESALER_FR, "Exemple Répartition SA", "3 rue de l'Exemple", "Lyon", "69002", "FR")),
                List.of());
        return List.of(products, locations);
    }

    private static VocabularyElement location(String gln, String name, String street, String city, String postalCode,
                                              String country) {
        return new VocabularyElement(sgln(gln), List.of(attribute(CBV + "name", name),
                attribute(CBV + "streetAddressOne", street), attribute(CBV + "city", city),
                attribute(CBV + "postalCode", postalCode), attribute(CBV + "countryCode", country)), List.of(),
                List.of());
    }

    private static VocabularyAttribute attribute(String id, String value) {
        return new VocabularyAttribute(id, new ExtensionElement.Simple(value, null));
    }

    private static CommonFields common(String time, String eventId) {
        return CommonFields.of(EpcisTime.parse(time), OFFSET).withEventID(eventId);
    }
}
