package io.tracewell.epcis.validation;

import io.tracewell.epcis.format.SourceLocation;
import java.util.function.Supplier;
import org.xml.sax.DTDHandler;
import org.xml.sax.EntityResolver;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.ext.LexicalHandler;

/**
 * Stops the parse at the first thing a DTD could do: name an external DTD, or declare an element,
 * attribute, entity or notation. That rules out external entity injection (XXE), entity expansion
 * ("billion laughs") and any fetch, before any entity is expanded.
 *
 * <p>A bare {@code <!DOCTYPE name>} declares nothing and is let through: GS1's own EPCIS 2.0 examples
 * carry one ({@code <!DOCTYPE project>}).
 */
final class DtdGuard implements LexicalHandler, DeclHandler, DTDHandler, EntityResolver {

    static final String EXPECTED = "an XML document without a DTD (at most a bare <!DOCTYPE name>, without"
            + " an internal subset or an external identifier); DTDs are refused to prevent external entity"
            + " and entity expansion attacks";

    private final ViolationCollector out;
    private final Supplier<SourceLocation> position;

    DtdGuard(ViolationCollector out, Supplier<SourceLocation> position) {
        this.out = out;
        this.position = position;
    }

    @Override
    public void startDTD(String name, String publicId, String systemId) throws SAXException {
        if (publicId != null || systemId != null) {
            refuse("the document type declaration refers to an external DTD ("
                    + (systemId != null ? systemId : publicId) + ")");
        }
    }

    @Override
    public void internalEntityDecl(String name, String value) throws SAXException {
        refuse("the DTD declares entity '" + name + "'");
    }

    @Override
    public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
        refuse("the DTD declares external entity '" + name + "' (" + systemId + ")");
    }

    @Override
    public void elementDecl(String name, String model) throws SAXException {
        refuse("the DTD declares element '" + name + "'");
    }

    @Override
    public void attributeDecl(String element, String attribute, String type, String mode, String value)
            throws SAXException {
        refuse("the DTD declares attribute '" + attribute + "' of '" + element + "'");
    }

    @Override
    public void notationDecl(String name, String publicId, String systemId) throws SAXException {
        refuse("the DTD declares notation '" + name + "'");
    }

    @Override
    public void unparsedEntityDecl(String name, String publicId, String systemId, String notationName)
            throws SAXException {
        refuse("the DTD declares unparsed entity '" + name + "'");
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
        refuse("the document refers to external entity " + (systemId != null ? systemId : publicId));
        return null;
    }

    @Override
    public void startEntity(String name) throws SAXException {
        // Only the five predefined entities and character references can get here; they are harmless.
    }

    private void refuse(String what) throws SAXException {
        out.add(position.get(), "DTD refused: " + what, EXPECTED);
        throw new XmlAbort(what);
    }

    @Override public void endDTD() { }
    @Override public void endEntity(String name) { }
    @Override public void startCDATA() { }
    @Override public void endCDATA() { }
    @Override public void comment(char[] ch, int start, int length) { }
}
