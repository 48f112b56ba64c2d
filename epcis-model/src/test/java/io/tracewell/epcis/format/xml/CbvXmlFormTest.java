package io.tracewell.epcis.format.xml;

import static io.tracewell.epcis.format.xml.XmlTestSupport.read;
import static io.tracewell.epcis.format.xml.XmlTestSupport.text;
import static io.tracewell.epcis.format.xml.XmlTestSupport.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.model.EpcisEvent;
import java.io.ByteArrayOutputStream;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The writer's choice between URN and Web URI spelling of CBV values (GS1-CBV-XML-Format of the REST binding). */
class CbvXmlFormTest {
    private static final String EVENT = """
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                creationDate="2024-05-01T08:15:30Z">
              <EPCISBody><EventList>
                <ObjectEvent>
                  <eventTime>2024-05-01T08:15:30Z</eventTime>
                  <eventTimeZoneOffset>+02:00</eventTimeZoneOffset>
                  <errorDeclaration>
                    <declarationTime>2024-05-02T08:00:00Z</declarationTime>
                    <reason>https://ref.gs1.org/cbv/ER-incorrect_data</reason>
                  </errorDeclaration>
                  <epcList><epc>urn:epc:id:sgtin:4012345.011111.1</epc></epcList>
                  <action>OBSERVE</action>
                  <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>
                  <disposition>https://ref.gs1.org/cbv/Disp-in_transit</disposition>
                  <bizTransactionList>
                    <bizTransaction type="urn:epcglobal:cbv:btt:po">urn:epcglobal:cbv:bt:4012345000009:1</bizTransaction>
                    <bizTransaction type="urn:example:btt:custom">urn:example:bt:2</bizTransaction>
                  </bizTransactionList>
                  <sourceList>
                    <source type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:pgln:4012345.00000</source>
                  </sourceList>
                  <sensorElementList><sensorElement>
                    <sensorReport type="gs1:Temperature" value="4.5" uom="CEL" component="cbv:Comp-northing"
                        exception="gs1:ALARM_CONDITION"/>
                  </sensorElement></sensorElementList>
                  <persistentDisposition><set>urn:epcglobal:cbv:disp:active</set></persistentDisposition>
                </ObjectEvent>
              </EventList></EPCISBody>
            </epcis:EPCISDocument>
            """;

    private static Schema schema;

    @BeforeAll
    static void compileSchema() {
        schema = XmlTestSupport.projectSchema();
    }

    private static String write(CbvXmlForm form) {
        EpcisDocument document = read(EVENT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmlEventWriter writer = new XmlEventWriter(out, true, form)) {
            writer.begin(document.header());
            for (EpcisEvent e : document.events()) {
                writer.write(e);
            }
            writer.end();
        }
        byte[] xml = out.toByteArray();
        assertThat(validate(schema, xml)).as("schema validation of the %s output", form).isNull();
        assertThat(read(xml).events()).as("the %s output reads back as the same event", form)
                .isEqualTo(document.events());
        return text(xml);
    }

    @Test
    void urnFormWritesEveryCbvValueWithAUrnAsUrn() {
        String xml = write(CbvXmlForm.URN);
        assertThat(xml)
                .contains("<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>")
                .contains("<disposition>urn:epcglobal:cbv:disp:in_transit</disposition>")
                .contains("<reason>urn:epcglobal:cbv:er:incorrect_data</reason>")
                .contains("type=\"urn:epcglobal:cbv:btt:po\"")
                .contains("type=\"urn:example:btt:custom\"")
                .contains("type=\"urn:epcglobal:cbv:sdt:owning_party\"")
                .contains("<set>urn:epcglobal:cbv:disp:active</set>")
                .contains("type=\"gs1:Temperature\"")
                .contains("component=\"cbv:Comp-northing\"")
                .doesNotContain("https://ref.gs1.org/cbv/");
    }

    @Test
    void webUriFormWritesEveryStandardTermAsWebUri() {
        String xml = write(CbvXmlForm.WEB_URI);
        assertThat(xml)
                .contains("<bizStep>https://ref.gs1.org/cbv/BizStep-shipping</bizStep>")
                .contains("<disposition>https://ref.gs1.org/cbv/Disp-in_transit</disposition>")
                .contains("<reason>https://ref.gs1.org/cbv/ER-incorrect_data</reason>")
                .contains("type=\"https://ref.gs1.org/cbv/BTT-po\"")
                .contains("type=\"urn:example:btt:custom\"")
                .contains("type=\"https://ref.gs1.org/cbv/SDT-owning_party\"")
                .contains("<set>https://ref.gs1.org/cbv/Disp-active</set>")
                .contains("type=\"https://gs1.org/voc/Temperature\"")
                .contains("component=\"https://ref.gs1.org/cbv/Comp-northing\"")
                .contains("exception=\"https://gs1.org/voc/ALARM_CONDITION\"")
                .doesNotContain("urn:epcglobal:cbv:bizstep", "urn:epcglobal:cbv:disp", "urn:epcglobal:cbv:er",
                        "urn:epcglobal:cbv:btt", "urn:epcglobal:cbv:sdt");
    }

    @Test
    void theOneArgumentConstructorsKeepTheUrnForm() {
        EpcisDocument document = read(EVENT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmlEventWriter writer = new XmlEventWriter(out, true)) {
            writer.begin(document.header());
            writer.write(document.events().get(0));
            writer.end();
        }
        assertThat(text(out.toByteArray())).isEqualTo(write(CbvXmlForm.URN));
    }
}
