package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ExtensionElement.Complex;
import io.tracewell.epcis.model.ExtensionElement.ExtensionValue;
import io.tracewell.epcis.model.ExtensionElement.Nil;
import io.tracewell.epcis.model.ExtensionElement.Simple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * JSON-LD user extension members to the model's {@link ExtensionElement}s, following the table in
 * docs/formats.md ("User extensions"): a string is text, a number or boolean is typed text, {@code {"@value",
 * "@type"}} is text of that datatype, {@code null} is nil, an object holds child elements, {@code "@p:name"} keys
 * are attributes and {@code "#text"} the text beside them, and an array is the element repeated.
 */
final class ExtensionReader {
    private ExtensionReader() {
    }

    /** The element(s) one member stands for: one, or one per array entry. */
    static List<ExtensionElement> read(String key, JsonValue value, JsonPath path, ReadContext ctx,
                                       boolean unqualifiedAllowed) {
        return read(key, value, path, ctx, unqualifiedAllowed, 1);
    }

    private static List<ExtensionElement> read(String key, JsonValue value, JsonPath path, ReadContext ctx,
                                               boolean unqualifiedAllowed, int depth) {
        if (depth > ExtensionElement.MAX_DEPTH) {
            throw path.error(value, "extension elements nested deeper than " + ExtensionElement.MAX_DEPTH + " levels",
                    "at most " + ExtensionElement.MAX_DEPTH + " levels of nested extension elements");
        }
        QName name = ctx.resolveName(key, value, path, unqualifiedAllowed);
        if (value instanceof JsonValue.Arr arr) {
            List<ExtensionElement> out = new ArrayList<>(arr.items().size());
            for (int i = 0; i < arr.items().size(); i++) {
                JsonValue item = arr.items().get(i);
                if (item instanceof JsonValue.Arr) {
                    throw path.child(i).error(item, "an array directly inside the array of '" + key + "'",
                            "strings, numbers, booleans, null or objects as entries (nested arrays have no XML form)");
                }
                out.add(element(name, item, path.child(i), ctx, depth));
            }
            return out;
        }
        return List.of(element(name, value, path, ctx, depth));
    }

    private static ExtensionElement element(QName name, JsonValue v, JsonPath path, ReadContext ctx, int depth) {
        if (v instanceof JsonValue.Obj o && !isValueObject(o)) {
            return objectElement(name, o, path, ctx, depth);
        }
        return new ExtensionElement(name, List.of(), simple(name, v, path, ctx));
    }

