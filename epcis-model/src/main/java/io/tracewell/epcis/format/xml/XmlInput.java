package io.tracewell.epcis.format.xml;

import java.util.Set;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import java.io.InputStream;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A pull cursor over the JDK's StAX parser that skips comments, processing instructions and the white space
 * between elements, and turns every parser problem into an {@link EpcisFormatException} with a location.
 *
 * <p>Parsing is safe by construction: no DTD processing and no external entities. A document type declaration is
 * rejected unless it is a bare {@code <!DOCTYPE name>} (some published examples carry {@code <!DOCTYPE project>}),
 * which can neither declare entities nor load anything.
 *
 * <p>Locations are those StAX reports: for an element, the position just after its start tag.
 */
final class XmlInput implements AutoCloseable {
    private static final Pattern BARE_DOCTYPE = Pattern.compile("<!DOCTYPE\\s+[^\\s\\[\\]<>'\"]+\\s*>");

    private final XMLStreamReader reader;
    private final InputStream stream;

    private XmlInput(XMLStreamReader reader, InputStream stream) {
        this.reader = reader;
        this.stream = stream;
    }

    static XmlInput open(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            return new XmlInput(factory.createXMLStreamReader(in), in);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    XMLStreamReader raw() {
        return reader;
    }

    /** Moves to the root element, rejecting a DOCTYPE that is more than a bare name. */
    void toRoot() {
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT:
                        return;
                    case XMLStreamConstants.DTD:
                        checkDoctype();
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.SPACE:
                        if (!reader.isWhiteSpace()) {
                            throw error("text before the root element", "an EPCISDocument or EPCISQueryDocument");
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
                "an EPCISDocument or EPCISQueryDocument");
    }

    private void checkDoctype() {
        String text = reader.getText();
        if (text != null && BARE_DOCTYPE.matcher(text.strip()).matches()) {
            return;
        }
        // StAX reports a position after the declaration, and its column is not reliable there; the line on which
        // the declaration starts is.
        Location end = reader.getLocation();
        int newlines = text == null ? 0 : (int) text.chars().filter(c -> c == '\n').count();
        SourceLocation start = SourceLocation.of(Math.max(0, end.getLineNumber() - newlines), 0);
        throw new EpcisFormatException(start, "DTDs are not allowed (XXE / entity expansion protection)",
                "a document without a DOCTYPE, or a bare <!DOCTYPE name> without internal subset or external ID");
    }

    /**
     * From a start tag or the end tag of a previous child, moves to the next child start tag and returns true, or to
     * the end tag of the enclosing element and returns false. Text other than white space is an error: the element
     * in {@code context} has element content only.
     */
    boolean nextChild(String context) {
        try {
            while (true) {
                int event = reader.next();
                switch (event) {
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
        try {
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw error("unexpected end of document in an event", "the event's end tag");
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** Reads the text of a simple element (no child elements) and leaves the cursor on its end tag. */
    String text(String context) {
        String name = reader.getLocalName();
        StringBuilder sb = new StringBuilder();
        try {
            while (true) {
                int event = reader.next();
                switch (event) {
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

    /** The text of a simple element with surrounding white space removed (the xsd:anyURI / token rule). */
    String token(String context) {
        return text(context).strip();
    }

    /** Moves past the end of the document, checking that nothing but comments and white space follows. */
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

    String attribute(String localName) {
        return reader.getAttributeValue(null, localName);
    }

    String attribute(String namespace, String localName) {
        return reader.getAttributeValue(namespace, localName);
    }

    /**
     * Refuses attributes other than the unqualified {@code allowed} ones and those in the XML Schema instance
     * namespace: the model has no place for them, and dropping them silently would lose data.
     */
    void onlyAttributes(String element, String... allowed) {
        onlyAttributesAnd(Set.of(), element, allowed);
    }

    /** As {@link #onlyAttributes(String, String...)}, also admitting any attribute in {@code namespaces}. */
    void onlyAttributesAnd(Set<String> namespaces, String element, String... allowed) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            QName attr = reader.getAttributeName(i);
            if (XmlNames.XSI_NS.equals(attr.getNamespaceURI()) || namespaces.contains(attr.getNamespaceURI())) {
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
        return l == null ? SourceLocation.NONE : SourceLocation.of(Math.max(0, l.getLineNumber()),
                Math.max(0, l.getColumnNumber()));
    }

    EpcisFormatException error(String problem, String expected) {
        return new EpcisFormatException(location(), problem, expected);
    }

    EpcisFormatException error(SourceLocation at, String problem, String expected) {
        return new EpcisFormatException(at, problem, expected);
    }

    /** {@code prefix:local} as written, or {@code {namespace}local} when the prefix is unknown. */
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
        // The JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; the location is reported separately.
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
            // closing the parser releases nothing we still need; the stream is closed below
        }
        try {
            stream.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
