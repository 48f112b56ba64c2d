package io.tracewell.epcis.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EPCIS 1.2 document validator: the project's 1.2 schema, with locations and what was expected. */
class Epcis12DocumentValidatorTest {
    private static final String SBDH = """
                <sbdh:StandardBusinessDocumentHeader>
                  <sbdh:HeaderVersion>1.0</sbdh:HeaderVersion>
                  <sbdh:Sender><sbdh:Identifier Authority="SGLN">urn:epc:id:sgln:0614141.00000.0</sbdh:Identifier></sbdh:Sender>
                  <sbdh:Receiver><sbdh:Identifier Authority="SGLN">urn:epc:id:sgln:0012345.00000.0</sbdh:Identifier></sbdh:Receiver>
                  <sbdh:DocumentIdentification>
                    <sbdh:Standard>EPCglobal</sbdh:Standard>
                    <sbdh:TypeVersion>1.0</sbdh:TypeVersion>
                    <sbdh:InstanceIdentifier>4f1c2a9e-7b3d-4e55-9a61-0c2d9e8f7a10</sbdh:InstanceIdentifier>
                    <sbdh:Type>Events</sbdh:Type>
                    <sbdh:CreationDateAndTime>2024-05-01T12:15:30.000Z</sbdh:CreationDateAndTime>
                  </sbdh:DocumentIdentification>
                </sbdh:StandardBusinessDocumentHeader>
            """;

    private static final String VALID = """
            <?xml version="1.0" encoding="UTF-8"?>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1"
                xmlns:sbdh="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader"
                xmlns:gs1ushc="http://epcis.gs1us.org/hc/ns"
                schemaVersion="1.2" creationDate="2024-05-01T12:15:30.000Z">
              <EPCISHeader>
            """ + SBDH + """
                <gs1ushc:dscsaTransactionStatement>
                  <gs1ushc:affirmTransactionStatement>true</gs1ushc:affirmTransactionStatement>
                </gs1ushc:dscsaTransactionStatement>
              </EPCISHeader>
              <EPCISBody>
                <EventList>
                  <ObjectEvent>
                    <eventTime>2024-05-01T08:00:00.000-04:00</eventTime>
                    <eventTimeZoneOffset>-04:00</eventTimeZoneOffset>
                    <baseExtension><eventID>urn:uuid:7d2c1e40-0001-4000-8000-00000000c003</eventID></baseExtension>
                    <epcList><epc>urn:epc:id:sscc:0614141.0000000042</epc></epcList>
                    <action>OBSERVE</action>
                    <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>
                    <extension>
                      <sourceList>
                        <source type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:sgln:0614141.00000.0</source>
                      </sourceList>
                    </extension>
                  </ObjectEvent>
                  <QuantityEvent>
                    <eventTime>2024-05-01T08:00:00.000-04:00</eventTime>
                    <eventTimeZoneOffset>-04:00</eventTimeZoneOffset>
                    <epcClass>urn:epc:idpat:sgtin:0614141.010734.*</epcClass>
                    <quantity>12</quantity>
                  </QuantityEvent>
                </EventList>
              </EPCISBody>
            </epcis:EPCISDocument>
            """;

