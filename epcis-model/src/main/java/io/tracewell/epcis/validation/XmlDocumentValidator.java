package io.tracewell.epcis.validation;

import io.tracewell.epcis.format.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates an XML document in one streaming pass:
 *
 * <pre>
 * SAX parser (no DTD, no external anything) ─► root element check ─► XML Schema validation ─► XmlEventRules
 * </pre>
 *
 * Memory stays flat whatever the size of the document. Every schema error is collected; a syntax error
 * (the document is not well-formed) ends the run, since nothing after it can be read reliably.
 */
final class XmlDocumentValidator {

    private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
    private static final String DECLARATION_HANDLER = "http://xml.org/sax/properties/declaration-handler";
    private static final String XERCES_LOCALE = "http://apache.org/xml/properties/locale";

    private final Schema schema;

    XmlDocumentValidator(Schema schema) {
        this.schema = schema;
    }

    void validate(InputStream in, ViolationCollector out) {
        SaxPosition position = new SaxPosition();
        SchemaErrors schemaErrors = new SchemaErrors(out, position);
        try {
            XMLReader reader = newReader();
            DtdGuard dtdGuard = new DtdGuard(out, position);
            reader.setProperty(LEXICAL_HANDLER, dtdGuard);
            reader.setProperty(DECLARATION_HANDLER, dtdGuard);
            reader.setDTDHandler(dtdGuard);
            reader.setEntityResolver(dtdGuard);

            ValidatorHandler validator = newValidatorHandler(schemaErrors);
            validator.setContentHandler(new XmlEventRules(out, position));
            reader.setContentHandler(new RootElementGuard(validator, out, position));
            reader.setErrorHandler(schemaErrors);
            reader.parse(new InputSource(in));
            schemaErrors.flush();
        } catch (XmlAbort e) {
            // The reason is already a violation.
        } catch (SAXParseException e) {
            schemaErrors.flush();
            out.add(Locations.lineColumn(e.getLineNumber(), e.getColumnNumber()),
                    "malformed XML: " + e.getMessage(), "well-formed XML 1.0");
        } catch (SAXException e) {
            if (e.getException() instanceof ViolationCollector.LimitReached limit) {
                throw limit;
            }
            schemaErrors.flush();
            out.add(position.get(), "XML could not be read: " + e.getMessage(), "well-formed XML 1.0");
        } catch (IOException e) {
            out.add(position.get(), "the document could not be read: " + e.getMessage(),
                    "a readable XML document");
        }
    }

    private static XMLReader newReader() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            setIfSupported(reader, XERCES_LOCALE, Locale.ENGLISH);
            return reader;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required feature", e);
        }
    }

    private ValidatorHandler newValidatorHandler(ErrorHandler errors) throws SAXException {
        ValidatorHandler validator = schema.newValidatorHandler();
        validator.setErrorHandler(errors);
        // Documents cannot pull in schemas of their own (xsi:schemaLocation): the compiled schemas are all
        // there is, and nothing is loaded.
        validator.setResourceResolver(new ClasspathSchemaResolver());
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            validator.setProperty(XERCES_LOCALE, Locale.ENGLISH);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // Messages then follow the default locale; their translation falls back to the raw text.
        }
        return validator;
    }

    private static void setIfSupported(XMLReader reader, String property, Object value) {
        try {
            reader.setProperty(property, value);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // Optional.
        }
    }

    /**
     * Collects schema errors. The validator reports a broken value twice: once for the facet it breaks
     * ("does not match pattern ... for type TimeZoneOffset") and once for the element or attribute that
     * holds it; the two become one violation that names both the holder and what the facet expects.
     */
    private static final class SchemaErrors implements ErrorHandler {
        private final ViolationCollector out;
        private final SaxPosition position;
        private SAXParseException pendingFacet;

        SchemaErrors(ViolationCollector out, SaxPosition position) {
            this.out = out;
            this.position = position;
        }

        @Override
        public void warning(SAXParseException e) {
            // Warnings (e.g. a schemaLocation hint that is not followed) do not make a document invalid.
        }

        @Override
        public void error(SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (XercesMessages.isValueFacet(message)) {
                flush();
                pendingFacet = e;
                return;
            }
            if (pendingFacet != null && XercesMessages.isValueHolder(message)) {
                report(e, XercesMessages.merge(pendingFacet.getMessage(), message));
                pendingFacet = null;
                return;
            }
            flush();
            report(e, XercesMessages.translate(message));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        void flush() {
            if (pendingFacet != null) {
                SAXParseException facet = pendingFacet;
                pendingFacet = null;
                report(facet, XercesMessages.translate(String.valueOf(facet.getMessage())));
            }
        }

        private void report(SAXParseException e, XercesMessages.Translation translation) {
            SourceLocation where = e.getLineNumber() > 0
                    ? Locations.lineColumn(e.getLineNumber(), e.getColumnNumber())
                    : position.get();
            out.add(where, translation.message(), translation.expected());
        }
    }
}
