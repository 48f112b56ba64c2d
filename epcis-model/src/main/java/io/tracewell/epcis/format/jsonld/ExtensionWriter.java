package io.tracewell.epcis.format.jsonld;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ExtensionElement.Complex;
import io.tracewell.epcis.model.ExtensionElement.ExtensionValue;
import io.tracewell.epcis.model.ExtensionElement.Nil;
import io.tracewell.epcis.model.ExtensionElement.Simple;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;

/**
 * The model's {@link ExtensionElement}s as JSON-LD members, the inverse of {@link ExtensionReader} (docs/formats.md,
 * "User extensions"). Elements of one name become one member, an array when repeated, at the position of the
 * first.
 */
final class ExtensionWriter {
    /** RFC 8259 §6: what may be written as a bare JSON number. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private ExtensionWriter() {
    }

    /** Writes the elements as members of the object being written. */
    static void writeMembers(JsonGenerator g, List<ExtensionElement> elements, WritePrefixes px) throws IOException {
        if (elements.isEmpty()) {
            return;
        }
        Map<QName, List<ExtensionElement>> byName = new LinkedHashMap<>();
        for (ExtensionElement e : elements) {
            byName.computeIfAbsent(e.name(), n -> new ArrayList<>(1)).add(e);
        }
        for (List<ExtensionElement> same : byName.values()) {
            g.writeFieldName(px.key(same.get(0).name()));
            if (same.size() == 1) {
                writeElement(g, same.get(0), px);
            } else {
                g.writeStartArray();
                for (ExtensionElement e : same) {
                    writeElement(g, e, px);
                }
                g.writeEndArray();
            }
        }
    }

    private static void writeElement(JsonGenerator g, ExtensionElement e, WritePrefixes px) throws IOException {
        if (e.attributes().isEmpty()) {
            writeValue(g, e.value(), px);
            return;
        }
        g.writeStartObject();
        for (ExtensionAttribute a : e.attributes()) {
            g.writeStringField("@" + px.key(a.name()), a.value());
        }
        if (e.value() instanceof Complex c) {
            writeMembers(g, c.children(), px);
        } else {
            g.writeFieldName("#text");
            writeValue(g, e.value(), px);
        }
        g.writeEndObject();
    }

    /** An element's content: text, typed text, {@code null} or an object of children. */
    static void writeValue(JsonGenerator g, ExtensionValue value, WritePrefixes px) throws IOException {
        if (value instanceof Nil) {
            g.writeNull();
        } else if (value instanceof Complex c) {
            g.writeStartObject();
            writeMembers(g, c.children(), px);
            g.writeEndObject();
        } else {
            writeSimple(g, (Simple) value, px);
        }
    }

    /**
     * A bare string for untyped text and xsd:string; a JSON boolean or number when the lexical form reads back
     * with the same datatype; otherwise a value object, so that the datatype and lexical form survive.
     */
    private static void writeSimple(JsonGenerator g, Simple s, WritePrefixes px) throws IOException {
        QName type = s.datatype();
        String lexical = s.lexical();
        if (type == null || Datatypes.STRING.equals(type)) {
            g.writeString(lexical);
        } else if (Datatypes.BOOLEAN.equals(type) && ("true".equals(lexical) || "false".equals(lexical))) {
            g.writeBoolean("true".equals(lexical));
        } else if (Datatypes.isJsonNumber(type) && JSON_NUMBER.matcher(lexical).matches()
                && ExtensionReader.numberType(lexical).equals(type)) {
            g.writeNumber(lexical);
        } else {
            g.writeStartObject();
            g.writeStringField("@value", lexical);
            g.writeStringField("@type", px.key(type));
            g.writeEndObject();
        }
    }
}
