package io.tracewell.epcis.format.xml12;

import static io.tracewell.epcis.format.xml12.Epcis12TestSupport.CBVMDA_NS;
import static io.tracewell.epcis.format.xml12.Epcis12TestSupport.EPCIS_1_NS;
import static io.tracewell.epcis.format.xml12.Epcis12TestSupport.GS1USHC_NS;
import static io.tracewell.epcis.format.xml12.Epcis12TestSupport.SBDH_NS;
import static io.tracewell.epcis.format.xml12.Epcis12TestSupport.T;
import static io.tracewell.epcis.format.xml12.Epcis12TestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.cbv.SourceDestType;
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
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.validation.Schema;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A DSCSA-shaped shipment rendered as EPCIS 1.2: commissioning with ILMD, packing, shipping with business
 * transactions, sources and destinations, a transaction event and a transformation event, in one document with an
 * SBDH, EPCClass and Location master data and the GS1 US healthcare transaction statement.
 */
class Epcis12XmlWriterTest {
    private static final TimeZoneOffset OFFSET = TimeZoneOffset.parse("-05:00");
    private static final String EXAMPLE_NS = "https://ns.example.com/epcis";

    private static final String GTIN_DL = "https://id.gs1.org/01/00614141107346";
    private static final String GTIN_URN = "urn:epc:idpat:sgtin:0614141.010734.*";
    private static final String SGTIN_DL = "https://id.gs1.org/01/00614141107346/21/2017";
    private static final String SGTIN_URN = "urn:epc:id:sgtin:0614141.010734.2017";
    private static final String SGTIN_2_URN = "urn:epc:id:sgtin:0614141.010734.2018";
    private static final String SSCC_DL = "https://id.gs1.org/00/106141412345678908";
    private static final String SSCC_URN = "urn:epc:id:sscc:0614141.1234567890";
    private static final String PLANT_DL = "https://id.gs1.org/414/0614141000005/254/12";
    private static final String PLANT_URN = "urn:epc:id:sgln:0614141.00000.12";
    private static final String SELLER_DL = "https://id.gs1.org/414/0614141000005";
    private static final String SELLER_URN = "urn:epc:id:sgln:0614141.00000.0";
    private static final String BUYER_URN = "urn:epc:id:sgln:0012345.00000.0";
    private static final String LGTIN_DL = "https://id.gs1.org/01/00614141107346/10/LOT123";
    private static final String LGTIN_URN = "urn:epc:class:lgtin:0614141.010734.LOT123";
    private static final String PO = "urn:epcglobal:cbv:bt:0012345000004:PO-4711";

    private static Schema projectSchema;
    private static byte[] xml;
    private static Document document;
    private static XPath xpath;

