package io.tracewell.epcis.format.xml;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JDK's StAX writer with the namespace bookkeeping the EPCIS binding needs: unqualified standard elements
 * (no default namespace is ever declared), prefixes chosen from the declarations in scope, and generated prefixes
 * ({@code ns1}, {@code ns2}, ...) declared on the element that first needs an undeclared namespace. Optionally
 * indents element content; text content is written exactly.
 */
final class XmlOutput {
    /** Shared by the many elements that declare nothing, so that they cost no map. */
    private static final Map<String, String> NO_DECLARATIONS = Map.of();

    private final XMLStreamWriter writer;
    private final boolean indent;
    /** Per open element: its namespace declarations (prefix to IRI). */
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    /** Per open element: whether it has child elements (so its end tag goes on a new line when indenting). */
    private final Deque<Boolean> hasChildren = new ArrayDeque<>();
    private int generated;
    private Pending pending;

    XmlOutput(OutputStream out, boolean indent) {
        try {
            // The JDK writer encodes straight into the stream it is given; a buffer keeps that from becoming one
            // small write per element on a socket or file.
            this.writer = XMLOutputFactory.newDefaultFactory()
                    .createXMLStreamWriter(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8.name());
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot create the XML writer", e);
        }
        this.indent = indent;
    }

    void startDocument() {
        run(() -> {
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            if (indent) {
                writer.writeCharacters("\n");
            }
        });
    }

    /** Starts an unqualified element (the EPCIS binding's elementFormDefault is unqualified). */
    void start(String localName) {
        beforeStart();
        pending = new Pending(null, localName, null);
        opened();
    }

    /** Starts an element in a namespace, declaring a prefix for it on this element if none is in scope. */
    void start(QName name) {
        if (name.getNamespaceURI().isEmpty()) {
            start(name.getLocalPart());
            return;
        }
        beforeStart();
        String prefix = prefixInScope(name.getNamespaceURI(), name.getPrefix());
        boolean declare = prefix == null;
        String p = declare ? newPrefix(name.getPrefix()) : prefix;
        pending = new Pending(p, name.getLocalPart(), name.getNamespaceURI());
        opened();
        if (declare) {
            declare(p, name.getNamespaceURI());
        }
    }

    /** Declares a prefix on the element just started. */
    void declare(String prefix, String namespace) {
        if (scopes.peek() == NO_DECLARATIONS) {
            scopes.pop();
            scopes.push(new HashMap<>());
        }
        scopes.peek().put(prefix, namespace);
        decorate(() -> writer.writeNamespace(prefix, namespace));
    }

    /** An attribute in no namespace. */
    void attribute(String name, String value) {
        if (value != null) {
            checkCharacters(value);
            decorate(() -> writer.writeAttribute(name, value));
        }
    }

    /** An attribute in any namespace; a namespaced one needs a prefix, declared on this element if necessary. */
    void attribute(QName name, String value) {
        if (name.getNamespaceURI().isEmpty()) {
            attribute(name.getLocalPart(), value);
            return;
        }
        String p = prefixFor(name.getNamespaceURI(), name.getPrefix());
        checkCharacters(value);
        decorate(() -> writer.writeAttribute(p, name.getNamespaceURI(), name.getLocalPart(), value));
    }

    /** A prefix for the namespace, declared on the current element when none is in scope; for QName values. */
    String prefixFor(String namespace, String preferred) {
        String prefix = prefixInScope(namespace, preferred);
        if (prefix == null || prefix.isEmpty()) {
            prefix = newPrefix(preferred);
            declare(prefix, namespace);
        }
        return prefix;
    }

    void text(String text) {
        checkCharacters(text);
        flushPending(false);
        run(() -> writer.writeCharacters(text));
    }

    /** Ends the current element; one without content is written as an empty-element tag. */
    void end() {
        boolean children = hasChildren.pop();
        scopes.pop();
        if (pending != null) {
            flushPending(true);
            return;
        }
        if (indent && children) {
            newline(scopes.size());
        }
        run(writer::writeEndElement);
    }

    /** An unqualified element with text content; nothing when the text is null. */
    void simple(String localName, String text) {
        if (text == null) {
            return;
        }
        start(localName);
        text(text);
        end();
    }

    void endDocument() {
        flushPending(true);
        run(() -> {
            writer.writeEndDocument();
            if (indent) {
                writer.writeCharacters("\n");
            }
            writer.flush();
        });
    }

