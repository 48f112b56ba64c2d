package io.tracewell.epcis.query;

import io.tracewell.epcis.model.EpcisTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The extension-field parameters of SimpleEventQuery (EPCIS 2.0 §8.2.7.1): {@code EQ_}, {@code GT_}, {@code GE_},
 * {@code LT_}, {@code LE_} and {@code EXISTS_} on an extension element of the event, of its ILMD, error
 * declaration, sensor element, sensor metadata or sensor report ({@code EQ_ILMD_<field>},
 * {@code GT_SENSORREPORT_<field>} ...), at the top level of that place or nested below it ({@code INNER_}), and
 * {@code EQ_readPoint_<field>} / {@code EQ_bizLocation_<field>} (with {@code INNER_}) inside the read point and
 * business location. The store keeps every extension element as a row of {@code epcis_event_field} (scope,
 * depth, namespace, local name, typed values; docs/store.md §2-3), so each parameter is a semi-join on that table.
 *
 * <p>The field is namespace-qualified, which is what tells it apart from the fixed names of other families
 * ({@code EQ_bizStep}, {@code GE_time}, {@code EQ_value_CEL}): a CURIE {@code prefix:localName} whose prefix the
 * request binds ({@code GS1-Extensions}), an EPCIS 1.2 style {@code namespaceURI#localName}, or an absolute IRI
 * such as {@code https://ns.example.com/epcis/lot}. A name without {@code :} or {@code #} is not this family's.
 *
 * <p>Values: {@code EQ_} takes a list; the field matches when its text equals one of the values, or, for a value
 * that reads as a number (xsd decimal or double syntax), when its number equals it ({@code 7} matches
 * {@code 7.0}), or, for a value that reads as a date-time with offset, when it is the same instant.
 * {@code GT_}/{@code GE_}/{@code LT_}/{@code LE_} take one number (compared with the field's number) or one
 * date-time with offset (compared with its instant); anything else is an error. {@code EXISTS_} ignores its
 * value, as {@code EXISTS_errorDeclaration} does. An {@code EQ_} value longer than the 1024 characters the store
 * keeps of a field's text is refused rather than compared by its prefix, which could match a different value.
 */
final class ExtensionFieldParameters implements ParameterFamily {

    /** The prefix of {@code string_value} the store keeps (docs/store.md §2). */
    static final int STRING_LENGTH = 1024;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final Pattern NC_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-]*");
    private static final int DECIMAL_SCALE = 20;

    /**
     * First segments of other families' templated names ({@code EQ_bizTransaction_<type>}, {@code EQ_source_<type>},
     * {@code GT_value_<uom>} ...) whose type may be a URI and so contain {@code :}; with an undeclared prefix they
     * are left to those families.
     */
    private static final Set<String> OTHER_STEMS = Set.of("bizTransaction", "source", "destination",
            "persistentDisposition", "value", "minValue", "maxValue", "meanValue", "sDev", "percValue", "quantity");

    enum Operator {
        EQ("="), GT(">"), GE(">="), LT("<"), LE("<="), EXISTS(null);

        final String sql;

        Operator(String sql) {
            this.sql = sql;
        }
    }

    /** Where the element sits: the store's scope names and the parameter words for them. */
    enum Scope {
        EVENT(""), ILMD("ILMD_"), ERROR_DECLARATION("ERROR_DECLARATION_"), SENSOR_ELEMENT("SENSORELEMENT_"),
        SENSOR_METADATA("SENSORMETADATA_"), SENSOR_REPORT("SENSORREPORT_"), READ_POINT("readPoint_"),
        BIZ_LOCATION("bizLocation_");

        final String word;

        Scope(String word) {
            this.word = word;
        }

        boolean location() {
            return this == READ_POINT || this == BIZ_LOCATION;
        }
    }

    /**
     * A parsed parameter name. {@code namespaces} holds the namespace the field may be in: one for a CURIE or an
     * IRI, two for {@code ns#local} (the namespace with and without the {@code #}, as XML and JSON-LD declare it).
     */
    record FieldName(Operator operator, boolean inner, Scope scope, List<String> namespaces, String localName) {}

    @Override
    public Optional<Condition> parse(String name, List<String> values, QueryContext context) {
        Optional<FieldName> parsed = fieldName(name, context);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        FieldName field = parsed.get();
        List<Object> args = new ArrayList<>(field.namespaces());
        StringBuilder sql = new StringBuilder("e.id IN (SELECT x.event_row_id FROM epcis_event_field x WHERE ")
                .append(field.namespaces().size() == 1 ? "x.namespace = ?"
                        : "x.namespace IN (" + SqlWhere.placeholders(field.namespaces().size()) + ")")
                .append(" AND x.local_name = ? AND x.scope = ? AND x.depth ").append(field.inner() ? "> 0" : "= 0");
        args.add(field.localName());
        args.add(field.scope().name());
        switch (field.operator()) {
            case EXISTS:
                break;
            case EQ:
                equalTo(name, values, sql, args);
                break;
            default:
                compared(name, field.operator(), values, sql, args);
        }
        sql.append(')');
        String predicate = sql.toString();
        Object[] arguments = args.toArray();
        return Optional.of(w -> w.add(predicate, arguments));
    }

    /** The parameter name read as an extension-field parameter, or empty when it is another family's. */
    static Optional<FieldName> fieldName(String name, QueryContext context) {
        int underscore = name.indexOf('_');
        if (underscore < 0) {
            return Optional.empty();
        }
        Operator operator;
        try {
            operator = Operator.valueOf(name.substring(0, underscore));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String rest = name.substring(underscore + 1);
        if (rest.indexOf(':') < 0 && rest.indexOf('#') < 0) {
            return Optional.empty(); // EQ_bizStep, GE_time, EQ_value_CEL ...: not namespace-qualified
        }
        boolean inner = rest.startsWith("INNER_");
        if (inner) {
            rest = rest.substring("INNER_".length());
        }
        Scope scope = Scope.EVENT;
        for (Scope s : Scope.values()) {
            if (s != Scope.EVENT && rest.startsWith(s.word) && rest.length() > s.word.length()) {
                scope = s;
                rest = rest.substring(s.word.length());
                break;
            }
        }
        Optional<String[]> qualified = qualifiedName(name, rest, context);
        if (qualified.isEmpty()) {
            return Optional.empty();
        }
        if (scope.location() && operator != Operator.EQ) {
            throw new QueryParameterException(name, "the extension fields of readPoint and bizLocation are compared"
                    + " with EQ_ only", "EQ_" + (inner ? "INNER_" : "") + scope.word + rest);
        }
        String[] nl = qualified.get();
        List<String> namespaces = nl.length == 3 ? List.of(nl[0], nl[2]) : List.of(nl[0]);
        return Optional.of(new FieldName(operator, inner, scope, namespaces, nl[1]));
    }

    /**
     * {namespace, localName} or, for {@code ns#local}, {namespace, localName, namespace + "#"}; empty when the text
     * is not a field name this family answers (another family's templated name).
     */
    private static Optional<String[]> qualifiedName(String parameter, String field, QueryContext context) {
        int hash = field.lastIndexOf('#');
        if (hash >= 0) {
            String namespace = field.substring(0, hash);
            if (!hasScheme(namespace)) {
                return Optional.empty();
            }
            String local = localName(parameter, field.substring(hash + 1));
            return Optional.of(new String[] {namespace, local, namespace + "#"});
        }
        int colon = field.indexOf(':');
        String prefix = field.substring(0, colon);
        String afterColon = field.substring(colon + 1);
        String iri = context.prefixes().iri(prefix);
        if (iri != null) {
            return Optional.of(new String[] {iri, localName(parameter, afterColon)});
        }
        if (afterColon.startsWith("//")) {
            if (!SCHEME.matcher(prefix).matches()) {
                return Optional.empty();
            }
            int slash = field.lastIndexOf('/');
            return Optional.of(new String[] {field.substring(0, slash + 1),
                    localName(parameter, field.substring(slash + 1))});
        }
        int stem = prefix.indexOf('_');
        if (stem > 0 && OTHER_STEMS.contains(prefix.substring(0, stem))) {
            return Optional.empty();
        }
        throw new QueryParameterException(parameter, "the prefix \"" + prefix + "\" of the field \"" + field
                + "\" is not declared", "a prefix bound in the GS1-Extensions header (e.g. GS1-Extensions: " + prefix
                + "=https://ns.example.com/epcis/), or the field as namespaceURI#localName");
    }

    private static boolean hasScheme(String iri) {
        int colon = iri.indexOf(':');
        return colon > 0 && SCHEME.matcher(iri.substring(0, colon)).matches();
    }

    private static String localName(String parameter, String local) {
        if (!NC_NAME.matcher(local).matches()) {
            throw new QueryParameterException(parameter, "\"" + local + "\" is not the local name of an element",
                    "an XML name (letters, digits, '_', '-', '.'; not starting with a digit) after the prefix,"
                            + " '#' or the last '/'");
        }
        return local;
    }

    private static void equalTo(String name, List<String> values, StringBuilder sql, List<Object> args) {
        List<String> strings = new ArrayList<>();
        List<BigDecimal> numbers = new ArrayList<>();
        List<LocalDateTime> times = new ArrayList<>();
        for (String v : values) {
            if (v.length() > STRING_LENGTH) {
                throw new QueryParameterException(name, "a value of " + v.length() + " characters is longer than"
                        + " this server compares", "values of at most " + STRING_LENGTH + " characters");
            }
            strings.add(v);
            number(v).ifPresent(numbers::add);
            time(v).ifPresent(times::add);
        }
        sql.append(" AND (x.string_value IN (").append(SqlWhere.placeholders(strings.size())).append(')');
        args.addAll(strings);
        if (!numbers.isEmpty()) {
            sql.append(" OR x.numeric_value IN (").append(SqlWhere.placeholders(numbers.size())).append(')');
            args.addAll(numbers);
        }
        if (!times.isEmpty()) {
            sql.append(" OR x.time_value IN (").append(SqlWhere.placeholders(times.size())).append(')');
            args.addAll(times);
        }
        sql.append(')');
    }

    private static void compared(String name, Operator operator, List<String> values, StringBuilder sql,
            List<Object> args) {
        String expected = "one number (e.g. 12.5) or one date and time with offset (e.g. 2024-03-01T10:15:00Z)";
        String v = QueryValues.single(name, values, expected);
        Optional<BigDecimal> number = number(v);
        if (number.isPresent()) {
            sql.append(" AND x.numeric_value ").append(operator.sql).append(" ?");
            args.add(number.get());
            return;
        }
        Optional<LocalDateTime> time = time(v);
        if (time.isPresent()) {
            sql.append(" AND x.time_value ").append(operator.sql).append(" ?");
            args.add(time.get());
            return;
        }
        throw new QueryParameterException(name, "\"" + v + "\" is neither a number nor a date and time with offset",
                expected);
    }

    /** A number as the store keeps it: xsd decimal/double syntax, at most 20 fraction digits (half-even). */
    static Optional<BigDecimal> number(String text) {
        String s = text.strip();
        if (!NUMBER.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            BigDecimal n = new BigDecimal(s);
            return Optional.of(n.scale() > DECIMAL_SCALE ? n.setScale(DECIMAL_SCALE, RoundingMode.HALF_EVEN) : n);
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A date-time with offset as the UTC wall-clock time (microseconds) the store keeps. */
    static Optional<LocalDateTime> time(String text) {
        String s = text.strip();
        if (s.length() < 20 || s.charAt(4) != '-') {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.ofInstant(EpcisTime.parse(s).instant().truncatedTo(ChronoUnit.MICROS),
                    ZoneOffset.UTC));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
