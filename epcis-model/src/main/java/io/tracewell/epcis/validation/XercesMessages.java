package io.tracewell.epcis.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JDK XML Schema validator's messages ("cvc-complex-type.2.4.a: Invalid content was found
 * starting with element 'foo'. One of '{bar, baz}' is expected.") into a message and an expectation a
 * sender can act on. Messages it does not know keep their text, without the constraint code.
 */
final class XercesMessages {

    record Translation(String message, String expected) {
    }

    private static final String FALLBACK_EXPECTED = "content valid against the EPCIS 2.0 XML schema (EPCIS 2.0 section 9)";

    /** What our named simple types stand for, in the words of the standard. */
    private static final Map<String, String> TYPE_MEANINGS = Map.of(
            "DateTimeStamp", "an xsd:dateTime with a time zone, e.g. 2024-03-01T10:15:00.000+01:00, with an offset"
                    + " between -14:00 and +14:00 (EPCIS 2.0 section 7.3.1)",
            "ZonedDateTime", "an xsd:dateTime with a time zone, e.g. 2024-03-01T10:15:00Z (EPCIS 2.0 section 7.3.1)",
            "TimeZoneOffset", "a time zone offset [+-]HH:MM between -14:00 and +14:00, e.g. +01:00"
                    + " (EPCIS 2.0 section 7.4.1)",
            "UnitOfMeasure", "a UN/CEFACT Recommendation 20 unit code of two or three capital letters or digits,"
                    + " e.g. KGM (EPCIS 2.0 section 7.3.3.3)",
            "FiniteNumber", "a finite number, e.g. 12.5 (EPCIS 2.0 section 7.3.3.3)");

    private static final Map<String, String> BUILT_IN_MEANINGS = Map.of(
            "dateTime", "an xsd:dateTime with a time zone, e.g. 2024-03-01T10:15:00Z (EPCIS 2.0 section 7.3.1)",
            "double", "a number",
            "decimal", "a decimal number, e.g. 2.0",
            "integer", "a whole number",
            "int", "a whole number",
            "boolean", "true or false",
            "anyURI", "a URI",
            "hexBinary", "hexadecimal digits, e.g. f0a1",
            "NCName", "a name without spaces or colons");

