package io.tracewell.epcis.validation;

import io.tracewell.xsd.SchemaResources;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * Passes SAX events on, after checking that the root element is an EPCIS 2.0 document. A document of
 * another kind, in particular an EPCIS 1.x document, gets one clear violation instead of the schema
 * validator's "cannot find the declaration of element" and everything that follows from it.
 */
final class RootElementGuard implements ContentHandler {

    static final String EXPECTED = "an EPCIS 2.0 document: EPCISDocument in namespace "
            + SchemaResources.EPCIS_2_NAMESPACE + ", EPCISQueryDocument in " + SchemaResources.EPCIS_2_QUERY_NAMESPACE
            + " or EPCISMasterDataDocument in " + SchemaResources.EPCIS_2_MASTERDATA_NAMESPACE;

    private final ContentHandler next;
    private final ViolationCollector out;
    private final SaxPosition position;
    private boolean rootSeen;

    RootElementGuard(ContentHandler next, ViolationCollector out, SaxPosition position) {
        this.next = next;
        this.out = out;
        this.position = position;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (!rootSeen) {
            rootSeen = true;
            checkRoot(uri, localName);
        }
        next.startElement(uri, localName, qName, atts);
    }

    private void checkRoot(String uri, String localName) throws SAXException {
        boolean known = switch (localName) {
            case "EPCISDocument" -> SchemaResources.EPCIS_2_NAMESPACE.equals(uri);
            case "EPCISQueryDocument" -> SchemaResources.EPCIS_2_QUERY_NAMESPACE.equals(uri);
            case "EPCISMasterDataDocument" -> SchemaResources.EPCIS_2_MASTERDATA_NAMESPACE.equals(uri);
            default -> false;
        };
        if (known) {
            return;
        }
        String element = uri.isEmpty() ? localName : "{" + uri + "}" + localName;
        String message;
        if (uri.startsWith("urn:epcglobal:epcis") && uri.endsWith(":xsd:1")) {
            message = "root element " + element + " is in the EPCIS 1.x namespace " + uri
                    + "; this is an EPCIS 1.x document, not EPCIS 2.0";
        } else {
            message = "root element " + element + " is not an EPCIS 2.0 document";
        }
        out.add(position.get(), message, EXPECTED);
        throw new XmlAbort(message);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        position.set(locator);
        next.setDocumentLocator(locator);
    }

    @Override public void startDocument() throws SAXException { next.startDocument(); }
    @Override public void endDocument() throws SAXException { next.endDocument(); }
    @Override public void startPrefixMapping(String prefix, String uri) throws SAXException {
        next.startPrefixMapping(prefix, uri);
    }
    @Override public void endPrefixMapping(String prefix) throws SAXException { next.endPrefixMapping(prefix); }
    @Override public void endElement(String uri, String localName, String qName) throws SAXException {
        next.endElement(uri, localName, qName);
    }
    @Override public void characters(char[] ch, int start, int length) throws SAXException {
        next.characters(ch, start, length);
    }
    @Override public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        next.ignorableWhitespace(ch, start, length);
    }
    @Override public void processingInstruction(String target, String data) throws SAXException {
        next.processingInstruction(target, data);
    }
    @Override public void skippedEntity(String name) throws SAXException { next.skippedEntity(name); }
}
