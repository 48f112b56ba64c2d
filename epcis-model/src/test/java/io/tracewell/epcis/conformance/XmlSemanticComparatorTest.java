package io.tracewell.epcis.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XmlSemanticComparatorTest {

    private static final String DOCUMENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE project>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:example="http://ns.example.com/epcis"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
                xmlns:cbvmda="urn:epcglobal:cbv:mda" schemaVersion="2.0" creationDate="2005-07-11T11:30:47.0Z">
              <EPCISBody>
                <EventList>
                  <ObjectEvent>
                    <!-- a comment the comparison ignores -->
                    <eventTime>2005-04-03T20:33:31.116-06:00</eventTime>
                    <eventTimeZoneOffset>-06:00</eventTimeZoneOffset>
                    <epcList>
                      <epc>urn:epc:id:sgtin:0614141.107346.2017</epc>
                      <epc>urn:epc:id:sgtin:0614141.107346.2018</epc>
                    </epcList>
                    <action>OBSERVE</action>
                    <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>
                    <disposition>urn:epcglobal:cbv:disp:in_transit</disposition>
                    <readPoint><id>urn:epc:id:sgln:0614141.07346.1234</id></readPoint>
                    <bizTransactionList>
                      <bizTransaction type="urn:epcglobal:cbv:btt:po">http://transaction.acme.com/po/1</bizTransaction>
                    </bizTransactionList>
                    <extension>
                      <quantityList>
                        <quantityElement>
                          <epcClass>urn:epc:class:lgtin:4012345.012345.998877</epcClass>
                          <quantity>200</quantity>
                          <uom>KGM</uom>
                        </quantityElement>
                      </quantityList>
                      <ilmd><cbvmda:lotNumber>ABC123</cbvmda:lotNumber></ilmd>
                    </extension>
                    <sensorElementList>
                      <sensorElement>
                        <sensorMetadata time="2019-04-02T14:05:00.000+01:00" example:note="n"/>
                        <sensorReport type="gs1:Temperature" value="26.0" uom="CEL"/>
                      </sensorElement>
                    </sensorElementList>
                    <example:myField xsi:type="xsd:string">value</example:myField>
                    <example:count xsi:type="xsd:integer">12</example:count>
                    <example:userElement>
                      <anotherElement>elementData</anotherElement>
                      <repeated>1</repeated>
                      <repeated>2</repeated>
                    </example:userElement>
                  </ObjectEvent>
                </EventList>
              </EPCISBody>
            </epcis:EPCISDocument>
            """;

    private static final String EVENT = "/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent";

    private final XmlSemanticComparator comparator = new XmlSemanticComparator();

    private Optional<Difference> compareWith(String target, String replacement) {
        assertThat(DOCUMENT).contains(target);
        return comparator.compare(DOCUMENT, DOCUMENT.replace(target, replacement));
    }

    @Test
    void aDocumentEqualsItself() {
        assertThat(comparator.compare(DOCUMENT, DOCUMENT)).isEmpty();
    }

    @Test
    void reportsAChangedValueWithItsPathAndBothValues() {
        Difference d = compareWith("<action>OBSERVE</action>", "<action>ADD</action>").orElseThrow();
        assertThat(d.location()).isEqualTo(EVENT + "/action");
        assertThat(d.problem()).isEqualTo("text differs");
        assertThat(d.expected()).isEqualTo("\"OBSERVE\"");
        assertThat(d.actual()).isEqualTo("\"ADD\"");
    }

    @Test
    void reportsAMissingField() {
        Difference d = compareWith("<disposition>urn:epcglobal:cbv:disp:in_transit</disposition>", "")
                .orElseThrow();
        assertThat(d.location()).isEqualTo(EVENT + "/disposition");
        assertThat(d.problem()).isEqualTo("element missing (disposition)");
        assertThat(d.actual()).isEqualTo(Difference.NOTHING);
    }

    @Test
    void reportsAMissingExtension() {
        Difference d = compareWith("<example:count xsi:type=\"xsd:integer\">12</example:count>", "").orElseThrow();
        assertThat(d.location()).isEqualTo(EVENT + "/example:count");
        assertThat(d.problem()).isEqualTo("element missing ({http://ns.example.com/epcis}count)");
        assertThat(d.expected()).isEqualTo("<example:count xsi:type=\"xsd:integer\">12");
    }

    @Test
    void reportsAMissingExtensionInsideTheIlmd() {
        Difference d = compareWith("<cbvmda:lotNumber>ABC123</cbvmda:lotNumber>", "").orElseThrow();
        assertThat(d.location()).isEqualTo(EVENT + "/ilmd/cbvmda:lotNumber");
        assertThat(d.problem()).isEqualTo("element missing ({urn:epcglobal:cbv:mda}lotNumber)");
    }

    @Test
    void reportsAChangedAttribute() {
        Difference d = compareWith("type=\"urn:epcglobal:cbv:btt:po\"", "type=\"urn:epcglobal:cbv:btt:inv\"")
                .orElseThrow();
        assertThat(d.location()).isEqualTo(EVENT + "/bizTransactionList/bizTransaction/@type");
        assertThat(d.problem()).isEqualTo("attribute values differ");
        assertThat(d.expected()).isEqualTo("urn:epcglobal:cbv:btt:po");
        assertThat(d.actual()).isEqualTo("urn:epcglobal:cbv:btt:inv");
    }

    @Test
    void reportsAMissingExtensionAttribute() {
        Difference d = compareWith(" example:note=\"n\"", "").orElseThrow();
        assertThat(d.location()).isEqualTo(EVENT + "/sensorElementList/sensorElement/sensorMetadata/@example:note");
        assertThat(d.problem()).isEqualTo("attribute missing ({http://ns.example.com/epcis}note)");
    }

    @Test
    void reportsAnExtraListElementAtItsPosition() {
        Difference d = compareWith("<epc>urn:epc:id:sgtin:0614141.107346.2018</epc>",
                "<epc>urn:epc:id:sgtin:0614141.107346.2018</epc><epc>urn:epc:id:sgtin:0614141.107346.2019</epc>")
                .orElseThrow();
        assertThat(d.location()).isEqualTo(EVENT + "/epcList/epc[3]");
        assertThat(d.problem()).isEqualTo("unexpected element (epc)");
        assertThat(d.actual()).isEqualTo("<epc>urn:epc:id:sgtin:0614141.107346.2019");
    }

    @Test
    void reportsReorderedListElements() {
        String reordered = DOCUMENT.replace("sgtin:0614141.107346.2017", "TMP")
                .replace("sgtin:0614141.107346.2018", "sgtin:0614141.107346.2017")
                .replace("TMP", "sgtin:0614141.107346.2018");
        Difference d = comparator.compare(DOCUMENT, reordered).orElseThrow();
        assertThat(d.location()).isEqualTo(EVENT + "/epcList/epc[1]");
    }

    @Test
    void reportsAChangedType() {
        Difference d = compareWith("xsi:type=\"xsd:integer\">12", "xsi:type=\"xsd:decimal\">12").orElseThrow();
        assertThat(d.location()).isEqualTo(EVENT + "/example:count/@xsi:type");
    }

    @Test
    void reportsAChangedNamespace() {
        Difference d = compareWith("xmlns:example=\"http://ns.example.com/epcis\"",
                "xmlns:example=\"http://ns.example.com/epcis/\"").orElseThrow();
        assertThat(d.location()).isEqualTo(EVENT + "/sensorElementList/sensorElement/sensorMetadata/@example:note");
    }

    @Test
    void anUntypedValueEqualsAnXsdStringValue() {
        assertThat(compareWith("<example:myField xsi:type=\"xsd:string\">value</example:myField>",
                "<example:myField>value</example:myField>")).isEmpty();
    }

    @Test
    void theExtensionWrapperIsDissolved() {
        String unwrapped = DOCUMENT.replace("<extension>", "").replace("</extension>", "");
        assertThat(comparator.compare(DOCUMENT, unwrapped)).isEmpty();
        assertThat(comparator.compare(unwrapped, DOCUMENT)).isEmpty();
    }

    @Test
    void prefixesAndDifferentlyNamedSiblingOrderDoNotMatter() {
        String other = DOCUMENT.replace("xmlns:example=", "xmlns:ex=").replace("example:", "ex:")
                .replace("<action>OBSERVE</action>", "")
                .replace("<eventTime>", "<action>OBSERVE</action><eventTime>");
        assertThat(comparator.compare(DOCUMENT, other)).isEmpty();
    }

    @Test
    void timesNumbersAndVocabularyValuesCompareByMeaning() {
        assertThat(compareWith("<eventTime>2005-04-03T20:33:31.116-06:00</eventTime>",
                "<eventTime>2005-04-04T02:33:31.116Z</eventTime>")).isEmpty();
        assertThat(compareWith("<quantity>200</quantity>", "<quantity>200.0</quantity>")).isEmpty();
        assertThat(compareWith("value=\"26.0\"", "value=\"26\"")).isEmpty();
        assertThat(compareWith("type=\"gs1:Temperature\"", "type=\"https://gs1.org/voc/Temperature\"")).isEmpty();
        assertThat(compareWith("<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>",
                "<bizStep>https://ref.gs1.org/cbv/BizStep-shipping</bizStep>")).isEmpty();
        assertThat(compareWith("xsi:type=\"xsd:integer\">12", "xsi:type=\"xsd:integer\">012")).isEmpty();
    }

    @Test
    void changedTimesNumbersAndVocabularyValuesAreReported() {
        assertThat(compareWith("<eventTime>2005-04-03T20:33:31.116-06:00</eventTime>",
                "<eventTime>2005-04-03T20:33:31.116Z</eventTime>").orElseThrow().location())
                .isEqualTo(EVENT + "/eventTime");
        assertThat(compareWith("value=\"26.0\"", "value=\"26.1\"").orElseThrow().location())
                .isEqualTo(EVENT + "/sensorElementList/sensorElement/sensorReport/@value");
        assertThat(compareWith("<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>",
                "<bizStep>https://ref.gs1.org/cbv/BizStep-receiving</bizStep>").orElseThrow().location())
                .isEqualTo(EVENT + "/bizStep");
    }

    @Test
    void extensionContentIsComparedAsWritten() {
        Difference d = compareWith("<repeated>2</repeated>", "<repeated>2.0</repeated>").orElseThrow();
        assertThat(d.location()).isEqualTo(EVENT + "/example:userElement/repeated[2]");
    }

    @Test
    void anEmptyStandardListEqualsAnAbsentOne() {
        assertThat(compareWith("<action>OBSERVE</action>", "<action>OBSERVE</action><childEPCs/>")).isEmpty();
    }

    @Test
    void aNilStandardElementEqualsAnAbsentOneButANilExtensionDoesNot() {
        assertThat(compareWith("<quantity>200</quantity>", "")).isPresent();
        String withoutQuantity = DOCUMENT.replace("<quantity>200</quantity>", "");
        String nilQuantity = DOCUMENT.replace("<quantity>200</quantity>", "<quantity xsi:nil=\"true\"/>");
        assertThat(comparator.compare(withoutQuantity, nilQuantity)).isEmpty();
        Difference d = compareWith("<example:myField xsi:type=\"xsd:string\">value</example:myField>",
                "<example:myField xsi:nil=\"true\"/>").orElseThrow();
        assertThat(d.location()).isEqualTo(EVENT + "/example:myField/@xsi:nil");
        assertThat(d.problem()).isEqualTo("unexpected attribute ({http://www.w3.org/2001/XMLSchema-instance}nil)");
    }

    @Test
    void listsSeveralDifferencesInDocumentOrder() {
        String changed = DOCUMENT.replace("<action>OBSERVE</action>", "<action>ADD</action>")
                .replace("<repeated>2</repeated>", "");
        List<Difference> all = comparator.differences(DOCUMENT.getBytes(StandardCharsets.UTF_8),
                changed.getBytes(StandardCharsets.UTF_8), 10);
        assertThat(all).extracting(Difference::location).containsExactly(
                EVENT + "/action", EVENT + "/example:userElement/repeated[2]");
        assertThat(all.get(1).problem()).isEqualTo("element missing (repeated)");
    }

    @Test
    void rejectsMalformedXmlSayingWhere() {
        assertThatThrownBy(() -> comparator.compare(DOCUMENT, "<a>\n  <b></a>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the actual document is not well-formed XML at line 2, column");
    }

    @Test
    void neverFetchesAnExternalEntity() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <r>&x;</r>
                """;
        // The external entity is left unresolved: the element has no text, not the file's content.
        assertThat(comparator.compare("<r/>", xxe)).isEmpty();
        assertThat(comparator.compare("<r>text</r>", xxe).orElseThrow().actual()).isEqualTo("\"\"");
    }
}