    private static final Pattern CODE = Pattern.compile("^(cvc-[a-zA-Z0-9.-]+): (.*)$", Pattern.DOTALL);
    private static final Pattern INVALID_CONTENT = Pattern.compile(
            "Invalid content was found starting with element '([^']*)'\\. One of '\\{(.*)\\}' is expected\\.");
    private static final Pattern NO_CHILD_EXPECTED = Pattern.compile(
            "Invalid content was found starting with element '([^']*)'\\. No child element( '[^']*')? is expected at this point\\.");
    private static final Pattern INCOMPLETE = Pattern.compile(
            "The content of element '([^']*)' is not complete\\. One of '\\{(.*)\\}' is expected\\.");
    private static final Pattern ATTRIBUTE_NOT_ALLOWED = Pattern.compile(
            "Attribute '([^']*)' is not allowed to appear in element '([^']*)'\\.");
    private static final Pattern ATTRIBUTE_MISSING = Pattern.compile(
            "Attribute '([^']*)' must appear on element '([^']*)'\\.");
    private static final Pattern DATATYPE = Pattern.compile("'(.*)' is not a valid value for '([^']*)'\\.", Pattern.DOTALL);
    private static final Pattern PATTERN = Pattern.compile(
            "Value '(.*)' is not facet-valid with respect to pattern '.*' for type '([^']*)'\\.", Pattern.DOTALL);
    private static final Pattern ENUMERATION = Pattern.compile(
            "Value '(.*)' is not facet-valid with respect to enumeration '\\[(.*)\\]'\\. It must be a value from the enumeration\\.",
            Pattern.DOTALL);
    private static final Pattern ELEMENT_VALUE = Pattern.compile("The value '(.*)' of element '([^']*)' is not valid\\.", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile(
            "The value '(.*)' of attribute '([^']*)' on element '([^']*)' is not valid with respect to its type, '([^']*)'\\.",
            Pattern.DOTALL);
    private static final Pattern NO_TEXT = Pattern.compile(
            "Element '([^']*)' cannot have character \\[children\\], because the type's content type is element-only\\.");
    private static final Pattern UNDECLARED_ROOT = Pattern.compile("Cannot find the declaration of element '([^']*)'\\.");

    private XercesMessages() {
    }

    /** The constraint code of a validator message, e.g. {@code cvc-pattern-valid}, or empty. */
    static String code(String xercesMessage) {
        Matcher m = CODE.matcher(xercesMessage);
        return m.matches() ? m.group(1) : "";
    }

    /** Whether the message reports a value that breaks a facet or a datatype (always followed by a second
     *  message naming the element or attribute that holds the value). */
    static boolean isValueFacet(String xercesMessage) {
        // cvc-datatype-valid.1.2.1, cvc-pattern-valid, cvc-enumeration-valid, cvc-maxLength-valid, ...
        String code = code(xercesMessage);
        return code.startsWith("cvc-datatype-valid") || code.endsWith("-valid");
    }

    /** Whether the message names the element or attribute whose value broke the preceding facet. */
    static boolean isValueHolder(String xercesMessage) {
        String code = code(xercesMessage);
        return code.equals("cvc-type.3.1.3") || code.equals("cvc-attribute.3");
    }

    static Translation translate(String xercesMessage) {
        String text = stripCode(xercesMessage);
        Matcher m;
        if ((m = INVALID_CONTENT.matcher(text)).matches()) {
            return new Translation("unexpected element '" + m.group(1) + "'", oneOf(m.group(2)));
        }
        if ((m = NO_CHILD_EXPECTED.matcher(text)).matches()) {
            return new Translation("unexpected element '" + m.group(1) + "'",
                    "no further child element at this point");
        }
        if ((m = INCOMPLETE.matcher(text)).matches()) {
            return new Translation("element '" + m.group(1) + "' is incomplete", oneOf(m.group(2)));
        }
        if ((m = ATTRIBUTE_NOT_ALLOWED.matcher(text)).matches()) {
            return new Translation("attribute '" + m.group(1) + "' is not allowed on element '" + m.group(2) + "'",
                    "only the attributes the standard defines for '" + m.group(2)
                            + "', or extension attributes in a namespace of their own (EPCIS 2.0 section 9.1)");
        }
        if ((m = ATTRIBUTE_MISSING.matcher(text)).matches()) {
            return new Translation("missing attribute '" + m.group(1) + "' on element '" + m.group(2) + "'",
                    "attribute '" + m.group(1) + "'");
        }
        if ((m = NO_TEXT.matcher(text)).matches()) {
            return new Translation("element '" + m.group(1) + "' contains text", "only child elements inside '"
                    + m.group(1) + "'");
        }
        if ((m = UNDECLARED_ROOT.matcher(text)).matches()) {
            return new Translation("element '" + m.group(1) + "' is not defined by the EPCIS 2.0 schemas",
                    FALLBACK_EXPECTED);
        }
        if ((m = ELEMENT_VALUE.matcher(text)).matches()) {
            return new Translation("invalid value '" + m.group(1) + "' of element '" + m.group(2) + "'",
                    FALLBACK_EXPECTED);
        }
        if ((m = ATTRIBUTE_VALUE.matcher(text)).matches()) {
            return new Translation("invalid value '" + m.group(1) + "' of attribute '" + m.group(2)
                    + "' on element '" + m.group(3) + "'", meaningOf(m.group(4)));
        }
        String expected = facetExpectation(text);
        return new Translation(text, expected != null ? expected : FALLBACK_EXPECTED);
    }

    /** A value facet message (pattern, enumeration, datatype) merged with the message naming its holder. */
    static Translation merge(String facetMessage, String holderMessage) {
        Translation holder = translate(holderMessage);
        String expected = facetExpectation(stripCode(facetMessage));
        return new Translation(holder.message(), expected != null ? expected : holder.expected());
    }

    private static String facetExpectation(String text) {
        Matcher m;
        if ((m = ENUMERATION.matcher(text)).matches()) {
            return "one of " + m.group(2);
        }
        if ((m = PATTERN.matcher(text)).matches()) {
            return meaningOf(m.group(2));
        }
        if ((m = DATATYPE.matcher(text)).matches()) {
            return meaningOf(m.group(2));
        }
        return null;
    }

    private static String meaningOf(String typeName) {
        String local = typeName.substring(typeName.indexOf(':') + 1);
        String meaning = TYPE_MEANINGS.get(local);
        if (meaning == null) {
            meaning = BUILT_IN_MEANINGS.get(local);
        }
        return meaning != null ? meaning : "a valid " + typeName;
    }

    private static String stripCode(String message) {
        Matcher m = CODE.matcher(message);
        return m.matches() ? m.group(2).strip() : message.strip();
    }

    /** "{"urn:x":a, b, WC[##other:"urn:x"]}" contents as "one of a, b or an extension element ...". */
    private static String oneOf(String list) {
        List<String> names = new ArrayList<>();
        for (String item : list.split(",\\s*")) {
            String name = item.strip();
            if (name.startsWith("WC[##other")) {
                name = "an extension element in a namespace of its own";
            } else if (name.startsWith("WC[##local")) {
                name = "an unqualified element";
            } else if (name.startsWith("WC[")) {
                name = "any element";
            } else if (name.startsWith("\"")) {
                name = name.substring(name.lastIndexOf('"') + 2);
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return "one of " + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
