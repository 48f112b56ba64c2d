package io.tracewell.epcis.format.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.EpcisEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bad input: each error says where (line and column as StAX reports them, i.e. just after the start tag of the
 * element concerned) and what was expected.
 */
class XmlReaderErrorTest {
    private static final String ROOT = "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\""
            + " schemaVersion=\"2.0\" creationDate=\"2024-05-01T10:15:30Z\">\n";

    /** A document whose line 3 holds {@code event}: line 1 is the root, line 2 the body and event list. */
    private static String withEvent(String event) {
        return ROOT + "<EPCISBody><EventList>\n" + event + "\n</EventList></EPCISBody></epcis:EPCISDocument>";
    }

    private static EpcisFormatException error(String xml) {
        EpcisFormatException e = catchThrowableOfType(EpcisFormatException.class, () -> {
            try (XmlEventReader reader = new XmlEventReader(
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
                reader.header();
                EpcisEvent event;
                do {
                    event = reader.next();
                } while (event != null);
            }
        });
        assertThat(e).as("an EpcisFormatException for%n%s", xml).isNotNull();
        return e;
    }

    @Test
    void malformedXml() {
        EpcisFormatException e = error(withEvent("<ObjectEvent><eventTime>x</eventTim></ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(3, 28));
        assertThat(e.problem()).isEqualTo("malformed XML: The element type \"eventTime\" must be terminated by the"
                + " matching end-tag \"</eventTime>\".");
        assertThat(e.expected()).isEqualTo("a well-formed XML document");
        assertThat(e.getMessage()).startsWith("line 3, column 28: malformed XML: ");
    }

    @Test
    void anEpcis1xDocument() {
        EpcisFormatException e = error("<?xml version=\"1.0\"?>\n<epcis:EPCISDocument"
                + " xmlns:epcis=\"urn:epcglobal:epcis:xsd:1\" schemaVersion=\"1.2\""
                + " creationDate=\"2024-05-01T10:15:30Z\"><EPCISBody/></epcis:EPCISDocument>");
        assertThat(e.location()).isEqualTo(SourceLocation.of(2, 118));
        assertThat(e.getMessage()).isEqualTo("line 2, column 118: root element"
                + " {urn:epcglobal:epcis:xsd:1}EPCISDocument; expected EPCISDocument or EPCISQueryDocument in namespace"
                + " urn:epcglobal:epcis:xsd:2 (this is EPCIS 1.x)");
    }

    @Test
    void aWrongRootElement() {
        EpcisFormatException e = error("<EPCISDocument schemaVersion=\"2.0\"/>");
        assertThat(e.location()).isEqualTo(SourceLocation.of(1, 37));
        assertThat(e.problem()).isEqualTo("root element {}EPCISDocument");
        assertThat(e.expected())
                .isEqualTo("EPCISDocument or EPCISQueryDocument in namespace urn:epcglobal:epcis:xsd:2");
    }

    @Test
    void aMissingEventTime() {
        EpcisFormatException e = error(withEvent("<ObjectEvent><eventTimeZoneOffset>+02:00</eventTimeZoneOffset>"
                + "<action>ADD</action></ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(3, 14));
        assertThat(e.problem()).isEqualTo("ObjectEvent has no eventTime");
        assertThat(e.expected()).isEqualTo("eventTime, the date and time of the event (EPCIS 2.0 §7.4.1)");
    }

    @Test
    void aBadDateTime() {
        EpcisFormatException e = error(withEvent("<ObjectEvent>\n  <eventTime>2024-05-01T10:15:30</eventTime>"
                + "</ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(4, 14));
        assertThat(e.problem()).isEqualTo("eventTime '2024-05-01T10:15:30' is not a valid date-time");
        assertThat(e.expected()).isEqualTo("an xsd:dateTime with time zone, such as 2024-05-01T10:15:30.000+02:00"
                + " or 2024-05-01T08:15:30Z");
    }

    @Test
    void aBadOffset() {
        EpcisFormatException e = error(withEvent("<ObjectEvent><eventTime>2024-05-01T10:15:30Z</eventTime>"
                + "<eventTimeZoneOffset>+15:00</eventTimeZoneOffset></ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(3, 78));
        assertThat(e.problem()).isEqualTo("eventTimeZoneOffset '+15:00' is not a valid time zone offset");
        assertThat(e.expected()).isEqualTo("+HH:MM or -HH:MM between -14:00 and +14:00 (EPCIS 2.0 §7.3.1)");
    }

    @Test
    void aBadAction() {
        EpcisFormatException e = error(withEvent("<AggregationEvent><eventTime>2024-05-01T10:15:30Z</eventTime>"
                + "<eventTimeZoneOffset>+02:00</eventTimeZoneOffset><action>add</action></AggregationEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(3, 119));
        assertThat(e.problem()).isEqualTo("action 'add' in AggregationEvent");
        assertThat(e.expected()).isEqualTo("ADD, OBSERVE or DELETE (EPCIS 2.0 §7.3.2)");
    }

    @Test
    void aQuantityThatIsNotANumber() {
        EpcisFormatException e = error(withEvent("<ObjectEvent><quantityList><quantityElement>"
                + "<epcClass>urn:epc:class:lgtin:4012345.011111.L</epcClass>\n<quantity>ten</quantity>"
                + "</quantityElement></quantityList></ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(4, 11));
        assertThat(e.problem()).isEqualTo("quantity 'ten' is not a number");
        assertThat(e.expected()).isEqualTo("a decimal number such as 200, 3.5 or 1.2E3");
    }

    @Test
    void anUnknownUnqualifiedElementInAnEvent() {
        EpcisFormatException e = error(withEvent("<TransformationEvent>\n<foo>1</foo></TransformationEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(4, 6));
        assertThat(e.problem()).isEqualTo("unexpected element 'foo' in TransformationEvent");
        assertThat(e.expected()).isEqualTo("one of eventTime, recordTime, eventTimeZoneOffset, eventID,"
                + " errorDeclaration, certificationInfo, baseExtension, inputEPCList, inputQuantityList, outputEPCList,"
                + " outputQuantityList, transformationID, bizStep, disposition, readPoint, bizLocation,"
                + " bizTransactionList, sourceList, destinationList, sensorElementList, persistentDisposition, ilmd,"
                + " extension, or a user extension element in its own namespace");
    }

    @Test
    void aFieldOfAnotherEventType() {
        EpcisFormatException e = error(withEvent("<ObjectEvent><parentID>urn:x</parentID></ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(3, 24));
        assertThat(e.problem()).isEqualTo("unexpected element 'parentID' in ObjectEvent");
        assertThat(e.expected()).startsWith("one of eventTime, recordTime,").contains(" epcList, action,");
    }

    @Test
    void aDuplicateField() {
        EpcisFormatException e = error(withEvent("<ObjectEvent><action>ADD</action>\n<action>ADD</action>"
                + "</ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(4, 9));
        assertThat(e.problem()).isEqualTo("duplicate element 'action' in ObjectEvent");
        assertThat(e.expected()).isEqualTo("at most one action per event");
    }

    @Test
    void aQualifiedEpcisElementInsideAnEvent() {
        EpcisFormatException e = error(withEvent("<ObjectEvent><epcis:action>ADD</epcis:action></ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(3, 28));
        assertThat(e.problem()).isEqualTo("unexpected element 'epcis:action' in ObjectEvent");
    }

    @Test
    void anUnknownSensorReportAttribute() {
        EpcisFormatException e = error(withEvent("<ObjectEvent><sensorElementList><sensorElement>\n"
                + "<sensorReport type=\"gs1:Temperature\" averageValue=\"3\"/>"
                + "</sensorElement></sensorElementList></ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(4, 56));
        assertThat(e.problem()).isEqualTo("unexpected attribute 'averageValue' on sensorReport");
        assertThat(e.expected()).startsWith("one of type, exception, deviceID,")
                .endsWith(", or a user extension attribute in its own namespace");
    }

    @Test
    void aSourceWithoutType() {
        EpcisFormatException e = error(withEvent("<ObjectEvent><sourceList>\n<source>urn:x</source>"
                + "</sourceList></ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(4, 9));
        assertThat(e.problem()).isEqualTo("source has no type attribute");
    }

    @Test
    void mixedContentInAnExtension() {
        EpcisFormatException e = error(withEvent("<ObjectEvent xmlns:ex=\"urn:ex\">\n"
                + "<ex:f>text<ex:g/></ex:f></ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(4, 7));
        assertThat(e.problem()).isEqualTo("text 'text' mixed with child elements in ex:f");
        assertThat(e.expected()).isEqualTo("either text or child elements in ex:f");
    }

    @Test
    void anUndeclaredXsiTypePrefix() {
        EpcisFormatException e = error(withEvent("<ObjectEvent xmlns:ex=\"urn:ex\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + "<ex:f xsi:type=\"xs:integer\">1</ex:f></ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(4, 29));
        assertThat(e.problem()).isEqualTo("xsi:type 'xs:integer' uses an undeclared prefix 'xs'");
    }

    @Test
    void anAttributeTheModelCannotHold() {
        EpcisFormatException e = error(withEvent("<ObjectEvent xmlns:ex=\"urn:ex\" ex:flag=\"1\"></ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(3, 44));
        assertThat(e.problem()).isEqualTo("unsupported attribute 'ex:flag' on ObjectEvent");
        assertThat(e.expected()).isEqualTo("no attributes on ObjectEvent");
    }

    @Test
    void anUnsupportedSbdhManifest() {
        EpcisFormatException e = error(ROOT + "<EPCISHeader><sbdh:StandardBusinessDocumentHeader"
                + " xmlns:sbdh=\"http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader\">\n"
                + "<sbdh:Manifest/></sbdh:StandardBusinessDocumentHeader></EPCISHeader></epcis:EPCISDocument>");
        assertThat(e.location()).isEqualTo(SourceLocation.of(3, 17));
        assertThat(e.problem()).isEqualTo("the SBDH Manifest is not supported");
    }

    @Test
    void aMissingBody() {
        EpcisFormatException e = error(ROOT + "</epcis:EPCISDocument>");
        assertThat(e.location()).isEqualTo(SourceLocation.of(2, 23));
        assertThat(e.problem()).isEqualTo("EPCISDocument has no EPCISBody");
    }

    @Test
    void aMissingCreationDate() {
        EpcisFormatException e = error("<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\""
                + " schemaVersion=\"2.0\"/>");
        assertThat(e.location()).isEqualTo(SourceLocation.of(1, 83));
        assertThat(e.problem()).isEqualTo("EPCISDocument has no creationDate attribute");
    }

    @Test
    void anEmptyInput() {
        EpcisFormatException e = error("");
        assertThat(e.location()).isEqualTo(SourceLocation.of(1, 1));
        assertThat(e.problem()).startsWith("malformed XML: Premature end of file");
    }

    @Test
    void contentAfterTheRoot() {
        EpcisFormatException e = error(ROOT + "<EPCISBody/></epcis:EPCISDocument>\n<more/>");
        assertThat(e.location()).isEqualTo(SourceLocation.of(3, 2));
        assertThat(e.problem()).startsWith("malformed XML: The markup in the document following the root element");
    }

    @Test
    void aDoctypeWithAnInternalSubsetIsRefused() {
        EpcisFormatException e = error("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n" + ROOT + "</epcis:EPCISDocument>");
        assertThat(e.location()).isEqualTo(SourceLocation.of(2, 0));
        assertThat(e.getMessage()).startsWith("line 2: DTDs");
        assertThat(e.problem()).isEqualTo("DTDs are not allowed (XXE / entity expansion protection)");
        assertThat(e.expected()).isEqualTo("a document without a DOCTYPE, or a bare <!DOCTYPE name> without internal"
                + " subset or external ID");
    }

    @Test
    void aDoctypeWithAnExternalIdIsRefused() {
        EpcisFormatException e = error("<?xml version=\"1.0\"?>\n\n  <!DOCTYPE x SYSTEM \"file:///etc/passwd\">\n"
                + ROOT + "</epcis:EPCISDocument>");
        assertThat(e.location()).isEqualTo(SourceLocation.of(3, 0));
        assertThat(e.problem()).isEqualTo("DTDs are not allowed (XXE / entity expansion protection)");
    }

    @Test
    void anEntityReferenceWithoutDeclarationIsMalformed() {
        EpcisFormatException e = error(withEvent("<ObjectEvent><eventID>&xxe;</eventID></ObjectEvent>"));
        assertThat(e.location()).isEqualTo(SourceLocation.of(3, 28));
        assertThat(e.problem()).isEqualTo("malformed XML: The entity \"xxe\" was referenced, but not declared.");
    }

    @Test
    void aSingleEventElementMustBeAnEvent() {
        EpcisFormatException e = catchThrowableOfType(EpcisFormatException.class, () -> XmlEventReader.readEvent(
                new ByteArrayInputStream("<QuantityEvent/>".getBytes(StandardCharsets.UTF_8))));
        assertThat(e.location()).isEqualTo(SourceLocation.of(1, 17));
        assertThat(e.problem()).isEqualTo("unexpected element 'QuantityEvent' in the document");
    }
}
