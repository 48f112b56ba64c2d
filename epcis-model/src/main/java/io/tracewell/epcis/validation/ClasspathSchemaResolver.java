package io.tracewell.epcis.validation;

import io.tracewell.xsd.SchemaResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Resolves schema imports by namespace to the schemas of the {@code xsd} module on the classpath, and
 * nothing else: a schema location is never opened, so compiling or using a schema cannot reach the
 * network or the file system. An import of any other namespace fails.
 */
final class ClasspathSchemaResolver implements LSResourceResolver {

    @Override
    public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId,
            String baseUri) {
        if (!XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(type)) {
            throw new IllegalArgumentException("refusing to load " + type + " resource " + systemId);
        }
        String resource = SchemaResources.xmlSchemaFor(namespaceUri).orElseThrow(() ->
                new IllegalArgumentException("no local schema for namespace " + namespaceUri
                        + " (location " + systemId + "); schemas are never fetched"));
        URL url = SchemaResources.url(resource);
        try {
            return new ResourceInput(url.openStream(), url.toExternalForm(), publicId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + resource, e);
        }
    }

    /** An {@link LSInput} over a byte stream. */
    private static final class ResourceInput implements LSInput {
        private InputStream byteStream;
        private String systemId;
        private String publicId;
        private String baseUri;
        private String encoding;

        ResourceInput(InputStream byteStream, String systemId, String publicId) {
            this.byteStream = byteStream;
            this.systemId = systemId;
            this.publicId = publicId;
        }

        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public InputStream getByteStream() { return byteStream; }
        @Override public void setByteStream(InputStream byteStream) { this.byteStream = byteStream; }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { this.systemId = systemId; }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String publicId) { this.publicId = publicId; }
        @Override public String getBaseURI() { return baseUri; }
        @Override public void setBaseURI(String baseUri) { this.baseUri = baseUri; }
        @Override public String getEncoding() { return encoding; }
        @Override public void setEncoding(String encoding) { this.encoding = encoding; }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
