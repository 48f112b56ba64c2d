package io.tracewell.regulatory.dscsa;

import static io.tracewell.regulatory.dscsa.ExampleShipment.BARE_SHIP_TO;
import static io.tracewell.regulatory.dscsa.ExampleShipment.IDENTITY;
import static io.tracewell.regulatory.dscsa.ExampleShipment.canonical;
import static io.tracewell.regulatory.dscsa.ExampleShipment.caseUrn;
import static io.tracewell.regulatory.dscsa.ExampleShipment.id;
import static io.tracewell.regulatory.dscsa.ExampleShipment.packUrn;
import static io.tracewell.regulatory.dscsa.ExampleShipment.sgln;
import static io.tracewell.regulatory.dscsa.ExampleShipment.ssccUrn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tracewell.epcis.format.xml12.Epcis12ConversionException;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.regulatory.dscsa.MissingTransactionDataException.Item;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DSCSA document of the example shipment (1 pallet, 10 cases, 100 packs), built from events and master data
 * stored in a real MariaDB: valid EPCIS 1.2 with SBDH, the TI in the master data, the TS in the header, the
 * shipment's history and nothing else; and the refusals.
 */
class DscsaDocumentBuilderTest {
    private static final String EVENTS = "/epcis:EPCISDocument/EPCISBody/EventList";
    private static final String HEADER = "/epcis:EPCISDocument/EPCISHeader";
    private static final String SBDH = HEADER + "/sbdh:StandardBusinessDocumentHeader";
    private static final String VOCABULARIES = HEADER + "/extension/EPCISMasterData/VocabularyList/Vocabulary";
    private static final String COMMISSIONING =
            EVENTS + "/ObjectEvent[bizStep='urn:epcglobal:cbv:bizstep:commissioning']";
    private static final String SHIPPING = EVENTS + "/ObjectEvent[bizStep='urn:epcglobal:cbv:bizstep:shipping']";

    private static DscsaTestDatabase database;
    private static DscsaDocumentBuilder builder;
    private static byte[] bytes;
    private static Xml xml;

    @BeforeAll
    static void buildTheExampleShipmentsDocument() {
        database = DscsaTestDatabase.create();
        ExampleShipment.store(new EventStore(database.dataSource(), EventHasher.standard(),
                Clock.fixed(ExampleShipment.RECORD_TIME, ZoneOffset.UTC)));
        builder = new DscsaDocumentBuilder(database.dataSource(), ExampleShipment.settings());
        bytes = builder.build(ExampleShipment.SHIPPING_ID, ExampleShipment.buyer(), IDENTITY);
        xml = new Xml(bytes);
    }

    @AfterAll
    static void dropTheDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void validatesAgainstTheProjectsEpcis12AndSbdhSchemas() {
        assertThat(Xml.problemsAgainstEpcis12Schema(bytes)).isNull();
        assertThat(xml.value("/epcis:EPCISDocument/@schemaVersion")).isEqualTo("1.2");
    }

