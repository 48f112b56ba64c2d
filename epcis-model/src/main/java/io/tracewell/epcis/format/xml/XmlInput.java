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
 *
 * <p>Shared by the EPCIS 2.0 reader of this package and the EPCIS 1.2 reader ({@code format.xml12}); not meant for
 * other callers.
 */
public final class XmlInput implements AutoCloseable {
    private static final Pattern BARE_DOCTYPE = Pattern.compile("<!DOCTYPE\\s+[^\\s\\[\\]<>'\"]+\\s*>");

    private final XMLStreamReader reader;
    private final InputStream stream;

    /** What the document's root should be, for messages: "an EPCISDocument or EPCISQueryDocument". */
    private final String expectedRoot;

    private XmlInput(XMLStreamReader reader, InputStream stream, String expectedRoot) {
        this.expectedRoot = expectedRoot;
        this.reader = reader;
        this.stream = stream;
    }

    static XmlInput open(InputStream in) {
        return open(in, "an EPCISDocument or EPCISQueryDocument");
    }

    /** A cursor over {@code in}, whose root element is described by {@code expectedRoot} in messages. */
    public static XmlInput open(InputStream in, String expectedRoot) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            return new XmlInput(factory.createXMLStreamReader(in), in, expectedRoot);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    public XMLStreamReader raw() {
        return reader;
    }

    /** Moves to the root element, rejecting a DOCTYPE that is more than a bare name. */
    public void toRoot() {
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
                            throw error("text before the root element", expectedRoot);
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
                expectedRoot);
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
    public boolean nextChild(String context) {
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
    public void skipElement() {
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

    /** Reads the text of a simple element (no child elements) and leaves the cursor on its end tag. */
    public String text(String context) {
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
    public String token(String context) {
        return text(context).strip();
    }

    /** Moves past the end of the document, checking that nothing but comments and white space follows. */
    public void finish() {
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

    public QName name() {
        return reader.getName();
    }

    public String localName() {
        return reader.getLocalName();
    }

    public String namespace() {
        String ns = reader.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    public boolean isUnqualified() {
        return namespace().isEmpty();
    }

    public String attribute(String localName) {
        return reader.getAttributeValue(null, localName);
    }

    public String attribute(String namespace, String localName) {
        return reader.getAttributeValue(namespace, localName);
    }

    /** An unqualified attribute as an xsd:token, surrounding white space removed; null when absent. */
    public String tokenAttribute(String localName) {
        String value = reader.getAttributeValue(null, localName);
        return value == null ? null : value.strip();
    }

    /** True for an unqualified element of this local name (the EPCIS bindings' own elements are unqualified). */
    public boolean is(String localName) {
        return isUnqualified() && reader.getLocalName().equals(localName);
    }

    /** An element in a namespace of its own: neither unqualified nor in one of {@code ownNamespaces}. */
    public boolean isForeign(String... ownNamespaces) {
        String ns = namespace();
        if (ns.isEmpty()) {
            return false;
        }
        for (String own : ownNamespaces) {
            if (ns.equals(own)) {
                return false;
            }
        }
        return true;
    }

    /** The element at the cursor does not belong where it is. */
    public EpcisFormatException unexpected(String context, String expected) {
        return error("unexpected element '" + displayName(reader.getName()) + "' in " + context, expected);
    }

    /**
     * Refuses attributes other than the unqualified {@code allowed} ones and those in the XML Schema instance
     * namespace: the model has no place for them, and dropping them silently would lose data.
     */
    public void onlyAttributes(String element, String... allowed) {
        onlyAttributesAnd(Set.of(), element, allowed);
    }

    /** As {@link #onlyAttributes(String, String...)}, also admitting any attribute in {@code namespaces}. */
    public void onlyAttributesAnd(Set<String> namespaces, String element, String... allowed) {
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

    public SourceLocation location() {
        Location l = reader.getLocation();
        return l == null ? SourceLocation.NONE : SourceLocation.of(Math.max(0, l.getLineNumber()),
                Math.max(0, l.getColumnNumber()));
    }

    public EpcisFormatException error(String problem, String expected) {
        return new EpcisFormatException(location(), problem, expected);
    }

    public EpcisFormatException error(SourceLocation at, String problem, String expected) {
        return new EpcisFormatException(at, problem, expected);
    }

    /** {@code prefix:local} as written, or {@code {namespace}local} when the prefix is unknown. */
    public static String displayName(QName name) {
        if (name.getNamespaceURI().isEmpty()) {
            return name.getLocalPart();
        }
        if (!name.getPrefix().isEmpty()) {
            return name.getPrefix() + ":" + name.getLocalPart();
        }
        return "{" + name.getNamespaceURI() + "}" + name.getLocalPart();
    }

    public static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    public static EpcisFormatException malformed(XMLStreamException e) {
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
