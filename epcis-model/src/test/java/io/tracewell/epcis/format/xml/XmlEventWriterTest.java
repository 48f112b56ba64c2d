package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.cbv.SensorMeasurementType;
import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.BizTransactionType;
import static io.tracewell.epcis.format.xml.XmlTestSupport.read;
import static io.tracewell.epcis.format.xml.XmlTestSupport.text;
import static io.tracewell.epcis.format.xml.XmlTestSupport.validate;
import static io.tracewell.epcis.format.xml.XmlTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorReport;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import io.tracewell.epcis.model.Why;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class XmlEventWriterTest {
    private static final EpcisTime T = EpcisTime.parse("2024-05-01T08:15:30.000Z");
    private static final CommonFields COMMON = CommonFields.of(T, TimeZoneOffset.parse("+02:00"));
    private static final DocumentHeader HEADER = DocumentHeader.document(T, Namespaces.NONE);
    private static Schema schema;

    @BeforeAll
    static void compileSchema() {
        schema = XmlTestSupport.projectSchema();
    }

    private static ObjectEvent objectEvent(List<ExtensionElement> extensions) {
        return new ObjectEvent(COMMON, Action.OBSERVE, List.of("urn:epc:id:sgtin:4012345.011111.1"), List.of(), null,
                null, List.of(), null, extensions);
    }

    private static String written(DocumentHeader header, EpcisEvent... events) {
        byte[] xml = write(header, List.of(events), false);
        assertThat(validate(schema, xml)).as("schema validation of%n%s", text(xml)).isNull();
        assertThat(read(xml)).isEqualTo(new EpcisDocument(header, List.of(events)));
        return text(xml);
    }

    @Test
    void writesFieldsInTheSchemaOrderOfEachEventType() {
        TransactionEvent tx = new TransactionEvent(COMMON, Action.ADD, "urn:epc:id:sscc:4012345.0000000001",
                List.of("urn:epc:id:sgtin:4012345.011111.1"), List.of(), null,
                new Why(BizStep.of("shipping"), null, null, List.of(new BizTransaction(BizTransactionType.of("po"), "urn:example:po:1"))), List.of(),
                List.of());
        String xml = written(HEADER, tx);
        assertThat(xml).containsSubsequence("<eventTime>", "<eventTimeZoneOffset>", "<bizTransactionList>",
                "<parentID>", "<epcList>", "<action>", "<bizStep>");

        AssociationEvent as = new AssociationEvent(COMMON, Action.ADD, "urn:epc:id:grai:4012345.55555.1",
                List.of("urn:epc:id:giai:4000001.111"),
                List.of(new QuantityElement("urn:epc:class:lgtin:4012345.011111.L", BigDecimal.ONE, null)), null,
                null, List.of(), List.of());
        assertThat(written(HEADER, as)).containsSubsequence("<parentID>", "<childEPCs>", "<childQuantityList>",
                "<action>");
    }

    @Test
    void declaresTheStandardAndTheDocumentNamespacesOnTheRoot() {
        DocumentHeader header = DocumentHeader.document(T, new Namespaces(Map.of("ex", "https://ns.example.com/")));
        ExtensionElement ext = ExtensionElement.text(new QName("https://ns.example.com/", "f"), "1");
        String xml = written(header, objectEvent(List.of(ext)));

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><epcis:EPCISDocument"
                + " xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:ex=\"https://ns.example.com/\""
                + " schemaVersion=\"2.0\" creationDate=\"2024-05-01T08:15:30.000Z\">");
        assertThat(xml).contains("<ex:f>1</ex:f>").doesNotContain("xmlns:sbdh");
    }

    @Test
    void declaresUndeclaredExtensionNamespacesWhereTheyAreUsed() {
        String xml = written(HEADER, objectEvent(List.of(
                ExtensionElement.text(new QName("https://a.example.com/", "noPrefix"), "1"),
                ExtensionElement.text(new QName("https://b.example.com/", "own", "b"), "2"),
                ExtensionElement.text(new QName("https://c.example.com/", "clash", "xsd"), "3"))));

        assertThat(xml).contains("<ns1:noPrefix xmlns:ns1=\"https://a.example.com/\">1</ns1:noPrefix>")
                .contains("<b:own xmlns:b=\"https://b.example.com/\">2</b:own>")
                .contains("<ns2:clash xmlns:ns2=\"https://c.example.com/\">3</ns2:clash>");
    }

    @Test
    void aDatatypeOutsideXmlSchemaGetsItsPrefixDeclared() {
        // Such a type cannot be resolved by a schema validator (cvc-elt.4.2), but the value survives.
        ObjectEvent e = objectEvent(List.of(new ExtensionElement(new QName("https://a.example.com/", "typed"),
                List.of(), new ExtensionElement.Simple("x", new QName("urn:example:types", "code")))));
        byte[] xml = write(HEADER, List.of(e), false);

        assertThat(text(xml)).contains("<ns1:typed xmlns:ns1=\"https://a.example.com/\""
                + " xmlns:ns2=\"urn:example:types\" xsi:type=\"ns2:code\">x</ns1:typed>");
        assertThat(read(xml).events()).containsExactly(e);
    }

    @Test
    void writesTypedNilAndEmptyValues() {
        String xml = written(HEADER, objectEvent(List.of(
                new ExtensionElement(new QName("urn:x", "n", "x"), List.of(),
                        new ExtensionElement.Simple("12", Datatypes.INTEGER)),
                new ExtensionElement(new QName("urn:x", "nil", "x"), List.of(), new ExtensionElement.Nil()),
                ExtensionElement.text(new QName("urn:x", "empty", "x"), ""),
                ExtensionElement.text(new QName("urn:x", "escaped", "x"), "a < b & \"c\" ü"))));

        assertThat(xml).contains("<x:n xmlns:x=\"urn:x\" xsi:type=\"xsd:integer\">12</x:n>")
                .contains("<x:nil xmlns:x=\"urn:x\" xsi:nil=\"true\"/>")
                .contains("<x:empty xmlns:x=\"urn:x\"/>")
                .contains("a &lt; b &amp; \"c\" ü");
    }

    @Test
    void aUomWithoutQuantityKeepsTheDocumentValidWithANilQuantity() {
        ObjectEvent e = new ObjectEvent(COMMON, Action.OBSERVE, List.of(),
                List.of(new QuantityElement("urn:epc:class:lgtin:4012345.011111.L", null, "KGM")), null, null,
                List.of(), null, List.of());
        assertThat(written(HEADER, e)).contains("<epcClass>urn:epc:class:lgtin:4012345.011111.L</epcClass>"
                + "<quantity xsi:nil=\"true\"/><uom>KGM</uom>");
    }

    @Test
    void masterDataGoesToTheHeaderOrToTheQueryResults() {
        List<Vocabulary> vocabularies = List.of(new Vocabulary("urn:epcglobal:epcis:vtype:ReadPoint",
                List.of(new VocabularyElement("urn:x", List.of(), List.of(), List.of())), List.of()));
        DocumentHeader query = new DocumentHeader(DocumentKind.EPCIS_QUERY_DOCUMENT, null, "2.0", T, List.of(),
                Namespaces.NONE, null, vocabularies, List.of(), "SimpleMasterDataQuery", null);

        String withoutEvents = written(query);
        assertThat(withoutEvents).contains("<epcisq:QueryResults><queryName>SimpleMasterDataQuery</queryName>"
                + "<resultsBody><VocabularyList>").doesNotContain("EPCISHeader").doesNotContain("EventList");

        String withEvents = written(query, objectEvent(List.of()));
        assertThat(withEvents).containsSubsequence("<EPCISHeader><extension><EPCISMasterData><VocabularyList>",
                "<resultsBody><EventList><ObjectEvent>");

        DocumentHeader empty = new DocumentHeader(DocumentKind.EPCIS_QUERY_DOCUMENT, null, "2.0", T, List.of(),
                Namespaces.NONE, null, List.of(), List.of(), "SimpleEventQuery", "sub");
        assertThat(written(empty)).contains("<queryName>SimpleEventQuery</queryName>"
                + "<subscriptionID>sub</subscriptionID><resultsBody><EventList/></resultsBody>");
    }

    @Test
    void masterDataAttributeValuesAreWrittenWithoutXsiTypeOrNil() {
        List<Vocabulary> vocabularies = List.of(new Vocabulary("urn:epcglobal:epcis:vtype:ReadPoint",
                List.of(new VocabularyElement("urn:x", List.of(
                        new VocabularyAttribute("urn:a", new ExtensionElement.Simple("5", Datatypes.INTEGER)),
                        new VocabularyAttribute("urn:b", new ExtensionElement.Nil())), List.of(), List.of())),
                List.of()));
        DocumentHeader header = new DocumentHeader(DocumentKind.EPCIS_DOCUMENT, null, "2.0", T, List.of(),
                Namespaces.NONE, null, vocabularies, List.of(), null, null);
        byte[] xml = write(header, List.of(), false);

        assertThat(text(xml)).contains("<attribute id=\"urn:a\">5</attribute><attribute id=\"urn:b\"/>");
        assertThat(validate(schema, xml)).isNull();
    }

    @Test
    void refusesExtensionsXmlCannotCarry() {
        ExtensionElement complex = ExtensionElement.of(new QName("urn:x", "c"),
                List.of(ExtensionElement.text(new QName("urn:x", "d"), "1")));
        SensorReport report = SensorReport.builder().type(SensorMeasurementType.of("gs1:Temperature")).extension(complex).build();
        ObjectEvent sensor = new ObjectEvent(COMMON, Action.OBSERVE, List.of(), List.of(), null, null,
                List.of(new SensorElement(null, List.of(report), List.of())), null, List.of());
        assertThatThrownBy(() -> write(HEADER, List.of(sensor), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extension '{urn:x}c' of sensorReport cannot be written in XML: sensorReport extensions"
                        + " are namespaced attributes, so they must be namespaced simple values without attributes");

        ObjectEvent unqualified = objectEvent(List.of(ExtensionElement.text(new QName("plain"), "1")));
        assertThatThrownBy(() -> write(HEADER, List.of(unqualified), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extension 'plain' of ObjectEvent needs a namespace of its own: XML admits only"
                        + " namespaced user extensions there (EPCIS 2.0 §9.4)");
    }

    @Test
    void refusesCharactersXml10CannotCarry() {
        ObjectEvent control = objectEvent(List.of(ExtensionElement.text(new QName("urn:x", "f"), "bell\u0007")));
        assertThatThrownBy(() -> write(HEADER, List.of(control), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the value 'bell\u0007' holds the character U+0007, which XML 1.0 cannot carry");

        ObjectEvent loneSurrogate = objectEvent(List.of(ExtensionElement.text(new QName("urn:x", "f"), "\uD83D")));
        assertThatThrownBy(() -> write(HEADER, List.of(loneSurrogate), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+D83D");

        ObjectEvent emoji = objectEvent(List.of(ExtensionElement.text(new QName("urn:x", "f"), "tab\t\uD83D\uDE00")));
        assertThat(read(write(HEADER, List.of(emoji), false)).events()).containsExactly(emoji);
    }

    @Test
    void aMissingCreationDateIsTheTimeOfWriting() {
        DocumentHeader header = new DocumentHeader(DocumentKind.EPCIS_DOCUMENT, null, null, null, List.of(),
                Namespaces.NONE, null, List.of(), List.of(), null, null);
        Instant before = Instant.now();
        byte[] xml = write(header, List.of(), false);

        DocumentHeader back = read(xml).header();
        assertThat(back.schemaVersion()).isEqualTo("2.0");
        assertThat(back.creationDate().instant()).isBetween(before.minusMillis(1), Instant.now());
        assertThat(validate(schema, xml)).isNull();
    }

    @Test
    void enforcesTheCallSequenceAndClosesTheStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean[] closed = {false};
        ByteArrayOutputStream tracked = new ByteArrayOutputStream() {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        XmlEventWriter early = new XmlEventWriter(out);
        assertThat(early.format()).isEqualTo(Format.XML);
        assertThatThrownBy(() -> early.write(objectEvent(List.of()))).isInstanceOf(IllegalStateException.class)
                .hasMessage("call begin before write");
        assertThatThrownBy(early::end).isInstanceOf(IllegalStateException.class)
                .hasMessage("call begin before end");

        XmlEventWriter writer = new XmlEventWriter(tracked, true);
        writer.begin(HEADER);
        assertThatThrownBy(() -> writer.begin(HEADER)).isInstanceOf(IllegalStateException.class)
                .hasMessage("begin was already called");
        writer.write(objectEvent(List.of()));
        writer.end();
        assertThatThrownBy(() -> writer.write(objectEvent(List.of()))).isInstanceOf(IllegalStateException.class)
                .hasMessage("end was already called");
        writer.close();
        assertThat(closed[0]).isTrue();
        String xml = tracked.toString(StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<epcis:EPCISDocument")
                .contains("\n  <EPCISBody>\n    <EventList>\n      <ObjectEvent>\n        <eventTime>")
                .endsWith("</epcis:EPCISDocument>\n");
    }
}