    @BeforeAll
    static void writeTheShipment() {
        projectSchema = Epcis12TestSupport.projectSchema();
        xml = Epcis12TestSupport.write(header(), events());
        document = Epcis12TestSupport.parse(xml);
        xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new Prefixes(Map.of("epcis", EPCIS_1_NS, "sbdh", SBDH_NS, "cbvmda", CBVMDA_NS,
                "gs1ushc", GS1USHC_NS, "ex", EXAMPLE_NS)));
    }

    static Epcis12Header header() {
        Vocabulary products = new Vocabulary("urn:epcglobal:epcis:vtype:EPCClass", List.of(new VocabularyElement(
                GTIN_DL, List.of(
                        attribute("urn:epcglobal:cbv:mda#additionalTradeItemIdentification", "61414-1073-4"),
                        attribute("urn:epcglobal:cbv:mda#additionalTradeItemIdentificationTypeCode", "FDA_NDC_11"),
                        attribute("urn:epcglobal:cbv:mda#regulatedProductName", "Examplamab"),
                        attribute("urn:epcglobal:cbv:mda#dosageFormType", "TABLET")),
                List.of(), List.of())), List.of());
        Vocabulary locations = new Vocabulary("urn:epcglobal:epcis:vtype:Location", List.of(
                new VocabularyElement(SELLER_DL, List.of(
                        attribute("urn:epcglobal:cbv:mda#name", "Example Pharma Inc."),
                        attribute("urn:epcglobal:cbv:mda#city", "Springfield"),
                        attribute("urn:epcglobal:cbv:mda#countryCode", "US")),
                        List.of(PLANT_DL), List.of()),
                new VocabularyElement(BUYER_URN, List.of(attribute("urn:epcglobal:cbv:mda#name", "Example Wholesale")),
                        List.of(), List.of())), List.of());
        ExtensionElement statement = ExtensionElement.of(new QName(GS1USHC_NS, "dscsaTransactionStatement", "gs1ushc"),
                List.of(text(GS1USHC_NS, "gs1ushc", "affirmTransactionStatement", "true"),
                        text(GS1USHC_NS, "gs1ushc", "legalNotice", "Seller has complied with section 581(27)(A)-(G)")));
        return Epcis12Header.of(T, Epcis12TestSupport.sbdh())
                .withNamespace("gs1ushc", GS1USHC_NS)
                .withMasterData(List.of(products, locations))
                .withHeaderElement(statement);
    }

    private static VocabularyAttribute attribute(String id, String value) {
        return new VocabularyAttribute(id, new ExtensionElement.Simple(value, null));
    }

    private static CommonFields common(String time, String eventId) {
        return CommonFields.of(EpcisTime.parse(time), OFFSET).withEventID(eventId);
    }

    static List<EpcisEvent> events() {
        Where plant = new Where(ReadPoint.of(PLANT_DL), BizLocation.of(PLANT_DL), List.of(), List.of());
        ObjectEvent commissioning = new ObjectEvent(
                common("2024-04-30T10:00:00.000-05:00", "urn:uuid:0a9e1d9e-0000-4000-8000-000000000001"),
                Action.ADD, List.of(SGTIN_DL, SGTIN_2_URN), List.of(), plant,
                new Why(BizStep.COMMISSIONING, Disposition.ACTIVE, null, List.of()), List.of(),
                new Ilmd(List.of(text(CBVMDA_NS, "cbvmda", "lotNumber", "LOT123"),
                        text(CBVMDA_NS, "cbvmda", "itemExpirationDate", "2026-12-31"))),
                List.of());
        AggregationEvent packing = new AggregationEvent(
                common("2024-04-30T11:00:00.000-05:00", "urn:uuid:0a9e1d9e-0000-4000-8000-000000000002"),
                Action.ADD, SSCC_DL, List.of(SGTIN_DL, SGTIN_2_URN), List.of(), plant,
                new Why(BizStep.PACKING, Disposition.IN_PROGRESS, null, List.of()), List.of(), List.of());
        ObjectEvent shipping = new ObjectEvent(
                common("2024-05-01T07:00:00.000-05:00", "urn:uuid:0a9e1d9e-0000-4000-8000-000000000003"),
                Action.OBSERVE, List.of(SSCC_DL), List.of(),
                new Where(ReadPoint.of(PLANT_DL), BizLocation.of(PLANT_DL),
                        List.of(new SourceDest(SourceDestType.OWNING_PARTY, SELLER_DL),
                                new SourceDest(SourceDestType.LOCATION, PLANT_DL)),
                        List.of(new SourceDest(SourceDestType.OWNING_PARTY, BUYER_URN),
                                new SourceDest(SourceDestType.LOCATION, BUYER_URN))),
                new Why(BizStep.SHIPPING, Disposition.IN_TRANSIT, null, List.of(
                        new BizTransaction(BizTransactionType.PO, PO),
                        new BizTransaction(BizTransactionType.DESADV, "urn:epcglobal:cbv:bt:0614141000005:ASN-9"))),
                List.of(), null, List.of(text(EXAMPLE_NS, "ex", "carrier", "Example Freight")));
        TransactionEvent invoice = new TransactionEvent(
                new CommonFields(EpcisTime.parse("2024-05-01T07:30:00.000-05:00"), OFFSET,
                        EpcisTime.parse("2024-05-01T12:31:00.000Z"), "urn:uuid:0a9e1d9e-0000-4000-8000-000000000004",
                        new ErrorDeclaration(EpcisTime.parse("2024-05-02T09:00:00.000Z"), ErrorReason.INCORRECT_DATA,
                                List.of("urn:uuid:0a9e1d9e-0000-4000-8000-000000000005"), List.of()),
                        null),
                Action.ADD, SSCC_DL, List.of(SGTIN_DL),
                List.of(new QuantityElement(LGTIN_DL, new BigDecimal("1E+2"), "EA")),
                Where.NONE,
                new Why(null, null, null, List.of(new BizTransaction(BizTransactionType.PO, PO),
                        new BizTransaction(BizTransactionType.INV, "urn:epcglobal:cbv:bt:0614141000005:INV-77"))),
                List.of(), List.of());
        TransformationEvent relabelling = new TransformationEvent(
                common("2024-05-01T08:00:00.000-05:00", null),
                List.of(SGTIN_2_URN), List.of(), List.of("https://id.gs1.org/01/00614141107346/21/3001"), List.of(),
                "urn:example:transformation:1", plant,
                new Why(BizStep.REPACKAGING, Disposition.ACTIVE, null, List.of()), List.of(),
                // the namespace as the JSON-LD context spells it, with a trailing colon
                new Ilmd(List.of(text("urn:epcglobal:cbv:mda:", "cbvmda", "lotNumber", "LOT124"))),
                List.of());
        return List.of(commissioning, packing, shipping, invoice, relabelling);
    }

    private static String value(String expression) {
        try {
            return xpath.evaluate(expression, document);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    private static List<String> values(String expression) {
        try {
            NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
            return java.util.stream.IntStream.range(0, nodes.getLength())
                    .mapToObj(i -> nodes.item(i).getTextContent()).toList();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    private static List<String> childNames(String expression) {
        try {
            Node node = (Node) xpath.evaluate(expression, document, XPathConstants.NODE);
            assertThat(node).as(expression).isNotNull();
            List<String> names = new java.util.ArrayList<>();
            for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e) {
                    names.add(e.getPrefix() == null ? e.getLocalName() : e.getPrefix() + ":" + e.getLocalName());
                }
            }
            return names;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    @Test
    void theDocumentIsValidAgainstTheProjectsEpcis12Schema() {
        assertThat(Epcis12TestSupport.validate(projectSchema, xml))
                .as("validation of%n%s", new String(xml, StandardCharsets.UTF_8)).isNull();
    }

    @Test
    void theDocumentIsValidAgainstGs1sEpcis12Schema() {
        Path xsd = Epcis12TestSupport.gs1Epcis12Xsd();
        assumeTrue(Epcis12TestSupport.exists(xsd), "GS1's EPCIS 1.2 XSD is not at " + xsd);
        assertThat(Epcis12TestSupport.validate(Epcis12TestSupport.gs1Schema(xsd), xml))
                .as("validation of%n%s", new String(xml, StandardCharsets.UTF_8)).isNull();
    }

    @Test
    void theRootIsAnEpcis12DocumentWithAnSbdhMasterDataAndTheTransactionStatement() {
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(EPCIS_1_NS);
        assertThat(root.getLocalName()).isEqualTo("EPCISDocument");
        assertThat(root.getAttribute("schemaVersion")).isEqualTo("1.2");
        assertThat(root.getAttribute("creationDate")).isEqualTo("2024-05-01T08:15:30.000Z");
        assertThat(childNames("/epcis:EPCISDocument/EPCISHeader")).containsExactly(
                "sbdh:StandardBusinessDocumentHeader", "extension", "gs1ushc:dscsaTransactionStatement");
        assertThat(value("/*/EPCISHeader/sbdh:StandardBusinessDocumentHeader/sbdh:Sender/sbdh:Identifier"))
                .isEqualTo("urn:epc:id:sgln:0614141.00000.0");
        assertThat(value("/*/EPCISHeader/gs1ushc:dscsaTransactionStatement/gs1ushc:affirmTransactionStatement"))
                .isEqualTo("true");
        // the namespace declared by the header is on the root, not repeated on the statement
        assertThat(root.getAttribute("xmlns:gs1ushc")).isEqualTo(GS1USHC_NS);
        assertThat(new String(xml, StandardCharsets.UTF_8)).containsOnlyOnce("xmlns:gs1ushc=");
    }

    @Test
    void masterDataIdentifiersAreEpcUrns() {
        String vocabularies = "/*/EPCISHeader/extension/EPCISMasterData/VocabularyList/Vocabulary";
        assertThat(values(vocabularies + "/@type")).containsExactly("urn:epcglobal:epcis:vtype:EPCClass",
                "urn:epcglobal:epcis:vtype:Location");
        assertThat(values(vocabularies + "[1]/VocabularyElementList/VocabularyElement/@id")).containsExactly(GTIN_URN);
        assertThat(value(vocabularies + "[1]//attribute[@id='urn:epcglobal:cbv:mda#additionalTradeItemIdentification']"))
                .isEqualTo("61414-1073-4");
        assertThat(values(vocabularies + "[2]/VocabularyElementList/VocabularyElement/@id"))
                .containsExactly(SELLER_URN, BUYER_URN);
        assertThat(values(vocabularies + "[2]/VocabularyElementList/VocabularyElement[1]/children/id"))
                .containsExactly(PLANT_URN);
    }

    @Test
    void theEventsStandInThe12Layout() {
        assertThat(childNames("/*/EPCISBody/EventList")).containsExactly("ObjectEvent", "AggregationEvent",
                "ObjectEvent", "TransactionEvent", "extension");
        assertThat(childNames("/*/EPCISBody/EventList/extension")).containsExactly("TransformationEvent");
        assertThat(childNames("/*/EPCISBody/EventList/ObjectEvent[1]")).containsExactly("eventTime",
                "eventTimeZoneOffset", "baseExtension", "epcList", "action", "bizStep", "disposition", "readPoint",
                "bizLocation", "extension");
        assertThat(childNames("/*/EPCISBody/EventList/ObjectEvent[1]/baseExtension")).containsExactly("eventID");
        assertThat(childNames("/*/EPCISBody/EventList/ObjectEvent[1]/extension")).containsExactly("ilmd");
        assertThat(childNames("/*/EPCISBody/EventList/ObjectEvent[2]")).containsExactly("eventTime",
                "eventTimeZoneOffset", "baseExtension", "epcList", "action", "bizStep", "disposition", "readPoint",
                "bizLocation", "bizTransactionList", "extension", "ex:carrier");
        assertThat(childNames("/*/EPCISBody/EventList/ObjectEvent[2]/extension"))
                .containsExactly("sourceList", "destinationList");
        assertThat(childNames("/*/EPCISBody/EventList/AggregationEvent")).containsExactly("eventTime",
                "eventTimeZoneOffset", "baseExtension", "parentID", "childEPCs", "action", "bizStep", "disposition",
                "readPoint", "bizLocation");
        assertThat(childNames("/*/EPCISBody/EventList/TransactionEvent")).containsExactly("eventTime", "recordTime",
                "eventTimeZoneOffset", "baseExtension", "bizTransactionList", "parentID", "epcList", "action",
                "extension");
        assertThat(childNames("/*/EPCISBody/EventList/TransactionEvent/baseExtension"))
                .containsExactly("eventID", "errorDeclaration");
        assertThat(childNames("/*/EPCISBody/EventList/TransactionEvent/extension")).containsExactly("quantityList");
        assertThat(childNames("/*/EPCISBody/EventList/extension/TransformationEvent")).containsExactly("eventTime",
                "eventTimeZoneOffset", "inputEPCList", "outputEPCList", "transformationID", "bizStep", "disposition",
                "readPoint", "bizLocation", "ilmd");
    }

    @Test
    void cbvValuesAreCbv12Urns() {
        String events = "/*/EPCISBody/EventList";
        assertThat(value(events + "/ObjectEvent[1]/bizStep")).isEqualTo("urn:epcglobal:cbv:bizstep:commissioning");
        assertThat(value(events + "/ObjectEvent[1]/disposition")).isEqualTo("urn:epcglobal:cbv:disp:active");
        assertThat(value(events + "/AggregationEvent/bizStep")).isEqualTo("urn:epcglobal:cbv:bizstep:packing");
        assertThat(value(events + "/AggregationEvent/disposition")).isEqualTo("urn:epcglobal:cbv:disp:in_progress");
        assertThat(value(events + "/ObjectEvent[2]/bizStep")).isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
        assertThat(value(events + "/ObjectEvent[2]/disposition")).isEqualTo("urn:epcglobal:cbv:disp:in_transit");
        assertThat(values(events + "/ObjectEvent[2]/bizTransactionList/bizTransaction/@type"))
                .containsExactly("urn:epcglobal:cbv:btt:po", "urn:epcglobal:cbv:btt:desadv");
        assertThat(values(events + "/ObjectEvent[2]/extension/sourceList/source/@type"))
                .containsExactly("urn:epcglobal:cbv:sdt:owning_party", "urn:epcglobal:cbv:sdt:location");
        assertThat(value(events + "/TransactionEvent/baseExtension/errorDeclaration/reason"))
                .isEqualTo("urn:epcglobal:cbv:er:incorrect_data");
        assertThat(value(events + "/extension/TransformationEvent/bizStep"))
                .isEqualTo("urn:epcglobal:cbv:bizstep:repackaging");
    }

    @Test
    void identifiersAreEpcUrnsWhateverFormTheModelHeldThemIn() {
        String events = "/*/EPCISBody/EventList";
        assertThat(values(events + "/ObjectEvent[1]/epcList/epc")).containsExactly(SGTIN_URN, SGTIN_2_URN);
        assertThat(value(events + "/ObjectEvent[1]/readPoint/id")).isEqualTo(PLANT_URN);
        assertThat(value(events + "/ObjectEvent[1]/bizLocation/id")).isEqualTo(PLANT_URN);
        assertThat(value(events + "/AggregationEvent/parentID")).isEqualTo(SSCC_URN);
        assertThat(values(events + "/AggregationEvent/childEPCs/epc")).containsExactly(SGTIN_URN, SGTIN_2_URN);
        assertThat(values(events + "/ObjectEvent[2]/epcList/epc")).containsExactly(SSCC_URN);
        assertThat(values(events + "/ObjectEvent[2]/extension/sourceList/source"))
                .containsExactly(SELLER_URN, PLANT_URN);
        assertThat(values(events + "/ObjectEvent[2]/extension/destinationList/destination"))
                .containsExactly(BUYER_URN, BUYER_URN);
        assertThat(values(events + "/ObjectEvent[2]/bizTransactionList/bizTransaction"))
                .containsExactly(PO, "urn:epcglobal:cbv:bt:0614141000005:ASN-9");
        assertThat(value(events + "/TransactionEvent/parentID")).isEqualTo(SSCC_URN);
        assertThat(value(events + "/TransactionEvent/extension/quantityList/quantityElement/epcClass"))
                .isEqualTo(LGTIN_URN);
        assertThat(values(events + "/extension/TransformationEvent/outputEPCList/epc"))
                .containsExactly("urn:epc:id:sgtin:0614141.010734.3001");
        assertThat(value(events + "/extension/TransformationEvent/transformationID"))
                .isEqualTo("urn:example:transformation:1");
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("https://id.gs1.org");
    }

    @Test
    void ilmdIsWrittenInTheCbvMasterDataNamespace() {
        Element ilmd = (Element) node("/*/EPCISBody/EventList/ObjectEvent[1]/extension/ilmd");
        List<Element> children = elements(ilmd);
        assertThat(children).extracting(Element::getNamespaceURI).containsOnly(CBVMDA_NS);
        assertThat(children).extracting(Element::getLocalName).containsExactly("lotNumber", "itemExpirationDate");
        assertThat(children).extracting(Node::getTextContent).containsExactly("LOT123", "2026-12-31");
        assertThat(children).extracting(Element::getPrefix).containsOnly("cbvmda");
        // the JSON-LD spelling with a trailing colon becomes the XML namespace of the CBV
        Element transformed = (Element) node("/*/EPCISBody/EventList/extension/TransformationEvent/ilmd/*");
        assertThat(transformed.getNamespaceURI()).isEqualTo(CBVMDA_NS);
        assertThat(transformed.getLocalName()).isEqualTo("lotNumber");
    }

    @Test
    void eventIdErrorDeclarationQuantitiesAndTimesAreWrittenAsGiven() {
        String tx = "/*/EPCISBody/EventList/TransactionEvent";
        assertThat(value(tx + "/baseExtension/eventID")).isEqualTo("urn:uuid:0a9e1d9e-0000-4000-8000-000000000004");
        assertThat(value(tx + "/baseExtension/errorDeclaration/declarationTime")).isEqualTo("2024-05-02T09:00:00.000Z");
        assertThat(value(tx + "/baseExtension/errorDeclaration/correctiveEventIDs/correctiveEventID"))
                .isEqualTo("urn:uuid:0a9e1d9e-0000-4000-8000-000000000005");
        assertThat(value(tx + "/eventTime")).isEqualTo("2024-05-01T07:30:00.000-05:00");
        assertThat(value(tx + "/recordTime")).isEqualTo("2024-05-01T12:31:00.000Z");
        assertThat(value(tx + "/eventTimeZoneOffset")).isEqualTo("-05:00");
        // 1.2 quantities are xsd:decimal: no exponent
        assertThat(value(tx + "/extension/quantityList/quantityElement/quantity")).isEqualTo("100");
        assertThat(value(tx + "/extension/quantityList/quantityElement/uom")).isEqualTo("EA");
        assertThat(value(tx + "/action")).isEqualTo("ADD");
        assertThat(value("/*/EPCISBody/EventList/ObjectEvent[2]/ex:carrier")).isEqualTo("Example Freight");
    }

    @Test
    void anEventWithoutEpcsStillHasTheEpcListThat12Requires() {
        ObjectEvent quantitiesOnly = new ObjectEvent(common("2024-05-01T07:00:00.000-05:00", null), Action.OBSERVE,
                List.of(), List.of(new QuantityElement(LGTIN_DL, new BigDecimal("2.50"), "KGM")), null, null,
                List.of(), null, List.of());
        AggregationEvent emptied = new AggregationEvent(common("2024-05-01T07:00:00.000-05:00", null), Action.DELETE,
                SSCC_URN, List.of(), List.of(), null, null, List.of(), List.of());
        byte[] written = Epcis12TestSupport.write(Epcis12Header.of(T, null), List.of(quantitiesOnly, emptied));
        assertThat(Epcis12TestSupport.validate(projectSchema, written)).isNull();
        String text = new String(written, StandardCharsets.UTF_8);
        assertThat(text).contains("<epcList/>", "<childEPCs/>", "<quantity>2.50</quantity>");
        assertThat(text).doesNotContain("EPCISHeader");
    }

    /**
     * Changes to the written document that EPCIS 1.2 does not allow, mostly the EPCIS 2.0 places of fields: a
     * regular expression to replace once and its replacement. Both schemas must reject each: ours is not looser than
     * GS1's where it matters.
     */
    static Stream<Arguments> layoutsThat12Rejects() {
        return Stream.of(
                Arguments.of("eventID outside baseExtension",
                        "<baseExtension>\\s*(<eventID>[^<]*</eventID>)\\s*</baseExtension>", "$1"),
                Arguments.of("errorDeclaration outside baseExtension",
                        "(?s)<baseExtension>\\s*(<eventID>[^<]*</eventID>)\\s*(<errorDeclaration>.*</errorDeclaration>)"
                                + "\\s*</baseExtension>", "<baseExtension>$1</baseExtension>$2"),
                Arguments.of("sourceList directly in the ObjectEvent",
                        "(?s)<extension>\\s*(<sourceList>.*?</destinationList>)\\s*</extension>", "$1"),
                Arguments.of("ilmd directly in the ObjectEvent",
                        "(?s)<extension>\\s*(<ilmd>.*?</ilmd>)\\s*</extension>", "$1"),
                Arguments.of("TransformationEvent directly in the EventList",
                        "(?s)<extension>\\s*(<TransformationEvent>.*</TransformationEvent>)\\s*</extension>", "$1"),
                Arguments.of("no epcList", "(?s)<epcList>.*?</epcList>", ""),
                Arguments.of("an AssociationEvent", "(?s)<AggregationEvent>(.*)</AggregationEvent>",
                        "<AssociationEvent>$1</AssociationEvent>"),
                Arguments.of("a header without SBDH",
                        "(?s)<sbdh:StandardBusinessDocumentHeader>.*</sbdh:StandardBusinessDocumentHeader>", ""),
                Arguments.of("a quantity in exponent notation", "<quantity>100</quantity>", "<quantity>1E+2</quantity>"),
                Arguments.of("certificationInfo", "<action>ADD</action>",
                        "<action>ADD</action><certificationInfo>urn:x</certificationInfo>"),
                Arguments.of("persistentDisposition", "(<disposition>urn:epcglobal:cbv:disp:in_transit</disposition>)",
                        "$1<persistentDisposition><set>urn:epcglobal:cbv:disp:recalled</set></persistentDisposition>"),
                Arguments.of("sensorElementList", "(?s)(</bizTransactionList>\\s*)(<extension>\\s*<sourceList>)",
                        "$1<sensorElementList><sensorElement><sensorReport type=\"gs1:Temperature\"/>"
                                + "</sensorElement></sensorElementList>$2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layoutsThat12Rejects")
    void bothSchemasRejectWhat12DoesNotAllow(String what, String regex, String replacement) {
        String original = new String(xml, StandardCharsets.UTF_8);
        byte[] wrong = original.replaceFirst(regex, replacement).getBytes(StandardCharsets.UTF_8);
        assertThat(new String(wrong, StandardCharsets.UTF_8)).as("the change applies").isNotEqualTo(original);
        assertThat(Epcis12TestSupport.validate(projectSchema, wrong)).as("our schema on %s", what).isNotNull();
        Path xsd = Epcis12TestSupport.gs1Epcis12Xsd();
        assumeTrue(Epcis12TestSupport.exists(xsd), "GS1's EPCIS 1.2 XSD is not at " + xsd);
        assertThat(Epcis12TestSupport.validate(Epcis12TestSupport.gs1Schema(xsd), wrong)).as("GS1's schema on %s", what)
                .isNotNull();
    }

    /** Where our schema is deliberately stricter than GS1's (docs/schemas.md): GS1's accepts, ours does not. */
    static Stream<Arguments> strictnessOfOurOwn() {
        return Stream.of(
                Arguments.of("an eventTime without time zone", "<eventTime>2024-04-30T10:00:00.000-05:00</eventTime>",
                        "<eventTime>2024-04-30T10:00:00.000</eventTime>"),
                Arguments.of("a creationDate without time zone", "creationDate=\"2024-05-01T08:15:30.000Z\"",
                        "creationDate=\"2024-05-01T08:15:30.000\""),
                Arguments.of("a time zone offset without sign", "<eventTimeZoneOffset>-05:00</eventTimeZoneOffset>",
                        "<eventTimeZoneOffset>05:00</eventTimeZoneOffset>"),
                Arguments.of("a unit that is no UN/CEFACT code", "<uom>EA</uom>", "<uom>each</uom>"),
                Arguments.of("an unqualified unknown attribute", "<ObjectEvent>", "<ObjectEvent note=\"x\">"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strictnessOfOurOwn")
    void ourSchemaIsStricterThanGs1sOnlyWhereDocumented(String what, String regex, String replacement) {
        String original = new String(xml, StandardCharsets.UTF_8);
        byte[] changed = original.replaceFirst(regex, replacement).getBytes(StandardCharsets.UTF_8);
        assertThat(new String(changed, StandardCharsets.UTF_8)).as("the change applies").isNotEqualTo(original);
        assertThat(Epcis12TestSupport.validate(projectSchema, changed)).as("our schema on %s", what).isNotNull();
        Path xsd = Epcis12TestSupport.gs1Epcis12Xsd();
        assumeTrue(Epcis12TestSupport.exists(xsd), "GS1's EPCIS 1.2 XSD is not at " + xsd);
        assertThat(Epcis12TestSupport.validate(Epcis12TestSupport.gs1Schema(xsd), changed)).as("GS1's schema on %s", what)
                .isNull();
    }

    private static Node node(String expression) {
        try {
            Node node = (Node) xpath.evaluate(expression, document, XPathConstants.NODE);
            assertThat(node).as(expression).isNotNull();
            return node;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    private static List<Element> elements(Node parent) {
        List<Element> result = new java.util.ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }

    /** Prefixes for the XPath expressions; the standard's own elements are unqualified. */
    private record Prefixes(Map<String, String> byPrefix) implements NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            return byPrefix.getOrDefault(prefix, "");
        }

        @Override
        public String getPrefix(String namespaceURI) {
            return null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceURI) {
            return java.util.Collections.emptyIterator();
        }
    }
}