    private static ExtensionElement objectElement(QName name, JsonValue.Obj o, JsonPath path, ReadContext ctx,
                                                  int depth) {
        List<ExtensionAttribute> attributes = new ArrayList<>();
        List<ExtensionElement> children = new ArrayList<>();
        JsonValue text = null;
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            JsonPath p = path.child(key);
            if ("#text".equals(key)) {
                text = v;
            } else if ("@context".equals(key)) {
                throw p.error(v, "'" + key + "' inside an extension value",
                        "@context only at document or event level");
            } else if (key.startsWith("@")) {
                QName attr = ctx.resolveName(key.substring(1), v, p, true);
                attributes.add(new ExtensionAttribute(attr, attributeText(v, p)));
            } else {
                children.addAll(read(key, v, p, ctx, true, depth + 1));
            }
        }
        if (text == null) {
            return new ExtensionElement(name, attributes, new Complex(children));
        }
        if (!children.isEmpty()) {
            throw path.child("#text").error(text, "an extension object has both '#text' and child members",
                    "either '#text' (the element's text beside its '@' attributes) or child members");
        }
        return new ExtensionElement(name, attributes, simple(name, text, path.child("#text"), ctx));
    }

    /**
     * A simple value: a string (typed by the context's coercion for the property, if any), a number or boolean
     * (typed by its JSON kind), {@code null}, or a value object {@code {"@value": ..., "@type": ...}}.
     */
    static ExtensionValue simple(QName property, JsonValue v, JsonPath path, ReadContext ctx) {
        if (v instanceof JsonValue.Str s) {
            QName coerced = property == null ? null : ctx.coercion(property);
            return new Simple(s.value(), Datatypes.STRING.equals(coerced) ? null : coerced);
        }
        if (v instanceof JsonValue.Num n) {
            return new Simple(n.lexical(), numberType(n.lexical()));
        }
        if (v instanceof JsonValue.Bool b) {
            return new Simple(Boolean.toString(b.value()), Datatypes.BOOLEAN);
        }
        if (v instanceof JsonValue.Null) {
            return new Nil();
        }
        if (v instanceof JsonValue.Obj o && isValueObject(o)) {
            return valueObject(o, path, ctx);
        }
        throw path.error(v, "the value is " + v.kind(),
                "a string, number, boolean, null or {\"@value\": ..., \"@type\": ...}");
    }

    /**
     * Any extension value (simple or an object of children), as master data attributes carry it. An
     * {@code "@"} attribute has no place there, because the model's attribute value is the element's content.
     */
    static ExtensionValue value(JsonValue v, JsonPath path, ReadContext ctx) {
        if (v instanceof JsonValue.Obj o && !isValueObject(o)) {
            ExtensionElement holder = objectElement(new QName("attribute"), o, path, ctx, 1);
            if (!holder.attributes().isEmpty()) {
                throw path.error(v, "a master data attribute value has '@' attributes",
                        "text, a typed value, or an object of child elements");
            }
            return holder.value();
        }
        return simple(null, v, path, ctx);
    }

    /** {@code xsd:integer} for an integer lexical form, {@code xsd:decimal} for a fraction, else xsd:double. */
    static QName numberType(String lexical) {
        if (lexical.indexOf('e') >= 0 || lexical.indexOf('E') >= 0) {
            return Datatypes.DOUBLE;
        }
        return lexical.indexOf('.') >= 0 ? Datatypes.DECIMAL : Datatypes.INTEGER;
    }

    /**
     * A JSON-LD value object has {@code @value} and at most {@code @type} and {@code @language} beside it; with
     * other members, {@code "@value"} is an attribute named {@code value} of an element.
     */
    private static boolean isValueObject(JsonValue.Obj o) {
        if (!o.has("@value")) {
            return false;
        }
        for (String key : o.members().keySet()) {
            if (!"@value".equals(key) && !"@type".equals(key) && !"@language".equals(key)) {
                return false;
            }
        }
        return true;
    }

    private static Simple valueObject(JsonValue.Obj o, JsonPath path, ReadContext ctx) {
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            if (!"@value".equals(e.getKey()) && !"@type".equals(e.getKey())) {
                throw path.child(e.getKey()).error(e.getValue(),
                        "'" + e.getKey() + "' in a JSON-LD value object",
                        "only \"@value\" and \"@type\" (language-tagged strings are not supported)");
            }
        }
        JsonValue raw = o.get("@value");
        JsonPath valuePath = path.child("@value");
        String lexical;
        QName byKind;
        if (raw instanceof JsonValue.Str s) {
            lexical = s.value();
            byKind = null;
        } else if (raw instanceof JsonValue.Num n) {
            lexical = n.lexical();
            byKind = numberType(lexical);
        } else if (raw instanceof JsonValue.Bool b) {
            lexical = Boolean.toString(b.value());
            byKind = Datatypes.BOOLEAN;
        } else {
            throw valuePath.error(raw, "\"@value\" is " + raw.kind(), "a string, number or boolean");
        }
        JsonValue type = o.get("@type");
        if (type == null) {
            return new Simple(lexical, byKind);
        }
        if (!(type instanceof JsonValue.Str t)) {
            throw path.child("@type").error(type, "\"@type\" is " + type.kind(),
                    "a datatype IRI such as \"xsd:dateTime\"");
        }
        QName datatype = ctx.resolveDatatype(t.value(), type, path.child("@type"));
        // An untyped value is a string: xsd:string is not kept as a datatype (docs/formats.md).
        return new Simple(lexical, Datatypes.STRING.equals(datatype) ? null : datatype);
    }

    private static String attributeText(JsonValue v, JsonPath path) {
        if (v instanceof JsonValue.Str s) {
            return s.value();
        }
        if (v instanceof JsonValue.Num n) {
            return n.lexical();
        }
        if (v instanceof JsonValue.Bool b) {
            return Boolean.toString(b.value());
        }
        throw path.error(v, "an attribute value is " + v.kind(), "a string (XML attributes hold text)");
    }
}