    /**
     * docs/examples/dscsa-shipment-example.xml is this document, byte for byte (its identity and the store's clock are
     * fixed), so it cannot go stale; {@code -Ddscsa.example.write=true} writes the current one there.
     */
    @Test
    void theExampleInTheDocsIsThisDocument() throws IOException {
        Files.write(Path.of("target", "dscsa-shipment-example.xml"), bytes);
        Path committed = Path.of("..", "docs", "examples", "dscsa-shipment-example.xml");
        if (Boolean.getBoolean("dscsa.example.write")) {
            Files.createDirectories(committed.getParent());
            Files.write(committed, bytes);
        }
        assertThat(committed).as("the example in the docs (write it with -Ddscsa.example.write=true)").exists();
        assertThat(new String(Files.readAllBytes(committed), StandardCharsets.UTF_8))
                .as("the example in the docs against target/dscsa-shipment-example.xml (rewrite it with"
                        + " -Ddscsa.example.write=true)")
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void sbdhNamesSellerAndBuyerByGlnWithTheGivenIdentity() {
        assertThat(xml.value(SBDH + "/sbdh:Sender/sbdh:Identifier")).isEqualTo("urn:epc:id:sgln:0361414.00000.0");
        assertThat(xml.value(SBDH + "/sbdh:Sender/sbdh:Identifier/@Authority")).isEqualTo("SGLN");
        assertThat(xml.value(SBDH + "/sbdh:Receiver/sbdh:Identifier")).isEqualTo("urn:epc:id:sgln:0345678.00000.0");
        assertThat(xml.value(SBDH + "/sbdh:Receiver/sbdh:Identifier/@Authority")).isEqualTo("SGLN");
        String identification = SBDH + "/sbdh:DocumentIdentification";
        assertThat(xml.value(identification + "/sbdh:InstanceIdentifier")).isEqualTo(IDENTITY.instanceIdentifier());
        assertThat(xml.value(identification + "/sbdh:Standard")).isEqualTo("EPCglobal");
        assertThat(xml.value(identification + "/sbdh:Type")).isEqualTo("Events");
        assertThat(xml.value(identification + "/sbdh:CreationDateAndTime")).isEqualTo("2026-03-03T12:45:00.000Z");
        assertThat(xml.value("/epcis:EPCISDocument/@creationDate")).isEqualTo("2026-03-03T12:45:00.000Z");
    }

    @Test
    void epcClassMasterDataCarriesTheProductTransactionInformationOfEachShippedGtin() {
        String products = VOCABULARIES + "[@type='urn:epcglobal:epcis:vtype:EPCClass']/VocabularyElementList"
                + "/VocabularyElement";
        assertThat(xml.values(products + "/@id")).containsExactly(
                "urn:epc:idpat:sgtin:0361414.010001.*", "urn:epc:idpat:sgtin:0361414.510001.*");
        String pack = products + "[@id='urn:epc:idpat:sgtin:0361414.010001.*']/attribute";
        assertThat(xml.values(pack + "/@id")).containsExactly(
                "urn:epcglobal:cbv:mda#additionalTradeItemIdentification",
                "urn:epcglobal:cbv:mda#additionalTradeItemIdentificationTypeCode",
                "urn:epcglobal:cbv:mda#regulatedProductName",
                "urn:epcglobal:cbv:mda#manufacturerOfTradeItemPartyName",
                "urn:epcglobal:cbv:mda#dosageFormType",
                "urn:epcglobal:cbv:mda#strengthDescription",
                "urn:epcglobal:cbv:mda#netContentDescription");
        assertThat(xml.values(pack)).containsExactly("61414010001", "FDA_NDC_11", "Examplomycin",
                "Example Pharma Inc.", "TABLET", "250 mg", "30 TABLET in 1 BOTTLE");
    }

    @Test
    void locationMasterDataGivesNameAndAddressOfSellerBuyerAndBothLocations() {
        String locations = VOCABULARIES + "[@type='urn:epcglobal:epcis:vtype:Location']/VocabularyElementList"
                + "/VocabularyElement";
        assertThat(xml.values(locations + "/@id")).containsExactly(
                "urn:epc:id:sgln:0361414.00000.0", "urn:epc:id:sgln:0361414.00001.0",
                "urn:epc:id:sgln:0345678.00000.0", "urn:epc:id:sgln:0345678.00001.0");
        // the buyer's latest master data, not the first version (name only)
        assertThat(xml.values(locations + "[@id='urn:epc:id:sgln:0345678.00000.0']/attribute")).containsExactly(
                "Example Wholesale LLC", "300 Commerce Drive", "Columbus", "OH", "43215", "US");
        assertThat(xml.values(locations + "[@id='urn:epc:id:sgln:0361414.00000.0']/attribute/@id")).containsExactly(
                "urn:epcglobal:cbv:mda#name", "urn:epcglobal:cbv:mda#streetAddressOne", "urn:epcglobal:cbv:mda#city",
                "urn:epcglobal:cbv:mda#state", "urn:epcglobal:cbv:mda#postalCode",
                "urn:epcglobal:cbv:mda#countryCode");
    }

    @Test
    void theHeaderAffirmsTheTransactionStatement() {
        String statement = HEADER + "/gs1ushc:dscsaTransactionStatement";
        assertThat(xml.value(statement + "/gs1ushc:affirmTransactionStatement")).isEqualTo("true");
        assertThat(xml.value(statement + "/gs1ushc:legalNotice")).isEqualTo(DscsaSettings.DEFAULT_LEGAL_NOTICE);
        assertThat(xml.count(HEADER + "/*")).isEqualTo(3); // SBDH, master data, statement
    }

    @Test
    void commissioningNamesEachOfTheHundredPacksOnceWithLotAndExpiryInIlmd() {
        assertThat(xml.count(COMMISSIONING)).isEqualTo(3);
        List<String> packs = xml.values(COMMISSIONING + "/epcList/epc[starts-with(., 'urn:epc:id:sgtin:0361414.010001.')]");
        assertThat(packs).containsExactlyElementsOf(IntStream.rangeClosed(1, 100)
                .mapToObj(ExampleShipment::packUrn).toList());
        assertThat(xml.values(COMMISSIONING + "/epcList/epc[starts-with(., 'urn:epc:id:sgtin:0361414.510001.')]"))
                .hasSize(10);
        assertThat(xml.values(COMMISSIONING + "/extension/ilmd/cbvmda:lotNumber"))
                .containsExactly("LOT2026A", "LOT2026A", "LOT2026A");
        assertThat(xml.values(COMMISSIONING + "/extension/ilmd/cbvmda:itemExpirationDate"))
                .containsOnly(ExampleShipment.EXPIRY).hasSize(3);
        // the commissioning shared with the other shipment is carried without its eventID
        assertThat(xml.values(COMMISSIONING + "/baseExtension/eventID")).containsExactly(id(1), id(4));
    }

    @Test
    void packingAggregatesCasesFirstThenThePallet() {
        String packing = EVENTS + "/AggregationEvent";
        assertThat(xml.count(packing)).isEqualTo(11);
        assertThat(xml.values(packing + "/action")).containsOnly("ADD");
        assertThat(xml.values(packing + "/bizStep")).containsOnly("urn:epcglobal:cbv:bizstep:packing");
        List<String> parents = new ArrayList<>();
        IntStream.rangeClosed(1, 10).forEach(c -> parents.add(caseUrn(c)));
        parents.add(ssccUrn(1));
        assertThat(xml.values(packing + "/parentID")).containsExactlyElementsOf(parents);
        assertThat(xml.values(packing + "[1]/childEPCs/epc")).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 10).mapToObj(ExampleShipment::packUrn).toList());
        assertThat(xml.values(packing + "[11]/childEPCs/epc")).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 10).mapToObj(ExampleShipment::caseUrn).toList());
        assertThat(xml.count(packing + "/childEPCs/epc")).isEqualTo(110);
    }

    @Test
    void theShippingEventComesLastWithTransactionsSourcesAndDestinations() {
        assertThat(xml.value(EVENTS + "/*[last()]/baseExtension/eventID")).isEqualTo(ExampleShipment.SHIPPING_ID);
        assertThat(xml.values(SHIPPING + "/epcList/epc")).containsExactly(ssccUrn(1));
        assertThat(xml.values(SHIPPING + "/bizTransactionList/bizTransaction/@type")).containsExactly(
                "urn:epcglobal:cbv:btt:po", "urn:epcglobal:cbv:btt:inv", "urn:epcglobal:cbv:btt:desadv");
        assertThat(xml.values(SHIPPING + "/bizTransactionList/bizTransaction")).containsExactly(
                ExampleShipment.PO, ExampleShipment.INVOICE, ExampleShipment.DESPATCH_ADVICE);
        assertThat(xml.values(SHIPPING + "/extension/sourceList/source/@type")).containsExactly(
                "urn:epcglobal:cbv:sdt:owning_party", "urn:epcglobal:cbv:sdt:location");
        assertThat(xml.values(SHIPPING + "/extension/sourceList/source")).containsExactly(
                "urn:epc:id:sgln:0361414.00000.0", "urn:epc:id:sgln:0361414.00001.0");
        assertThat(xml.values(SHIPPING + "/extension/destinationList/destination")).containsExactly(
                "urn:epc:id:sgln:0345678.00000.0", "urn:epc:id:sgln:0345678.00001.0");
        assertThat(xml.count(EVENTS + "/*")).isEqualTo(3 + 11 + 1);
    }

    @Test
    void nothingOfTheOtherShipmentIsInTheDocument() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (int p = 101; p <= 120; p++) {
            assertThat(text).doesNotContain(packUrn(p));
        }
        assertThat(text).doesNotContain(caseUrn(11)).doesNotContain(caseUrn(12)).doesNotContain(ssccUrn(2))
                .doesNotContain(ExampleShipment.OTHER_LOT).doesNotContain("0312345");
        for (String eventId : List.of(id(3), id(5), id(10), id(11), id(111), id(112), id(202), id(203),
                ExampleShipment.RETRACTED_PACKING_ID, ExampleShipment.OTHER_SHIPPING_ID)) {
            assertThat(text).doesNotContain(eventId);
        }
    }

    @Test
    void theSameIdentityGivesTheSameBytesAndAnotherChangesOnlyItsOwnFields() {
        assertThat(builder.build(ExampleShipment.SHIPPING_ID, ExampleShipment.buyer(), IDENTITY)).isEqualTo(bytes);
        DocumentIdentity other = new DocumentIdentity("0b7e2d4c-1111-4222-8333-944455556666",
                EpcisTime.parse("2026-03-04T09:00:00.000Z"));
        String again = new String(builder.build(ExampleShipment.SHIPPING_ID, ExampleShipment.buyer(), other),
                StandardCharsets.UTF_8);
        assertThat(again.replace(other.instanceIdentifier(), IDENTITY.instanceIdentifier())
                .replace("2026-03-04T09:00:00.000Z", "2026-03-03T12:45:00.000Z"))
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void reportsEveryMissingItemOfTransactionInformationAtOnce() {
        MissingTransactionDataException e = catchThrowableOfType(MissingTransactionDataException.class,
                () -> builder.build(ExampleShipment.INCOMPLETE_SHIPPING_ID, ExampleShipment.buyer(), IDENTITY));
        String location = sgln(BARE_SHIP_TO);
        assertThat(e.items()).containsExactly(
                new Item("https://id.gs1.org/01/" + ExampleShipment.UNKNOWN_GTIN, "EPCClass master data: none"
                        + " stored for GTIN " + ExampleShipment.UNKNOWN_GTIN + " or its shipped lots [LOT2026C]"),
                new Item("https://id.gs1.org/01/" + ExampleShipment.LOT_GTIN,
                        "EPCClass attribute urn:epcglobal:cbv:mda#dosageFormType (dosage form, TI (B))"),
                new Item(canonical(ExampleShipment.unknownPackUrn(10)), "commissioning event (ObjectEvent, action"
                        + " ADD, bizStep commissioning) with lot and expiry in its ILMD"),
                new Item(location, "Location attribute urn:epcglobal:cbv:mda#streetAddressOne (street address)"),
                new Item(location, "Location attribute urn:epcglobal:cbv:mda#city (city)"),
                new Item(location, "Location attribute urn:epcglobal:cbv:mda#postalCode (postal code)"),
                new Item(location, "Location attribute urn:epcglobal:cbv:mda#countryCode (ISO 3166 country code)"));
        assertThat(e.getMessage())
                .startsWith("the DSCSA document of shipping event " + ExampleShipment.INCOMPLETE_SHIPPING_ID
                        + " lacks 7 items of transaction information:")
                .contains("\n- " + location + ": Location attribute urn:epcglobal:cbv:mda#city (city)");
    }

    @Test
    void aLotsOwnMasterDataCompletesItsGtinsAndIsCarriedToo() {
        byte[] lotDocument = builder.build(ExampleShipment.LOT_SHIPPING_ID, ExampleShipment.buyer(), IDENTITY);
        assertThat(Xml.problemsAgainstEpcis12Schema(lotDocument)).isNull();
        Xml lot = new Xml(lotDocument);
        String products = VOCABULARIES + "[@type='urn:epcglobal:epcis:vtype:EPCClass']/VocabularyElementList"
                + "/VocabularyElement";
        assertThat(lot.values(products + "/@id")).containsExactly(
                "urn:epc:idpat:sgtin:0361414.030001.*", "urn:epc:class:lgtin:0361414.030001.LOT2026D");
        assertThat(lot.values(products + "[1]/attribute/@id"))
                .doesNotContain("urn:epcglobal:cbv:mda#dosageFormType").hasSize(6);
        assertThat(lot.values(products + "[2]/attribute")).containsExactly("CAPSULE");
    }

    @Test
    void refusesAShipmentToAnotherPartner() {
        assertThatThrownBy(() -> builder.build(ExampleShipment.OTHER_SHIPPING_ID, ExampleShipment.buyer(), IDENTITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a shipment to trading partner Example Wholesale");
        assertThat(builder.build(ExampleShipment.OTHER_SHIPPING_ID, ExampleShipment.otherBuyer(), IDENTITY))
                .isNotEmpty();
    }

    @Test
    void refusesAnSbdhGlnWithoutKnownCompanyPrefixLength() {
        DscsaDocumentBuilder unknownPrefixes = new DscsaDocumentBuilder(database.dataSource(), new DscsaSettings(
                ExampleShipment.SELLER, CompanyPrefixLengths.fixedTable().put("0361414", 7), null));
        assertThatThrownBy(() -> unknownPrefixes.build(ExampleShipment.SHIPPING_ID, ExampleShipment.buyer(),
                IDENTITY))
                .isInstanceOf(Epcis12ConversionException.class)
                .hasMessageContaining("Receiver/Identifier")
                .hasMessageContaining(ExampleShipment.BUYER);
    }
}
