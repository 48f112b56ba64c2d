package io.tracewell.epcis.validation;

import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.xsd.SchemaResources;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Validates an EPCIS 1.2 XML document (namespace {@code urn:epcglobal:epcis:xsd:1}, as DSCSA trading partners send
 * it) against the project's EPCIS 1.2 schema ({@link SchemaResources#EPCIS_1_2_XSD}), before
 * {@code io.tracewell.epcis.format.xml12.Epcis12XmlReader} reads it, and reports every violation with its line,
 * column and what was expected.
 *
 * <p>The pipeline is the one {@link DocumentValidator} uses for EPCIS 2.0 XML, in one streaming pass with flat
 * memory: a SAX parser without DTDs or anything external (a DTD that declares anything ends the run with one
 * violation), a check that the root is an EPCIS 1.2 {@code EPCISDocument} (an EPCIS 2.0 document gets one clear
 * violation), then the XML Schema validator. Only the schema is checked: the rules of the standard that the 2.0
 * validator checks in code (e.g. ILMD only with action ADD) are not checked for 1.2.
 *
 * <p>The schema is compiled once per JVM; an instance holds no state between calls and may be shared. The stream is
 * read to the end of the document (or of the first syntax error) and is not closed.
 */
public final class Epcis12DocumentValidator {
    private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
    private static final String DECLARATION_HANDLER = "http://xml.org/sax/properties/declaration-handler";
    private static final String XERCES_LOCALE = "http://apache.org/xml/properties/locale";
    private static final String ROOT_EXPECTED = "an EPCIS 1.2 document: EPCISDocument in namespace "
            + SchemaResources.EPCIS_1_2_NAMESPACE;
    private static final String SCHEMA_EXPECTED = "content valid against the EPCIS 1.2 XML schema (epcis-1.2.xsd,"
            + " docs/schemas.md)";

    private static final Epcis12DocumentValidator SHARED =
            new Epcis12DocumentValidator(DocumentValidator.DEFAULT_MAX_VIOLATIONS);

    private final int maxViolations;

    private Epcis12DocumentValidator(int maxViolations) {
        if (maxViolations < 1) {
            throw new IllegalArgumentException("maxViolations must be positive: " + maxViolations);
        }
        this.maxViolations = maxViolations;
    }

    /** A validator with the default violation limit ({@link DocumentValidator#DEFAULT_MAX_VIOLATIONS}). */
    public static Epcis12DocumentValidator create() {
        return SHARED;
    }

    /** A validator that stops after {@code maxViolations} violations (and says so in a last violation). */
    public static Epcis12DocumentValidator withMaxViolations(int maxViolations) {
        return new Epcis12DocumentValidator(maxViolations);
    }

    /** The violations of the document, in document order; empty when it is valid. Never throws for bad input. */
    public List<Violation> validate(InputStream in) {
        Objects.requireNonNull(in, "in");
        ViolationCollector out = new ViolationCollector(maxViolations);
        InputStream unclosable = new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller owns the stream
            }
        };
        try {
            run(unclosable, out);
        } catch (ViolationCollector.LimitReached e) {
            // the collector records that the report is cut short
        }
        out.sortByPosition();
        return out.result();
    }

    private static void run(InputStream in, ViolationCollector out) {
        SaxPosition position = new SaxPosition();
        SchemaErrors schemaErrors = new SchemaErrors(out, position);
        try {
            XMLReader parser = newParser();
            DtdGuard dtdGuard = new DtdGuard(out, position);
            parser.setProperty(LEXICAL_HANDLER, dtdGuard);
            parser.setProperty(DECLARATION_HANDLER, dtdGuard);
            RootGuard root = new RootGuard(parser, out, position);
            // The filter installs itself as the parser's handlers and passes these on.
            root.setDTDHandler(dtdGuard);
            root.setEntityResolver(dtdGuard);
            root.setContentHandler(newValidatorHandler(schemaErrors));
            root.setErrorHandler(schemaErrors);
            root.parse(new InputSource(in));
            schemaErrors.flush();
        } catch (XmlAbort e) {
            // the reason is already a violation
        } catch (SAXParseException e) {
            schemaErrors.flush();
            out.add(Locations.lineColumn(e.getLineNumber(), e.getColumnNumber()), "malformed XML: " + e.getMessage(),
                    "well-formed XML 1.0");
        } catch (SAXException e) {
            if (e.getException() instanceof ViolationCollector.LimitReached limit) {
                throw limit;
            }
            schemaErrors.flush();
            out.add(position.get(), "XML could not be read: " + e.getMessage(), "well-formed XML 1.0");
        } catch (IOException e) {
            out.add(position.get(), "the document could not be read: " + e.getMessage(), "a readable XML document");
        }
    }

    private static XMLReader newParser() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader parser = factory.newSAXParser().getXMLReader();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            try {
                parser.setProperty(XERCES_LOCALE, Locale.ENGLISH);
            } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
                // messages then follow the default locale
            }
            return parser;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required feature", e);
        }
    }

    private static ValidatorHandler newValidatorHandler(ErrorHandler errors) throws SAXException {
        ValidatorHandler validator = Holder.SCHEMA.newValidatorHandler();
        validator.setErrorHandler(errors);
        // A document cannot pull in schemas of its own (xsi:schemaLocation): nothing is loaded.
        validator.setResourceResolver(new ClasspathSchemaResolver());
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            validator.setProperty(XERCES_LOCALE, Locale.ENGLISH);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // messages then follow the default locale
        }
        return validator;
    }

    /** The project's EPCIS 1.2 schema with its imports (EPCglobal base, SBDH), compiled on first use. */
    private static final class Holder {
        static final Schema SCHEMA = XmlSchemas.compile(List.of(SchemaResources.EPCIS_1_2_XSD));
    }

    /**
     * Passes the parser's events on after checking that the root is an EPCIS 1.2 document, so that another document
     * gets one violation that says what it is instead of everything the schema validator would report.
     */
    private static final class RootGuard extends XMLFilterImpl {
        private final ViolationCollector out;
        private final SaxPosition position;
        private boolean rootSeen;

        RootGuard(XMLReader parent, ViolationCollector out, SaxPosition position) {
            super(parent);
            this.out = out;
            this.position = position;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            position.set(locator);
            super.setDocumentLocator(locator);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (!rootSeen) {
                rootSeen = true;
                if (!(SchemaResources.EPCIS_1_2_NAMESPACE.equals(uri) && localName.equals("EPCISDocument"))) {
                    String element = uri.isEmpty() ? localName : "{" + uri + "}" + localName;
                    String message = uri.equals(SchemaResources.EPCIS_2_NAMESPACE)
                            || uri.equals(SchemaResources.EPCIS_2_QUERY_NAMESPACE)
                            ? "root element " + element + " is in an EPCIS 2.0 namespace; this is an EPCIS 2.0"
                                    + " document, not EPCIS 1.2"
                            : "root element " + element + " is not an EPCIS 1.2 document";
                    out.add(position.get(), message, ROOT_EXPECTED);
                    throw new XmlAbort(message);
                }
            }
            super.startElement(uri, localName, qName, atts);
        }
    }

    /**
     * Collects schema errors, merging the two the validator reports for a broken value (the facet it breaks, then
     * the element or attribute that holds it) into one, as the EPCIS 2.0 validator does.
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
            // warnings do not make a document invalid
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
            // The shared translations fall back to the 2.0 schema; here the schema is the 1.2 one.
            String expected = translation.expected().contains("EPCIS 2.0 XML schema") ? SCHEMA_EXPECTED
                    : translation.expected();
            out.add(where, translation.message(), expected);
        }
    }
}
