package io.tracewell.epcis.format.xml12;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import io.tracewell.epcis.validation.Epcis12DocumentValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A DSCSA document as a manufacturer sends it to a wholesaler (EPCIS 1.2 with SBDH, product and location master
 * data, the GS1 US healthcare transaction statement; commissioning with lot and expiry, packing into a case,
 * shipping with purchase order, invoice and despatch advice and the owning party and location on both sides),
 * written by hand, read with every field checked.
 */
class Epcis12XmlReaderDscsaTest {
    static final String DOCUMENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- A shipment from Example Pharma to Example Wholesale -->
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1"
                xmlns:sbdh="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader"
                xmlns:cbvmda="urn:epcglobal:cbv:mda"
                xmlns:gs1ushc="http://epcis.gs1us.org/hc/ns"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                schemaVersion="1.2" creationDate="2024-05-01T12:15:30.000Z">
              <EPCISHeader>
                <sbdh:StandardBusinessDocumentHeader>
                  <sbdh:HeaderVersion>1.0</sbdh:HeaderVersion>
                  <sbdh:Sender>
                    <sbdh:Identifier Authority="SGLN">urn:epc:id:sgln:0614141.00000.0</sbdh:Identifier>
                    <sbdh:ContactInformation>
                      <sbdh:Contact>Shipping desk</sbdh:Contact>
                      <sbdh:EmailAddress>shipping@pharma.example.com</sbdh:EmailAddress>
                    </sbdh:ContactInformation>
                  </sbdh:Sender>
                  <sbdh:Receiver>
                    <sbdh:Identifier Authority="SGLN">urn:epc:id:sgln:0012345.00000.0</sbdh:Identifier>
                  </sbdh:Receiver>
                  <sbdh:DocumentIdentification>
                    <sbdh:Standard>EPCglobal</sbdh:Standard>
                    <sbdh:TypeVersion>1.0</sbdh:TypeVersion>
                    <sbdh:InstanceIdentifier>4f1c2a9e-7b3d-4e55-9a61-0c2d9e8f7a10</sbdh:InstanceIdentifier>
                    <sbdh:Type>Events</sbdh:Type>
                    <sbdh:CreationDateAndTime>2024-05-01T12:15:30.000Z</sbdh:CreationDateAndTime>
                  </sbdh:DocumentIdentification>
                </sbdh:StandardBusinessDocumentHeader>
                <extension>
                  <EPCISMasterData>
                    <VocabularyList>
                      <Vocabulary type="urn:epcglobal:epcis:vtype:EPCClass">
                        <VocabularyElementList>
                          <VocabularyElement id="urn:epc:idpat:sgtin:0614141.010734.*">
                            <attribute id="urn:epcglobal:cbv:mda#additionalTradeItemIdentification">61414-107-34</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#additionalTradeItemIdentificationTypeCode">FDA_NDC_11</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#regulatedProductName">Examplamab</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#dosageFormType">TABLET</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#strengthDescription">50 mg</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#netContentDescription">30 tablets</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#manufacturerOfTradeItemPartyName">Example Pharma Inc.</attribute>
                          </VocabularyElement>
                        </VocabularyElementList>
                      </Vocabulary>
                      <Vocabulary type="urn:epcglobal:epcis:vtype:Location">
                        <VocabularyElementList>
                          <VocabularyElement id="urn:epc:id:sgln:0614141.00000.0">
                            <attribute id="urn:epcglobal:cbv:mda#name">Example Pharma Inc.</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#streetAddressOne">1 Factory Road</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#city">Springfield</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#state">NJ</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#postalCode">07081</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#countryCode">US</attribute>
                          </VocabularyElement>
                          <VocabularyElement id="urn:epc:id:sgln:0012345.00000.0">
                            <attribute id="urn:epcglobal:cbv:mda#name">Example Wholesale LLC</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#city">Columbus</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#state">OH</attribute>
                            <attribute id="urn:epcglobal:cbv:mda#countryCode">US</attribute>
                          </VocabularyElement>
                        </VocabularyElementList>
                      </Vocabulary>
                    </VocabularyList>
                  </EPCISMasterData>
                </extension>
                <gs1ushc:dscsaTransactionStatement>
                  <gs1ushc:affirmTransactionStatement>true</gs1ushc:affirmTransactionStatement>
                  <gs1ushc:legalNotice>Seller has complied with each applicable subsection of FDCA Sec. 581(27)(A)-(G).</gs1ushc:legalNotice>
                </gs1ushc:dscsaTransactionStatement>
              </EPCISHeader>
              <EPCISBody>
                <EventList>
                  <ObjectEvent>
                    <eventTime>2024-04-30T10:00:00.000-04:00</eventTime>
                    <eventTimeZoneOffset>-04:00</eventTimeZoneOffset>
                    <baseExtension>
                      <eventID>urn:uuid:7d2c1e40-0001-4000-8000-00000000c001</eventID>
                    </baseExtension>
                    <epcList>
                      <epc>urn:epc:id:sgtin:0614141.010734.100001</epc>
                      <epc>urn:epc:id:sgtin:0614141.010734.100002</epc>
                    </epcList>
                    <action>ADD</action>
                    <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>
                    <disposition>urn:epcglobal:cbv:disp:active</disposition>
                    <readPoint><id>urn:epc:id:sgln:0614141.00000.12</id></readPoint>
                    <bizLocation><id>urn:epc:id:sgln:0614141.00000.0</id></bizLocation>
                    <extension>
                      <ilmd>
                        <cbvmda:lotNumber>LOT2024A</cbvmda:lotNumber>
                        <cbvmda:itemExpirationDate>2026-12-31</cbvmda:itemExpirationDate>
                      </ilmd>
                    </extension>
                  </ObjectEvent>
                  <AggregationEvent>
                    <eventTime>2024-04-30T11:00:00.000-04:00</eventTime>
                    <eventTimeZoneOffset>-04:00</eventTimeZoneOffset>
                    <baseExtension>
                      <eventID>urn:uuid:7d2c1e40-0001-4000-8000-00000000c002</eventID>
                    </baseExtension>
                    <parentID>urn:epc:id:sscc:0614141.0000000042</parentID>
                    <childEPCs>
                      <epc>urn:epc:id:sgtin:0614141.010734.100001</epc>
                      <epc>urn:epc:id:sgtin:0614141.010734.100002</epc>
                    </childEPCs>
                    <action>ADD</action>
                    <bizStep>urn:epcglobal:cbv:bizstep:packing</bizStep>
                    <disposition>urn:epcglobal:cbv:disp:in_progress</disposition>
                    <readPoint><id>urn:epc:id:sgln:0614141.00000.12</id></readPoint>
                  </AggregationEvent>
                  <ObjectEvent>
                    <eventTime>2024-05-01T08:00:00.000-04:00</eventTime>
                    <eventTimeZoneOffset>-04:00</eventTimeZoneOffset>
                    <baseExtension>
                      <eventID>urn:uuid:7d2c1e40-0001-4000-8000-00000000c003</eventID>
                    </baseExtension>
                    <epcList>
                      <epc>urn:epc:id:sscc:0614141.0000000042</epc>
                    </epcList>
                    <action>OBSERVE</action>
                    <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>
                    <disposition>urn:epcglobal:cbv:disp:in_transit</disposition>
                    <readPoint><id>urn:epc:id:sgln:0614141.00000.12</id></readPoint>
                    <bizTransactionList>
                      <bizTransaction type="urn:epcglobal:cbv:btt:po">urn:epcglobal:cbv:bt:0012345000004:PO-88231</bizTransaction>
                      <bizTransaction type="urn:epcglobal:cbv:btt:inv">urn:epcglobal:cbv:bt:0614141000005:INV-5521</bizTransaction>
                      <bizTransaction type="urn:epcglobal:cbv:btt:desadv">urn:epcglobal:cbv:bt:0614141000005:ASN-3107</bizTransaction>
                    </bizTransactionList>
                    <extension>
                      <sourceList>
                        <source type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:sgln:0614141.00000.0</source>
                        <source type="urn:epcglobal:cbv:sdt:location">urn:epc:id:sgln:0614141.00000.12</source>
                      </sourceList>
                      <destinationList>
                        <destination type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:sgln:0012345.00000.0</destination>
                        <destination type="urn:epcglobal:cbv:sdt:location">urn:epc:id:sgln:0012345.00000.7</destination>
                      </destinationList>
                    </extension>
                    <gs1ushc:dropShipment>false</gs1ushc:dropShipment>
                  </ObjectEvent>
                </EventList>
              </EPCISBody>
            </epcis:EPCISDocument>
            """;

    private static final TimeZoneOffset EDT = TimeZoneOffset.parse("-04:00");
    private static final String GS1USHC = "http://epcis.gs1us.org/hc/ns";
    private static final String CBVMDA = "urn:epcglobal:cbv:mda";
    private static final String MDA = "urn:epcglobal:cbv:mda#";

    private static Epcis12XmlReaderRoundTripTest.Read read;

    @BeforeAll
    static void readTheDocument() {
        read = Epcis12XmlReaderRoundTripTest.read(DOCUMENT.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentIsValidEpcis12() {
        assertThat(Epcis12DocumentValidator.create().validate(
                new ByteArrayInputStream(DOCUMENT.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void theDocumentIsValidAgainstGs1sEpcis12Schema() {
        java.nio.file.Path xsd = Epcis12TestSupport.gs1Epcis12Xsd();
        org.junit.jupiter.api.Assumptions.assumeTrue(Epcis12TestSupport.exists(xsd),
                "GS1's EPCIS 1.2 XSD is not at " + xsd);
        assertThat(Epcis12TestSupport.validate(Epcis12TestSupport.gs1Schema(xsd),
                DOCUMENT.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void theSbdhIsReadCompletely() {
        Sbdh sbdh = read.header().sbdh();
        assertThat(sbdh).isEqualTo(new Sbdh("1.0",
                List.of(new Sbdh.Partner("urn:epc:id:sgln:0614141.00000.0", "SGLN", List.of(
                        new Sbdh.ContactInformation("Shipping desk", "shipping@pharma.example.com", null, null,
                                null)))),
                List.of(new Sbdh.Partner("urn:epc:id:sgln:0012345.00000.0", "SGLN", List.of())),
                new Sbdh.DocumentIdentification("EPCglobal", "1.0", "4f1c2a9e-7b3d-4e55-9a61-0c2d9e8f7a10", "Events",
                        null, "2024-05-01T12:15:30.000Z"),
                List.of()));
        assertThat(read.schemaVersion()).isEqualTo("1.2");
        assertThat(read.header().creationDate()).isEqualTo(EpcisTime.parse("2024-05-01T12:15:30.000Z"));
        // the extension namespace is kept; the binding's own (EPCIS, SBDH, CBV master data, XSI) are not
        assertThat(read.header().namespaces().byPrefix()).isEqualTo(Map.of("gs1ushc", GS1USHC));
    }

    @Test
    void productAndLocationMasterDataAreReadWithEveryAttribute() {
        List<Vocabulary> masterData = read.header().masterData();
        assertThat(masterData).extracting(Vocabulary::type).containsExactly("urn:epcglobal:epcis:vtype:EPCClass",
                "urn:epcglobal:epcis:vtype:Location");
        VocabularyElement product = masterData.get(0).elements().get(0);
        assertThat(product).isEqualTo(new VocabularyElement("urn:epc:idpat:sgtin:0614141.010734.*", List.of(
                attribute("additionalTradeItemIdentification", "61414-107-34"),
                attribute("additionalTradeItemIdentificationTypeCode", "FDA_NDC_11"),
                attribute("regulatedProductName", "Examplamab"),
                attribute("dosageFormType", "TABLET"),
                attribute("strengthDescription", "50 mg"),
                attribute("netContentDescription", "30 tablets"),
                attribute("manufacturerOfTradeItemPartyName", "Example Pharma Inc.")), List.of(), List.of()));
        assertThat(masterData.get(1).elements()).containsExactly(
                new VocabularyElement("urn:epc:id:sgln:0614141.00000.0", List.of(
                        attribute("name", "Example Pharma Inc."), attribute("streetAddressOne", "1 Factory Road"),
                        attribute("city", "Springfield"), attribute("state", "NJ"), attribute("postalCode", "07081"),
                        attribute("countryCode", "US")), List.of(), List.of()),
                new VocabularyElement("urn:epc:id:sgln:0012345.00000.0", List.of(
                        attribute("name", "Example Wholesale LLC"), attribute("city", "Columbus"),
                        attribute("state", "OH"), attribute("countryCode", "US")), List.of(), List.of()));
    }

    private static VocabularyAttribute attribute(String name, String value) {
        return new VocabularyAttribute(MDA + name, new ExtensionElement.Simple(value, null));
    }

    @Test
    void theTransactionStatementIsKeptAsAHeaderElement() {
        ExtensionElement statement = ExtensionElement.of(new QName(GS1USHC, "dscsaTransactionStatement"), List.of(
                ExtensionElement.text(new QName(GS1USHC, "affirmTransactionStatement"), "true"),
                ExtensionElement.text(new QName(GS1USHC, "legalNotice"),
                        "Seller has complied with each applicable subsection of FDCA Sec. 581(27)(A)-(G).")));
        assertThat(read.header12().headerElements()).containsExactly(statement);
        assertThat(read.header12().headerElements().get(0).name().getPrefix()).isEqualTo("gs1ushc");
        assertThat(read.header12().documentExtensions()).isEmpty();
        DocumentHeader header = read.header();
        assertThat(header.extensions()).containsExactly(statement);
    }

    @Test
    void commissioningHasItsSerialNumbersPlaceAndLotMasterData() {
        assertThat(read.events()).hasSize(3);
        ObjectEvent commissioning = (ObjectEvent) read.events().get(0);
        assertThat(commissioning.eventTime()).isEqualTo(EpcisTime.parse("2024-04-30T10:00:00.000-04:00"));
        assertThat(commissioning.eventTimeZoneOffset()).isEqualTo(EDT);
        assertThat(commissioning.recordTime()).isNull();
        assertThat(commissioning.eventID()).isEqualTo("urn:uuid:7d2c1e40-0001-4000-8000-00000000c001");
        assertThat(commissioning.errorDeclaration()).isNull();
        assertThat(commissioning.action()).isEqualTo(Action.ADD);
        assertThat(commissioning.epcList()).containsExactly("urn:epc:id:sgtin:0614141.010734.100001",
                "urn:epc:id:sgtin:0614141.010734.100002");
        assertThat(commissioning.quantityList()).isEmpty();
        assertThat(commissioning.bizStep()).isEqualTo(BizStep.COMMISSIONING);
        assertThat(commissioning.disposition()).isEqualTo(Disposition.ACTIVE);
        assertThat(commissioning.readPoint()).isEqualTo(ReadPoint.of("urn:epc:id:sgln:0614141.00000.12"));
        assertThat(commissioning.bizLocation()).isEqualTo(BizLocation.of("urn:epc:id:sgln:0614141.00000.0"));
        assertThat(commissioning.why().bizTransactionList()).isEmpty();
        assertThat(commissioning.where().sourceList()).isEmpty();
        assertThat(commissioning.where().destinationList()).isEmpty();
        assertThat(commissioning.ilmd()).isEqualTo(new Ilmd(List.of(
                ExtensionElement.text(new QName(CBVMDA, "lotNumber"), "LOT2024A"),
                ExtensionElement.text(new QName(CBVMDA, "itemExpirationDate"), "2026-12-31"))));
        assertThat(commissioning.ilmd().elements()).extracting(e -> e.name().getPrefix()).containsOnly("cbvmda");
        assertThat(commissioning.extensions()).isEmpty();
    }

    @Test
    void packingPutsTheItemsIntoTheCase() {
        AggregationEvent packing = (AggregationEvent) read.events().get(1);
        assertThat(packing.eventTime()).isEqualTo(EpcisTime.parse("2024-04-30T11:00:00.000-04:00"));
        assertThat(packing.eventTimeZoneOffset()).isEqualTo(EDT);
        assertThat(packing.eventID()).isEqualTo("urn:uuid:7d2c1e40-0001-4000-8000-00000000c002");
        assertThat(packing.action()).isEqualTo(Action.ADD);
        assertThat(packing.parentID()).isEqualTo("urn:epc:id:sscc:0614141.0000000042");
        assertThat(packing.childEPCs()).containsExactly("urn:epc:id:sgtin:0614141.010734.100001",
                "urn:epc:id:sgtin:0614141.010734.100002");
        assertThat(packing.childQuantityList()).isEmpty();
        assertThat(packing.bizStep()).isEqualTo(BizStep.PACKING);
        assertThat(packing.disposition()).isEqualTo(Disposition.IN_PROGRESS);
        assertThat(packing.readPoint()).isEqualTo(ReadPoint.of("urn:epc:id:sgln:0614141.00000.12"));
        assertThat(packing.bizLocation()).isNull();
        assertThat(packing.extensions()).isEmpty();
    }

    @Test
    void shippingNamesTheTransactionsAndBothParties() {
        ObjectEvent shipping = (ObjectEvent) read.events().get(2);
        assertThat(shipping.eventTime()).isEqualTo(EpcisTime.parse("2024-05-01T08:00:00.000-04:00"));
        assertThat(shipping.eventID()).isEqualTo("urn:uuid:7d2c1e40-0001-4000-8000-00000000c003");
        assertThat(shipping.action()).isEqualTo(Action.OBSERVE);
        assertThat(shipping.epcList()).containsExactly("urn:epc:id:sscc:0614141.0000000042");
        assertThat(shipping.bizStep()).isEqualTo(BizStep.SHIPPING);
        assertThat(shipping.disposition()).isEqualTo(Disposition.IN_TRANSIT);
        assertThat(shipping.readPoint()).isEqualTo(ReadPoint.of("urn:epc:id:sgln:0614141.00000.12"));
        assertThat(shipping.bizLocation()).isNull();
        assertThat(shipping.why().bizTransactionList()).containsExactly(
                new BizTransaction(BizTransactionType.PO, "urn:epcglobal:cbv:bt:0012345000004:PO-88231"),
                new BizTransaction(BizTransactionType.INV, "urn:epcglobal:cbv:bt:0614141000005:INV-5521"),
                new BizTransaction(BizTransactionType.DESADV, "urn:epcglobal:cbv:bt:0614141000005:ASN-3107"));
        assertThat(shipping.where().sourceList()).containsExactly(
                new SourceDest(SourceDestType.OWNING_PARTY, "urn:epc:id:sgln:0614141.00000.0"),
                new SourceDest(SourceDestType.LOCATION, "urn:epc:id:sgln:0614141.00000.12"));
        assertThat(shipping.where().destinationList()).containsExactly(
                new SourceDest(SourceDestType.OWNING_PARTY, "urn:epc:id:sgln:0012345.00000.0"),
                new SourceDest(SourceDestType.LOCATION, "urn:epc:id:sgln:0012345.00000.7"));
        assertThat(shipping.ilmd()).isNull();
        assertThat(shipping.extensions()).containsExactly(
                ExtensionElement.text(new QName(GS1USHC, "dropShipment"), "false"));
    }

    @Test
    void cbvValuesAreTheModelsValuesWhateverTheirSpelling() {
        EpcisEvent shipping = read.events().get(2);
        // held as CBV 2.0 terms: the Web URI, and the 1.2 URN when written back
        assertThat(shipping.bizStep().uri()).isEqualTo("https://ref.gs1.org/cbv/BizStep-shipping");
        assertThat(shipping.bizStep().toUrn()).isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
        assertThat(shipping.disposition().term()).contains("in_transit");
        assertThat(shipping.where().sourceList().get(0).type().term()).contains("owning_party");
        assertThat(shipping.why().bizTransactionList().get(2).type().term()).contains("desadv");
    }
}
