package io.tracewell.epcis.validation;

import io.tracewell.xsd.SchemaResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The project's EPCIS 2.0 XML Schemas, compiled once per JVM. A {@link Schema} is immutable and
 * thread-safe; validators made from it are not and are made per document.
 */
final class XmlSchemas {

    private XmlSchemas() {
    }

    /** Core, query and master data schemas together: every EPCIS 2.0 document root. */
    static Schema epcis2() {
        return Holder.EPCIS_2;
    }

    private static final class Holder {
        static final Schema EPCIS_2 = compile(List.of(SchemaResources.EPCIS_2_XSD,
                SchemaResources.EPCIS_2_QUERY_XSD, SchemaResources.EPCIS_2_MASTERDATA_XSD));
    }

    static Schema compile(List<String> resources) {
        // The JDK's own implementation, whatever XML libraries the application has on its classpath:
        // the security properties below are the JDK's.
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(new ClasspathSchemaResolver());
            Source[] sources = new Source[resources.size()];
            for (int i = 0; i < sources.length; i++) {
                URL url = SchemaResources.url(resources.get(i));
                sources[i] = new StreamSource(url.openStream(), url.toExternalForm());
            }
            return factory.newSchema(sources);
        } catch (SAXException e) {
            throw new IllegalStateException("the bundled XML Schemas do not compile: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
