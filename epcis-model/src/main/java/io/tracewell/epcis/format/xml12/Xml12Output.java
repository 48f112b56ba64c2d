package io.tracewell.epcis.format.xml12;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JDK's StAX writer with what the EPCIS 1.2 binding needs: unqualified standard elements (no default namespace
 * is ever declared), namespaced elements and attributes whose prefix is taken from the declarations in scope or
 * declared on the element that first needs it (the element's own prefix when free, else {@code ns1}, {@code ns2},
 * ...), empty elements as empty-element tags, and optional indentation. Text is written exactly.
 */
final class Xml12Output {
    private final XMLStreamWriter writer;
    private final boolean indent;
    /** One entry per open element, innermost first. */
    private final Deque<Open> open = new ArrayDeque<>();
    private int generated;

    Xml12Output(OutputStream out, boolean indent) {
        try {
            // The JDK writer encodes straight into its stream; the buffer keeps that from one write per element.
            this.writer = XMLOutputFactory.newDefaultFactory()
                    .createXMLStreamWriter(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8.name());
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot create the XML writer", e);
        }
        this.indent = indent;
    }

    void startDocument() {
        run(() -> writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0"));
        newline(0);
    }

    /** Starts an unqualified element. */
    void start(String localName) {
        beforeStart();
        open.push(new Open(null, localName, null));
    }

    /** Starts an element in {@code name}'s namespace (unqualified when it has none). */
    void start(QName name) {
        String ns = name.getNamespaceURI();
        if (ns.isEmpty()) {
            start(name.getLocalPart());
            return;
        }
        beforeStart();
        String prefix = prefixInScope(ns, name.getPrefix());
        boolean declare = prefix == null;
        if (declare) {
            prefix = newPrefix(name.getPrefix());
        }
        open.push(new Open(prefix, name.getLocalPart(), ns));
        if (declare) {
            declare(prefix, ns);
        }
    }

    /** Declares a prefix on the element just started. */
    void declare(String prefix, String namespace) {
        Open element = startTagOpen();
        element.declarations.put(prefix, namespace);
        element.startTag.add(() -> writer.writeNamespace(prefix, namespace));
    }

    /** An unqualified attribute; nothing when the value is null. */
    void attribute(String name, String value) {
        if (value != null) {
            checkCharacters(value);
            startTagOpen().startTag.add(() -> writer.writeAttribute(name, value));
        }
    }

    /** An attribute in any namespace; a namespaced one gets a prefix, declared on this element if necessary. */
    void attribute(QName name, String value) {
        if (name.getNamespaceURI().isEmpty()) {
            attribute(name.getLocalPart(), value);
            return;
        }
        checkCharacters(value);
        String prefix = prefixFor(name.getNamespaceURI(), name.getPrefix());
        startTagOpen().startTag.add(() -> writer.writeAttribute(prefix, name.getNamespaceURI(), name.getLocalPart(),
                value));
    }

    /** A prefix bound to the namespace, declared on the element just started when none is in scope. */
    String prefixFor(String namespace, String preferred) {
        String prefix = prefixInScope(namespace, preferred);
        if (prefix == null) {
            prefix = newPrefix(preferred);
            declare(prefix, namespace);
        }
        return prefix;
    }

    void text(String text) {
        checkCharacters(text);
        writeStartTag(false);
        run(() -> writer.writeCharacters(text));
    }

    /** Ends the current element; one without content becomes an empty-element tag. */
    void end() {
        Open element = open.peek();
        if (element.startTag != null) {
            writeStartTag(true);
            open.pop();
            return;
        }
        open.pop();
        if (element.hasChildren) {
            newline(open.size());
        }
        run(writer::writeEndElement);
    }

    /** An unqualified element with text content; nothing when the text is null. */
    void simple(String localName, String text) {
        if (text != null) {
            start(localName);
            text(text);
            end();
        }
    }

    void endDocument() {
        run(() -> {
            writer.writeEndDocument();
            if (indent) {
                writer.writeCharacters("\n");
            }
            writer.flush();
        });
    }

    /** Flushes what was written (also of an unfinished document) and releases the writer. */
    void close() {
        run(() -> {
            writer.flush();
            writer.close();
        });
    }

    private void beforeStart() {
        writeStartTag(false);
        Open parent = open.peek();
        if (parent != null) {
            parent.hasChildren = true;
            newline(open.size());
        }
    }

    private Open startTagOpen() {
        Open element = open.peek();
        if (element == null || element.startTag == null) {
            throw new IllegalStateException("attributes and namespace declarations must follow a start tag");
        }
        return element;
    }

    /** Writes the start tag of the innermost element, if it is still held back, with its declarations. */
    private void writeStartTag(boolean empty) {
        Open element = open.peek();
        if (element == null || element.startTag == null) {
            return;
        }
        List<Action> decorations = element.startTag;
        element.startTag = null;
        run(() -> {
            if (element.namespace == null) {
                if (empty) {
                    writer.writeEmptyElement(element.localName);
                } else {
                    writer.writeStartElement(element.localName);
                }
            } else if (empty) {
                writer.writeEmptyElement(element.prefix, element.localName, element.namespace);
            } else {
                writer.writeStartElement(element.prefix, element.localName, element.namespace);
            }
            for (Action a : decorations) {
                a.run();
            }
        });
    }

    private void newline(int depth) {
        if (indent) {
            run(() -> writer.writeCharacters("\n" + "  ".repeat(depth)));
        }
    }

    /** The prefix bound to {@code namespace} in scope, {@code preferred} first; null when none is. */
    private String prefixInScope(String namespace, String preferred) {
        if (preferred != null && !preferred.isEmpty() && namespace.equals(lookup(preferred))) {
            return preferred;
        }
        for (Open element : open) {
            for (Map.Entry<String, String> e : element.declarations.entrySet()) {
                if (e.getValue().equals(namespace) && namespace.equals(lookup(e.getKey()))) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** The namespace bound to {@code prefix} in scope (innermost declaration wins), or null. */
    private String lookup(String prefix) {
        for (Open element : open) {
            String ns = element.declarations.get(prefix);
            if (ns != null) {
                return ns;
            }
        }
        return null;
    }

    /** {@code preferred} when it is free in scope, otherwise the next generated prefix. */
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

    /**
     * XML 1.0 cannot carry most control characters, not even as character references (XML 1.0 §2.2); the StAX
     * writer would write them anyway, and no partner could parse the document.
     */
    private static void checkCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean legal;
            if (c < 0x20) {
                legal = c == '\t' || c == '\n' || c == '\r';
            } else if (Character.isHighSurrogate(c)) {
                legal = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(++i));
            } else {
                legal = !Character.isLowSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
            }
            if (!legal) {
                throw new IllegalArgumentException(String.format("the value '%s' holds the character U+%04X, which"
                        + " XML 1.0 cannot carry", value.length() > 40 ? value.substring(0, 37) + "..." : value,
                        (int) c));
            }
        }
    }

    /** An open element; {@code startTag} holds its attributes and declarations until the tag is written. */
    private static final class Open {
        final String prefix;
        final String localName;
        final String namespace;
        final Map<String, String> declarations = new LinkedHashMap<>(2);
        List<Action> startTag = new ArrayList<>(2);
        boolean hasChildren;

        Open(String prefix, String localName, String namespace) {
            this.prefix = prefix;
            this.localName = localName;
            this.namespace = namespace;
        }
    }

    private interface Action {
        void run() throws XMLStreamException;
    }

    /** A failing writer means a failing stream: an I/O error, not a format error. */
    private static void run(Action action) {
        try {
            action.run();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("writing EPCIS 1.2 XML failed: " + e.getMessage(), e));
        }
    }
}