    private static List<Violation> validate(String xml) {
        return Epcis12DocumentValidator.create()
                .validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static int lineOf(String xml, String marker) {
        int at = xml.indexOf(marker);
        assertThat(at).as("marker %s", marker).isNotNegative();
        return (int) xml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String replaced(String target, String replacement) {
        assertThat(VALID).contains(target);
        return VALID.replace(target, replacement);
    }

    @Test
    void aValidDocumentHasNoViolations() {
        assertThat(validate(VALID)).isEmpty();
    }

    @Test
    void anEventIdOutsideBaseExtensionIsAViolationAtItsLine() {
        String xml = replaced("<baseExtension><eventID>urn:uuid:7d2c1e40-0001-4000-8000-00000000c003</eventID>"
                + "</baseExtension>", "<eventID>urn:uuid:7d2c1e40-0001-4000-8000-00000000c003</eventID>");
        List<Violation> violations = validate(xml);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location().line()).isEqualTo(lineOf(xml, "<eventID>"));
            assertThat(v.message()).isEqualTo("unexpected element 'eventID'");
            assertThat(v.expected()).contains("baseExtension", "epcList");
        });
    }

    @Test
    void everyViolationIsReportedInDocumentOrder() {
        String xml = replaced("<eventTimeZoneOffset>-04:00</eventTimeZoneOffset>\n        <baseExtension>",
                "<eventTimeZoneOffset>EDT</eventTimeZoneOffset>\n        <baseExtension>")
                .replace("<quantity>12</quantity>", "<quantity>twelve</quantity>");
        List<Violation> violations = validate(xml);
        assertThat(violations).hasSize(2);
        assertThat(violations.get(0).location().line()).isEqualTo(lineOf(xml, ">EDT<"));
        assertThat(violations.get(0).message()).contains("EDT", "eventTimeZoneOffset");
        assertThat(violations.get(0).expected()).contains("[+-]HH:MM");
        assertThat(violations.get(1).location().line()).isEqualTo(lineOf(xml, ">twelve<"));
        assertThat(violations.get(1).message()).contains("twelve", "quantity");
    }

    @Test
    void aHeaderWithoutSbdhIsAViolation() {
        String xml = VALID.replace(SBDH, "");
        assertThat(xml).isNotEqualTo(VALID);
        List<Violation> violations = validate(xml);
        assertThat(violations).isNotEmpty();
        assertThat(violations.get(0).location().line()).isEqualTo(lineOf(xml, "<gs1ushc:dscsaTransactionStatement>"));
        assertThat(violations.get(0).expected()).contains("StandardBusinessDocumentHeader");
    }

    @Test
    void anEpcis20DocumentGetsOneViolationThatSaysWhatItIs() {
        String xml = VALID.replace("urn:epcglobal:epcis:xsd:1", "urn:epcglobal:epcis:xsd:2");
        List<Violation> violations = validate(xml);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location().line()).isEqualTo(lineOf(xml, "schemaVersion"));
            assertThat(v.message()).contains("EPCIS 2.0 document, not EPCIS 1.2");
            assertThat(v.expected()).contains("urn:epcglobal:epcis:xsd:1");
        });
    }

    @Test
    void aDtdThatDeclaresAnEntityEndsTheRunBeforeExpansion() {
        String xml = VALID.replaceFirst("\n", "\n<!DOCTYPE epcis:EPCISDocument [<!ENTITY x \"x\">]>\n");
        List<Violation> violations = validate(xml);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.message()).startsWith("DTD refused");
            assertThat(v.location().line()).isEqualTo(2);
        });
    }

    @Test
    void malformedXmlIsOneViolationAtItsPlace() {
        String xml = replaced("</bizStep>", "</bizstep>");
        List<Violation> violations = validate(xml);
        assertThat(violations).last().satisfies(v -> {
            assertThat(v.message()).startsWith("malformed XML");
            assertThat(v.location().line()).isEqualTo(lineOf(xml, "</bizstep>"));
        });
    }

    @Test
    void theLimitCutsTheReportShort() {
        String events = VALID.substring(VALID.indexOf("<ObjectEvent>"), VALID.indexOf("<QuantityEvent>"))
                .replace("<action>OBSERVE</action>", "<action>LOOK</action>");
        String xml = VALID.replace("<QuantityEvent>", events.repeat(5) + "<QuantityEvent>");
        List<Violation> violations = Epcis12DocumentValidator.withMaxViolations(3).validate(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(violations).hasSize(4);
        assertThat(violations.get(3).message()).contains("stopped after 3 violations");
        assertThatThrownBy(() -> Epcis12DocumentValidator.withMaxViolations(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStreamIsLeftOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThat(Epcis12DocumentValidator.create().validate(in)).isEmpty();
        assertThat(closed[0]).isFalse();
        in.close();
    }
}
