package io.tracewell.epcis.capture.problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tracewell.epcis.format.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link Problem} as {@code application/problem+json} or {@code application/problem+xml}.
 *
 * <p>Each validation error carries {@code pointer} (RFC 6901) when the body was JSON, {@code line} and
 * {@code column} when the position in the text is known, then {@code message} and {@code expected}. In XML
 * the members are elements of the RFC 7807 namespace and the {@code errors} array is a list of {@code i}
 * elements, as RFC 7807 Appendix A represents arrays.
 */
public final class ProblemRenderer {

    /** The XML namespace of RFC 7807 Appendix A. */
    public static final String XML_NAMESPACE = "urn:ietf:rfc:7807";

    private static final JsonFactory JSON = new JsonFactory();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private ProblemRenderer() {}

    public static byte[] render(Problem problem, ProblemFormat format) {
        return switch (format) {
            case JSON -> json(problem);
            case XML -> xml(problem);
        };
    }

    private static byte[] json(Problem problem) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", problem.type());
            g.writeStringField("title", problem.title());
            g.writeNumberField("status", problem.status());
            g.writeStringField("detail", problem.detail());
            g.writeStringField("instance", problem.instance());
            if (!problem.errors().isEmpty()) {
                g.writeArrayFieldStart("errors");
                for (ProblemError error : problem.errors()) {
                    g.writeStartObject();
                    SourceLocation at = error.location();
                    if (at.pointer() != null) {
                        g.writeStringField("pointer", at.pointer());
                    }
                    if (at.line() > 0) {
                        g.writeNumberField("line", at.line());
                        g.writeNumberField("column", at.column());
                    }
                    g.writeStringField("message", error.message());
                    if (error.expected() != null) {
                        g.writeStringField("expected", error.expected());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] xml(Problem problem) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("problem");
            w.writeDefaultNamespace(XML_NAMESPACE);
            element(w, "type", problem.type());
            element(w, "title", problem.title());
            element(w, "status", Integer.toString(problem.status()));
            element(w, "detail", problem.detail());
            element(w, "instance", problem.instance());
            if (!problem.errors().isEmpty()) {
                w.writeStartElement("errors");
                for (ProblemError error : problem.errors()) {
                    w.writeStartElement("i");
                    SourceLocation at = error.location();
                    if (at.pointer() != null) {
                        element(w, "pointer", at.pointer());
                    }
                    if (at.line() > 0) {
                        element(w, "line", Integer.toString(at.line()));
                        element(w, "column", Integer.toString(at.column()));
                    }
                    element(w, "message", error.message());
                    if (error.expected() != null) {
                        element(w, "expected", error.expected());
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a problem as XML failed", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
