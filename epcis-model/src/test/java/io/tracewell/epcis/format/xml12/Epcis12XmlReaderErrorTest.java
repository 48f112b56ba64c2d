package io.tracewell.epcis.format.xml12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.format.xml.XmlEventWriter;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ObjectEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the reader refuses, with the line and column where it is and what was expected: broken XML, an EPCIS 2.0
 * document, fields in their 2.0 places, values that are not what 1.2 allows, content the model has no place for.
 */
class Epcis12XmlReaderErrorTest {

    /** The shipping event of the DSCSA example, which the cases below break one way or another. */
    private static final String EVENT = """
              <ObjectEvent>
                <eventTime>2024-05-01T08:00:00.000-04:00</eventTime>
                <eventTimeZoneOffset>-04:00</eventTimeZoneOffset>
                <baseExtension>
                  <eventID>urn:uuid:7d2c1e40-0001-4000-8000-00000000c003</eventID>
                </baseExtension>
                <epcList><epc>urn:epc:id:sscc:0614141.0000000042</epc></epcList>
                <action>OBSERVE</action>
                <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>
                <extension>
                  <sourceList>
                    <source type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:sgln:0614141.00000.0</source>
                  </sourceList>
                </extension>
              </ObjectEvent>
            """;

    private static String document(String events) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1" schemaVersion="1.2"
                    creationDate="2024-05-01T12:15:30.000Z">
                  <EPCISBody>
                    <EventList>
                """ + events + """
                    </EventList>
                  </EPCISBody>
                </epcis:EPCISDocument>
                """;
    }

    /** Reads every event; the failure it ends with. */
    private static EpcisFormatException failure(String xml) {
        EpcisFormatException e = catchThrowableOfType(() -> readAll(xml), EpcisFormatException.class);
        assertThat(e).as("the reader refuses%n%s", xml).isNotNull();
        assertThat(e.location().isKnown()).as("a location is given: %s", e.getMessage()).isTrue();
        return e;
    }

    private static List<EpcisEvent> readAll(String xml) {
        try (Epcis12XmlReader reader = new Epcis12XmlReader(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            List<EpcisEvent> events = new ArrayList<>();
            EpcisEvent e;
            while ((e = reader.next()) != null) {
                events.add(e);
            }
            return events;
        }
    }

    /** The 1-based line of the first occurrence of {@code marker}. */
    private static int lineOf(String xml, String marker) {
        int at = xml.indexOf(marker);
        assertThat(at).as("marker %s", marker).isNotNegative();
        return (int) xml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String replaced(String original, String target, String replacement) {
        assertThat(original).contains(target);
        return original.replace(target, replacement);
    }

    @Test
    void theUnchangedEventIsRead() {
        assertThat(readAll(document(EVENT))).singleElement().isInstanceOf(ObjectEvent.class);
    }

    @Test
    void brokenXmlIsReportedWhereItBreaks() {
        String xml = document(replaced(EVENT, "</bizStep>", "</bizstep>"));
        EpcisFormatException e = failure(xml);
        assertThat(e.location().line()).isEqualTo(lineOf(xml, "</bizstep>"));
        assertThat(e.location().column()).isPositive();
        assertThat(e.problem()).startsWith("malformed XML").contains("bizStep");
        assertThat(e.expected()).isEqualTo("a well-formed XML document");
    }

    @Test
    void aTruncatedDocumentIsReportedAtItsEnd() {
        String xml = document(EVENT + EVENT);
        String cut = xml.substring(0, xml.lastIndexOf("<epcList>"));
        EpcisFormatException e = failure(cut);
        int lastLine = (int) cut.chars().filter(c -> c == '\n').count() + 1;
        assertThat(e.location().line()).isEqualTo(lastLine);
        assertThat(e.problem()).containsIgnoringCase("end");
    }

    @Test
    void anEpcis20DocumentIsRefusedAtItsRootWithWhatItIs() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmlEventWriter writer = new XmlEventWriter(out)) {
            io.tracewell.epcis.format.EpcisFormats.copy(new Epcis12XmlReader(new ByteArrayInputStream(
                    document(EVENT).getBytes(StandardCharsets.UTF_8))), writer);
        }
        String xml20 = out.toString(StandardCharsets.UTF_8);
        assertThat(xml20).contains("urn:epcglobal:epcis:xsd:2");

        EpcisFormatException e = failure(xml20);
        assertThat(e.location().line()).isEqualTo(lineOf(xml20, "EPCISDocument"));
        assertThat(e.problem()).contains("EPCIS 2.0 namespace urn:epcglobal:epcis:xsd:2", "XmlEventReader");
        assertThat(e.expected()).contains("urn:epcglobal:epcis:xsd:1");
    }

    @Test
    void somethingElseEntirelyIsNoEpcis12Document() {
        EpcisFormatException e = failure("<?xml version=\"1.0\"?>\n\n<order xmlns=\"urn:example:orders\"/>");
        assertThat(e.location().line()).isEqualTo(3);
        assertThat(e.problem()).contains("{urn:example:orders}order", "not an EPCIS 1.2 document");
    }

    @Test
    void anEventIdOutsideBaseExtensionIsRefusedWithWhere12ExpectsIt() {
        String xml = document(replaced(EVENT, """
                <baseExtension>
                      <eventID>urn:uuid:7d2c1e40-0001-4000-8000-00000000c003</eventID>
                    </baseExtension>""", "<eventID>urn:uuid:7d2c1e40-0001-4000-8000-00000000c003</eventID>"));
        EpcisFormatException e = failure(xml);
        assertThat(e.location().line()).isEqualTo(lineOf(xml, "<eventID>"));
        assertThat(e.problem()).isEqualTo("unexpected element 'eventID' in ObjectEvent");
        assertThat(e.expected()).contains("baseExtension", "in EPCIS 1.2 eventID belongs inside baseExtension");
    }

    @Test
    void aSourceListDirectlyInTheEventIsRefusedWithWhere12ExpectsIt() {
        String xml = document(replaced(replaced(EVENT, "<extension>", ""), "</extension>", ""));
        EpcisFormatException e = failure(xml);
        assertThat(e.location().line()).isEqualTo(lineOf(xml, "<sourceList>"));
        assertThat(e.expected()).contains("in EPCIS 1.2 sourceList belongs inside the ObjectEvent's extension");
    }

    @Test
    void a20OnlyFieldIsRefusedAsSuch() {
        String xml = document(replaced(EVENT, "<action>OBSERVE</action>",
                "<action>OBSERVE</action><persistentDisposition><set>urn:epcglobal:cbv:disp:recalled</set>"
                        + "</persistentDisposition>"));
        EpcisFormatException e = failure(xml);
        assertThat(e.location().line()).isEqualTo(lineOf(xml, "<persistentDisposition>"));
        assertThat(e.expected()).contains("persistentDisposition came with EPCIS 2.0");
    }

    @Test
    void aTransformationEventOutsideTheExtensionWrapperIsRefused() {
        String xml = document("""
                      <TransformationEvent>
                        <eventTime>2024-05-01T08:00:00.000-04:00</eventTime>
                        <eventTimeZoneOffset>-04:00</eventTimeZoneOffset>
                      </TransformationEvent>
                """);
        EpcisFormatException e = failure(xml);
        assertThat(e.location().line()).isEqualTo(lineOf(xml, "<TransformationEvent>"));
        assertThat(e.expected()).contains("a TransformationEvent stands inside EventList/extension");
    }

    @Test
    void aValueThatIsNoUriIsRefusedWhereItIs() {
        String xml = document(replaced(EVENT, "urn:epcglobal:cbv:bizstep:shipping", "ship it"));
        EpcisFormatException e = failure(xml);
        assertThat(e.location().line()).isEqualTo(lineOf(xml, "ship it"));
        assertThat(e.problem()).startsWith("bizStep: ").contains("ship it");
        assertThat(e.expected()).contains("urn:epcglobal:cbv:bizstep:shipping");
    }

    @Test
    void missingAndMalformedRequiredFieldsAreNamed() {
        String noTime = document(replaced(EVENT, "<eventTime>2024-05-01T08:00:00.000-04:00</eventTime>", ""));
        EpcisFormatException e = failure(noTime);
        assertThat(e.problem()).isEqualTo("ObjectEvent has no eventTime");
        assertThat(e.location().line()).isEqualTo(lineOf(noTime, "<ObjectEvent>"));

        String badOffset = document(replaced(EVENT, "<eventTimeZoneOffset>-04:00", "<eventTimeZoneOffset>EDT"));
        e = failure(badOffset);
        assertThat(e.problem()).contains("eventTimeZoneOffset 'EDT'");
        assertThat(e.location().line()).isEqualTo(lineOf(badOffset, ">EDT<"));

        String badAction = document(replaced(EVENT, "<action>OBSERVE", "<action>observe"));
        e = failure(badAction);
        assertThat(e.problem()).contains("action 'observe'");
        assertThat(e.expected()).isEqualTo("ADD, OBSERVE or DELETE");

        String noType = document(replaced(EVENT, " type=\"urn:epcglobal:cbv:sdt:owning_party\"", ""));
        e = failure(noType);
        assertThat(e.problem()).isEqualTo("source has no type attribute");
        assertThat(e.location().line()).isEqualTo(lineOf(noType, "<source>"));
    }

    @Test
    void contentOfAReservedExtensionIsRefusedNotDropped() {
        String xml = document(replaced(EVENT, "</sourceList>", "</sourceList><extension><futureField>x</futureField>"
                + "</extension>"));
        EpcisFormatException e = failure(xml);
        assertThat(e.problem()).isEqualTo("unexpected element 'futureField' in ObjectEvent/extension/extension");
        assertThat(e.expected()).contains("reserves ObjectEvent/extension/extension for later versions");
    }

    @Test
    void aUserExtensionInsideAWrapperIsRefused() {
        String xml = document(replaced(EVENT, "</sourceList>", "</sourceList><ex:note xmlns:ex=\"urn:x\">n</ex:note>"));
        EpcisFormatException e = failure(xml);
        assertThat(e.problem()).isEqualTo("unexpected element 'ex:note' in ObjectEvent/extension");
        assertThat(e.expected()).contains("stand directly in the ObjectEvent");
    }

    @Test
    void aDuplicateFieldIsRefused() {
        String xml = document(replaced(EVENT, "<action>OBSERVE</action>", "<action>OBSERVE</action>\n"
                + "<action>ADD</action>"));
        EpcisFormatException e = failure(xml);
        assertThat(e.problem()).isEqualTo("duplicate element 'action' in ObjectEvent");
        assertThat(e.location().line()).isEqualTo(lineOf(xml, "<action>ADD"));
    }

    @Test
    void aHeaderWithoutSbdhIsRefused() {
        String xml = replaced(document(EVENT), "<EPCISBody>", "<EPCISHeader/>\n  <EPCISBody>");
        EpcisFormatException e = failure(xml);
        assertThat(e.problem()).isEqualTo("EPCISHeader has no sbdh:StandardBusinessDocumentHeader");
        assertThat(e.location().line()).isEqualTo(lineOf(xml, "<EPCISHeader/>"));
    }

    @Test
    void aDocumentTypeDeclarationWithEntitiesIsRefusedBeforeAnythingIsExpanded() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE epcis:EPCISDocument [<!ENTITY x \"expanded\">]>\n"
                + document(EVENT).substring(document(EVENT).indexOf('\n') + 1);
        EpcisFormatException e = failure(xml);
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.problem()).contains("DTDs are not allowed");
    }

    @Test
    void aWrongSchemaVersionOrCreationDateIsNamed() {
        EpcisFormatException e = failure(replaced(document(EVENT), "schemaVersion=\"1.2\"", "schemaVersion=\"2.0\""));
        assertThat(e.problem()).isEqualTo("schemaVersion '2.0' on an EPCIS 1.x document");
        e = failure(replaced(document(EVENT), "creationDate=\"2024-05-01T12:15:30.000Z\"",
                "creationDate=\"2024-05-01T12:15:30\""));
        assertThat(e.problem()).contains("creationDate '2024-05-01T12:15:30' is not a valid date-time");
        assertThat(e.location()).isNotEqualTo(SourceLocation.NONE);
    }

    @Test
    void anEventTypeOfAnotherNamespaceIsRefusedByNextAndPassedBySkip() {
        String foreign = "<ex:SealEvent xmlns:ex=\"urn:example:events\"><ex:seal>S-1</ex:seal></ex:SealEvent>\n";
        String xml = document(foreign + EVENT);
        try (Epcis12XmlReader reader = new Epcis12XmlReader(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            EpcisFormatException e = catchThrowableOfType(reader::next, EpcisFormatException.class);
            assertThat(e.problem()).contains("'ex:SealEvent', an event type of another namespace");
            assertThat(e.location().line()).isEqualTo(lineOf(xml, "<ex:SealEvent"));
            assertThat(reader.skip()).isTrue();
            assertThat(reader.lastEventLocation().line()).isEqualTo(lineOf(xml, "<ex:SealEvent"));
            EpcisEvent next = reader.next();
            assertThat(next).isInstanceOf(ObjectEvent.class);
            assertThat(next.eventID()).isEqualTo("urn:uuid:7d2c1e40-0001-4000-8000-00000000c003");
            assertThat(reader.lastEventLocation().line()).isEqualTo(lineOf(xml, "<ObjectEvent>"));
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void anEventTypeOfALaterVersionIsRefusedByNextAndPassedBySkip() {
        String later = "<extension><extension><AssociationEvent><eventTime>2024-05-01T08:00:00Z</eventTime>"
                + "</AssociationEvent></extension></extension>\n";
        String xml = document(later + EVENT);
        try (Epcis12XmlReader reader = new Epcis12XmlReader(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            EpcisFormatException e = catchThrowableOfType(reader::next, EpcisFormatException.class);
            assertThat(e.problem()).contains("'AssociationEvent' in EventList/extension/extension");
            assertThat(reader.skip()).isTrue();
            assertThat(reader.next()).isInstanceOf(ObjectEvent.class);
            assertThat(reader.next()).isNull();
        }
    }
}
