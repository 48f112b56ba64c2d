package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.Datatypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A pull cursor over the JDK's StAX parser for reading EPCIS 1.2 documents: it moves from element to element,
 * skips comments, processing instructions and the white space between elements, and turns every parser problem
 * into an {@link EpcisFormatException} with the line and column where it happened.
 *
 * <p>Parsing is safe: no DTD processing, no external entities. A document type declaration is refused unless it is
 * a bare {@code <!DOCTYPE name>} (published EPCIS examples carry {@code <!DOCTYPE project>}), which can neither
 * declare entities nor load anything.
 *
 * <p>Locations are those StAX reports; for an element, the position just after its start tag.
 */
final class Xml12Input implements AutoCloseable {
    private static final Pattern BARE_DOCTYPE = Pattern.compile("<!DOCTYPE\\s+[^\\s\\[\\]<>'\"]+\\s*>");

    private final XMLStreamReader reader;
    private final InputStream stream;

    private Xml12Input(XMLStreamReader reader, InputStream stream) {
        this.reader = reader;
        this.stream = stream;
    }

    static Xml12Input open(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            return new Xml12Input(factory.createXMLStreamReader(in), in);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    XMLStreamReader raw() {
        return reader;
    }

    /** Moves to the start tag of the root element. */
    void toRoot() {
        try {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT:
                        return;
                    case XMLStreamConstants.DTD:
                        checkDoctype();
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.SPACE:
                        if (!reader.isWhiteSpace()) {
                            throw error("text before the root element", "an EPCIS 1.2 EPCISDocument");
                        }
                        break;
                    default:
                        break;
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        throw new EpcisFormatException(SourceLocation.NONE, "the document has no root element",
                "an EPCIS 1.2 EPCISDocument");
    }

    private void checkDoctype() {
        String text = reader.getText();
        if (text != null && BARE_DOCTYPE.matcher(text.strip()).matches()) {
            return;
        }
        // StAX reports the position after the declaration; the line on which it starts is the useful one.
        Location end = reader.getLocation();
        int newlines = text == null ? 0 : (int) text.chars().filter(c -> c == '\n').count();
        throw new EpcisFormatException(SourceLocation.of(Math.max(0, end.getLineNumber() - newlines), 0),
                "DTDs are not allowed (protection against external entities and entity expansion)",
                "a document without a DOCTYPE, or a bare <!DOCTYPE name> without internal subset or external ID");
    }

    /**
     * From a start tag, or from the end tag of a previous child, moves to the next child's start tag and returns
     * true, or to the end tag of the enclosing element and returns false. Text other than white space is an
     * error: {@code context} has element content only.
     */
    boolean nextChild(String context) {
        try {
            while (true) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT:
                        return true;
                    case XMLStreamConstants.END_ELEMENT:
                        return false;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        if (!reader.isWhiteSpace()) {
                            throw error("unexpected text '" + abbreviate(reader.getText().strip()) + "' in "
                                    + context, "only child elements in " + context);
                        }
                        break;
                    case XMLStreamConstants.END_DOCUMENT:
                        throw error("unexpected end of document in " + context, "the end tag of " + context);
                    default:
                        break; // comments, processing instructions
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** From a start tag, moves to its end tag without looking at what is in between. */
    void skipElement() {
        String name = displayName(reader.getName());
        try {
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw error("unexpected end of document in " + name, "the end tag of " + name);
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** The text of a simple element (no child elements); the cursor ends on its end tag. */
    String text(String context) {
        String name = reader.getLocalName();
        StringBuilder sb = new StringBuilder();
        try {
            while (true) {
                switch (reader.next()) {
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        sb.append(reader.getText());
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        return sb.toString();
                    case XMLStreamConstants.START_ELEMENT:
                        throw error("unexpected element '" + displayName(reader.getName()) + "' inside " + name
                                + " in " + context, "text only in " + name);
                    case XMLStreamConstants.END_DOCUMENT:
                        throw error("unexpected end of document in " + name, "the end tag of " + name);
                    default:
                        break;
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** The text of a simple element without surrounding white space (the xsd:anyURI and token rule). */
    String token(String context) {
        return text(context).strip();
    }

    /** Moves past the end of the document, checking that only comments and white space follow the root. */
    void finish() {
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT
                        || (event == XMLStreamConstants.CHARACTERS && !reader.isWhiteSpace())) {
                    throw error("content after the root element", "the end of the document");
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    QName name() {
        return reader.getName();
    }

    String localName() {
        return reader.getLocalName();
    }

    String namespace() {
        String ns = reader.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    boolean isUnqualified() {
        return namespace().isEmpty();
    }

    /** True for an unqualified element of this local name: the EPCIS 1.2 binding's own elements are unqualified. */
    boolean is(String localName) {
        return isUnqualified() && reader.getLocalName().equals(localName);
    }

    /** An element in a namespace of its own (neither unqualified nor in the EPCIS 1.x namespace). */
    boolean isForeign() {
        String ns = namespace();
        return !ns.isEmpty() && !ns.equals(Epcis12Header.EPCIS_1_NS);
    }

    /** An unqualified attribute, stripped of surrounding white space; null when absent. */
    String attribute(String localName) {
        String value = reader.getAttributeValue(null, localName);
        return value == null ? null : value.strip();
    }

    /**
     * Refuses attributes other than the unqualified {@code allowed} ones and those of the XML Schema instance
     * namespace: the model has no place for them, and dropping them silently would lose data.
     */
    void onlyAttributes(String element, String... allowed) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            QName attr = reader.getAttributeName(i);
            if (Datatypes.XSI_NS.equals(attr.getNamespaceURI())) {
                continue;
            }
            boolean ok = false;
            for (String a : allowed) {
                ok |= attr.getNamespaceURI().isEmpty() && attr.getLocalPart().equals(a);
            }
            if (!ok) {
                throw error("unsupported attribute '" + displayName(attr) + "' on " + element,
                        allowed.length == 0 ? "no attributes on " + element
                                : "only the attributes " + String.join(", ", allowed) + " on " + element);
            }
        }
    }

    SourceLocation location() {
        Location l = reader.getLocation();
        return l == null ? SourceLocation.NONE
                : SourceLocation.of(Math.max(0, l.getLineNumber()), Math.max(0, l.getColumnNumber()));
    }

    EpcisFormatException error(String problem, String expected) {
        return new EpcisFormatException(location(), problem, expected);
    }

    /** The element at the cursor does not belong where it is. */
    EpcisFormatException unexpected(String context, String expected) {
        return error("unexpected element '" + displayName(reader.getName()) + "' in " + context, expected);
    }

    /** {@code prefix:local} as written, or {@code {namespace}local} when there is no prefix. */
    static String displayName(QName name) {
        if (name.getNamespaceURI().isEmpty()) {
            return name.getLocalPart();
        }
        if (!name.getPrefix().isEmpty()) {
            return name.getPrefix() + ":" + name.getLocalPart();
        }
        return "{" + name.getNamespaceURI() + "}" + name.getLocalPart();
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    static EpcisFormatException malformed(XMLStreamException e) {
        Location l = e.getLocation();
        SourceLocation at = l == null ? SourceLocation.NONE
                : SourceLocation.of(Math.max(0, l.getLineNumber()), Math.max(0, l.getColumnNumber()));
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        // The JDK starts its message with "ParseError at [row,col]:[l,c]\nMessage: "; the location is kept apart.
        int idx = message.indexOf("Message: ");
        if (idx >= 0) {
            message = message.substring(idx + "Message: ".length());
        }
        return new EpcisFormatException(at, "malformed XML: " + message.strip(), "a well-formed XML document", e);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // the parser holds nothing else; the stream is closed below
        }
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
