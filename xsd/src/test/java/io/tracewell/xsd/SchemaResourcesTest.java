package io.tracewell.xsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

class SchemaResourcesTest {

    @Test
    void everyNamespaceMapsToAResourceOnTheClasspath() throws Exception {
        for (String namespace : List.of(SchemaResources.EPCGLOBAL_NAMESPACE, SchemaResources.SBDH_NAMESPACE,
                SchemaResources.EPCIS_2_NAMESPACE, SchemaResources.EPCIS_2_QUERY_NAMESPACE,
                SchemaResources.EPCIS_2_MASTERDATA_NAMESPACE, SchemaResources.EPCIS_1_2_NAMESPACE)) {
            String resource = SchemaResources.xmlSchemaFor(namespace).orElseThrow();
            try (InputStream in = SchemaResources.url(resource).openStream()) {
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("targetNamespace=\"" + namespace + "\"");
            }
        }
        assertThat(SchemaResources.xmlSchemaFor("urn:epcglobal:epcis-query:xsd:1")).isEmpty();
    }

    @Test
    void theXmlSchemasCompileFromTheClasspathWithoutNetworkAccess() throws Exception {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        // Relative imports resolve inside the jar or directory; any other location would be refused.
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file");
        List<Source> sources = new ArrayList<>();
        for (String resource : List.of(SchemaResources.EPCIS_2_XSD, SchemaResources.EPCIS_2_QUERY_XSD,
                SchemaResources.EPCIS_2_MASTERDATA_XSD)) {
            URL url = SchemaResources.url(resource);
            sources.add(new StreamSource(url.openStream(), url.toExternalForm()));
        }
        Schema schema = factory.newSchema(sources.toArray(Source[]::new));
        assertThat(schema.newValidator()).isNotNull();
    }

    /**
     * A small EPCIS 1.2 document in the shape DSCSA partners exchange: SBDH, master data and a foreign element in the
     * header; an ObjectEvent whose 1.1/1.2 fields sit in its extension elements; a TransformationEvent inside the
     * event list's extension.
     */
    private static final String EPCIS_1_2_DOCUMENT = """
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1"
                xmlns:sbdh="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader"
                xmlns:cbvmda="urn:epcglobal:cbv:mda" xmlns:ushc="http://epcis.gs1us.org/hc/ns"
                schemaVersion="1.2" creationDate="2024-05-01T08:15:30Z">
              <EPCISHeader>
                <sbdh:StandardBusinessDocumentHeader>
                  <sbdh:HeaderVersion>1.0</sbdh:HeaderVersion>
                  <sbdh:Sender><sbdh:Identifier Authority="SGLN">urn:epc:id:sgln:0614141.00000.0</sbdh:Identifier></sbdh:Sender>
                  <sbdh:Receiver><sbdh:Identifier Authority="SGLN">urn:epc:id:sgln:0012345.00000.0</sbdh:Identifier></sbdh:Receiver>
                  <sbdh:DocumentIdentification>
                    <sbdh:Standard>EPCglobal</sbdh:Standard>
                    <sbdh:TypeVersion>1.0</sbdh:TypeVersion>
                    <sbdh:InstanceIdentifier>1</sbdh:InstanceIdentifier>
                    <sbdh:Type>Events</sbdh:Type>
                    <sbdh:CreationDateAndTime>2024-05-01T08:15:30Z</sbdh:CreationDateAndTime>
                  </sbdh:DocumentIdentification>
                </sbdh:StandardBusinessDocumentHeader>
                <extension>
                  <EPCISMasterData>
                    <VocabularyList>
                      <Vocabulary type="urn:epcglobal:epcis:vtype:Location">
                        <VocabularyElementList>
                          <VocabularyElement id="urn:epc:id:sgln:0614141.00000.0">
                            <attribute id="urn:epcglobal:cbv:mda#name">Plant</attribute>
                          </VocabularyElement>
                        </VocabularyElementList>
                      </Vocabulary>
                    </VocabularyList>
                  </EPCISMasterData>
                </extension>
                <ushc:dscsaTransactionStatement>
                  <ushc:affirmTransactionStatement>true</ushc:affirmTransactionStatement>
                </ushc:dscsaTransactionStatement>
              </EPCISHeader>
              <EPCISBody>
                <EventList>
                  <ObjectEvent>
                    <eventTime>2024-05-01T08:00:00.000Z</eventTime>
                    <eventTimeZoneOffset>+02:00</eventTimeZoneOffset>
                    <baseExtension><eventID>urn:uuid:00000000-0000-4000-8000-000000000001</eventID></baseExtension>
                    <epcList><epc>urn:epc:id:sgtin:0614141.107346.2017</epc></epcList>
                    <action>ADD</action>
                    <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>
                    <extension>
                      <ilmd><cbvmda:lotNumber>LOT1</cbvmda:lotNumber></ilmd>
                    </extension>
                  </ObjectEvent>
                  <extension>
                    <TransformationEvent>
                      <eventTime>2024-05-01T09:00:00Z</eventTime>
                      <eventTimeZoneOffset>+02:00</eventTimeZoneOffset>
                      <inputEPCList><epc>urn:epc:id:sgtin:0614141.107346.2017</epc></inputEPCList>
                      <outputEPCList><epc>urn:epc:id:sgtin:0614141.107346.2018</epc></outputEPCList>
                    </TransformationEvent>
                  </extension>
                </EventList>
              </EPCISBody>
            </epcis:EPCISDocument>
            """;