    void flush() {
        run(writer::flush);
    }

    /** Flushes what was written (also after an incomplete document) and releases the writer. */
    void close() {
        run(() -> {
            writer.flush();
            writer.close();
        });
    }

    private void beforeStart() {
        flushPending(false);
        if (!hasChildren.isEmpty()) {
            hasChildren.pop();
            hasChildren.push(Boolean.TRUE);
        }
        if (indent && !scopes.isEmpty()) {
            newline(scopes.size());
        }
    }

    private void opened() {
        scopes.push(NO_DECLARATIONS);
        hasChildren.push(Boolean.FALSE);
    }

    private void newline(int depth) {
        run(() -> writer.writeCharacters("\n" + "  ".repeat(depth)));
    }

    /**
     * XML 1.0 cannot carry most control characters, not even as character references (XML 1.0 §2.2); the StAX
     * writer would write them anyway and produce a document no parser accepts. A value from JSON can hold them.
     */
    private static void checkCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean legal = c >= 0x20 ? (c < 0xD800 || c > 0xDFFF ? c != 0xFFFE && c != 0xFFFF
                    : Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(++i)))
                    : c == '\t' || c == '\n' || c == '\r';
            if (!legal) {
                throw new IllegalArgumentException(String.format("the value '%s' holds the character U+%04X, which"
                        + " XML 1.0 cannot carry", value.length() > 40 ? value.substring(0, 37) + "..." : value,
                        (int) c));
            }
        }
    }

    /** Namespace declarations and attributes go on the element that is still open for them. */
    private void decorate(XmlAction action) {
        if (pending == null) {
            throw new IllegalStateException("attributes and namespace declarations must follow a start tag");
        }
        pending.decorations.add(action);
    }

    /** Writes the start tag held back until it was known whether the element has content. */
    private void flushPending(boolean empty) {
        Pending p = pending;
        if (p == null) {
            return;
        }
        pending = null;
        run(() -> {
            if (p.namespace == null) {
                if (empty) {
                    writer.writeEmptyElement(p.localName);
                } else {
                    writer.writeStartElement(p.localName);
                }
            } else if (empty) {
                writer.writeEmptyElement(p.prefix, p.localName, p.namespace);
            } else {
                writer.writeStartElement(p.prefix, p.localName, p.namespace);
            }
            for (XmlAction d : p.decorations) {
                d.run();
            }
        });
    }

    /** A start tag not yet written: {@code namespace} is null for an unqualified element. */
    private static final class Pending {
        final String prefix;
        final String localName;
        final String namespace;
        final List<XmlAction> decorations = new ArrayList<>();

        Pending(String prefix, String localName, String namespace) {
            this.prefix = prefix;
            this.localName = localName;
            this.namespace = namespace;
        }
    }

    /** The prefix bound to the namespace in scope, preferring {@code preferred}; null when none is. */
    private String prefixInScope(String namespace, String preferred) {
        if (preferred != null && !preferred.isEmpty() && namespace.equals(lookup(preferred))) {
            return preferred;
        }
        for (Map<String, String> scope : scopes) {
            for (Map.Entry<String, String> e : scope.entrySet()) {
                if (e.getValue().equals(namespace) && namespace.equals(lookup(e.getKey()))) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** The namespace a prefix is bound to in scope (innermost declaration wins), or null. */
    private String lookup(String prefix) {
        Iterator<Map<String, String>> it = scopes.iterator();
        while (it.hasNext()) {
            String ns = it.next().get(prefix);
            if (ns != null) {
                return ns;
            }
        }
        return null;
    }

    /** The preferred prefix when it is free in scope, otherwise the next generated one. */
    private String newPrefix(String preferred) {
        if (preferred != null && !preferred.isEmpty() && !preferred.startsWith("xml") && lookup(preferred) == null) {
            return preferred;
        }
        String p;
        do {
            p = "ns" + (++generated);
        } while (lookup(p) != null);
        return p;
    }

    private interface XmlAction {
        void run() throws XMLStreamException;
    }

    /** Writing fails when the output stream does; that is an I/O error, not a format error. */
    private static void run(XmlAction action) {
        try {
            action.run();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("writing EPCIS XML failed: " + e.getMessage(), e));
        }
    }
}
