package io.tracewell.xsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

class SchemaResourcesTest {

    @Test
    void everyNamespaceMapsToAResourceOnTheClasspath() throws Exception {
        for (String namespace : List.of(SchemaResources.EPCGLOBAL_NAMESPACE, SchemaResources.SBDH_NAMESPACE,
                SchemaResources.EPCIS_2_NAMESPACE, SchemaResources.EPCIS_2_QUERY_NAMESPACE,
                SchemaResources.EPCIS_2_MASTERDATA_NAMESPACE)) {
            String resource = SchemaResources.xmlSchemaFor(namespace).orElseThrow();
            try (InputStream in = SchemaResources.url(resource).openStream()) {
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("targetNamespace=\"" + namespace + "\"");
            }
        }
        assertThat(SchemaResources.xmlSchemaFor("urn:epcglobal:epcis:xsd:1")).isEmpty();
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

    @Test
    void aMissingResourceIsReportedByName() {
        assertThatThrownBy(() -> SchemaResources.url("io/tracewell/xsd/nope.xsd"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io/tracewell/xsd/nope.xsd");
    }
}