    private static Schema epcis12() throws Exception {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file");
        URL url = SchemaResources.url(SchemaResources.EPCIS_1_2_XSD);
        return factory.newSchema(new StreamSource(url.openStream(), url.toExternalForm()));
    }

    private static void validate(Schema schema, String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void theEpcis12SchemaCompilesAndAcceptsADocumentInThe12Layout() throws Exception {
        validate(epcis12(), EPCIS_1_2_DOCUMENT);
    }

    /**
     * Changes that turn the valid document into one 1.2 does not allow: a regular expression to replace once, its
     * replacement, and what the schema's message must name.
     */
    static Stream<Arguments> changesThat12DoesNotAllow() {
        return Stream.of(
                // EPCIS 2.0 puts eventID directly in the event; 1.2 only inside baseExtension
                Arguments.of("<baseExtension>(<eventID>.*?</eventID>)</baseExtension>", "$1", "eventID"),
                // a TransformationEvent directly in the event list is 2.0
                Arguments.of("<extension>\\s*(<TransformationEvent>)", "$1", "TransformationEvent"),
                // the ILMD of an ObjectEvent belongs inside its extension element
                Arguments.of("<extension>\\s*(<ilmd>.*?</ilmd>)\\s*</extension>", "$1", "ilmd"),
                // 1.2 has no AssociationEvent
                Arguments.of("<ObjectEvent>", "<AssociationEvent>", "AssociationEvent"),
                // the header of 1.2 always starts with an SBDH
                Arguments.of("(?s)<sbdh:StandardBusinessDocumentHeader>.*</sbdh:StandardBusinessDocumentHeader>", "",
                        "StandardBusinessDocumentHeader}' is expected"),
                // certificationInfo is EPCIS 2.0 only
                Arguments.of("<action>ADD</action>", "<action>ADD</action><certificationInfo>urn:x</certificationInfo>",
                        "certificationInfo"),
                // the time zone offset needs a sign
                Arguments.of("<eventTimeZoneOffset>\\+02:00</eventTimeZoneOffset>",
                        "<eventTimeZoneOffset>02:00</eventTimeZoneOffset>", "02:00"),
                // user extensions must be namespaced
                Arguments.of("(?s)<ushc:dscsaTransactionStatement>.*</ushc:dscsaTransactionStatement>",
                        "<dscsaTransactionStatement/>", "dscsaTransactionStatement"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("changesThat12DoesNotAllow")
    void theEpcis12SchemaRejectsWhat12DoesNotAllow(String regex, String replacement, String named) throws Exception {
        String wrong = EPCIS_1_2_DOCUMENT.replaceFirst(regex, replacement);
        assertThat(wrong).as("the change applies").isNotEqualTo(EPCIS_1_2_DOCUMENT);
        Schema schema = epcis12();
        assertThatThrownBy(() -> validate(schema, wrong))
                .isInstanceOf(SAXException.class)
                .hasMessageContaining(named);
    }

    @Test
    void aMissingResourceIsReportedByName() {
        assertThatThrownBy(() -> SchemaResources.url("io/tracewell/xsd/nope.xsd"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io/tracewell/xsd/nope.xsd");
    }
}
