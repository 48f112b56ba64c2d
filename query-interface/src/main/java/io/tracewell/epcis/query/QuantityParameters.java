package io.tracewell.epcis.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quantity parameters (EPCIS 2.0 §8.2.7.1): {@code EQ_quantity} (a list), {@code GT_/GE_/LT_/LE_quantity}
 * (one number), and the same with a unit, {@code EQ_quantity_<uom>}, {@code GT_quantity_<uom>} and so on. The event
 * has a quantity element, in any of its quantity lists, whose quantity compares true. Without a unit only
 * quantity elements without {@code uom} (counted instances) are compared, since a number alone says nothing about
 * an amount in kilograms or litres; with a unit only those in exactly that UN/CEFACT Rec. 20 code (no conversion
 * between units). Numbers compare exactly, as the store keeps them in {@code DECIMAL}.
 */
final class QuantityParameters implements ParameterFamily {

    private static final List<String> QUANTITY_ROLES = List.of("QUANTITY", "CHILD_QUANTITY", "INPUT_QUANTITY",
            "OUTPUT_QUANTITY");
    private static final Map<String, String> OPERATORS = Map.of("GT_", ">", "GE_", ">=", "LT_", "<", "LE_", "<=");

    @Override
    public Optional<Condition> parse(String name, List<String> values, QueryContext context) {
        if (name.length() < 3) {
            return Optional.empty();
        }
        String prefix = name.substring(0, 3);
        if (!prefix.equals("EQ_") && !OPERATORS.containsKey(prefix)) {
            return Optional.empty();
        }
        String rest = name.substring(3);
        String uom;
        if (rest.equals("quantity")) {
            uom = null;
        } else if (rest.startsWith("quantity_")) {
            uom = rest.substring("quantity_".length());
            if (!uom.matches("[A-Z0-9]{2,3}")) {
                throw new QueryParameterException(name, "\"" + uom + "\" is not a unit of measure",
                        prefix + "quantity_<uom> with a UN/CEFACT Rec. 20 code of 2 or 3 capitals or digits,"
                                + " e.g. " + prefix + "quantity_KGM");
            }
        } else {
            return Optional.empty();
        }
        List<Object> args = new ArrayList<>(QUANTITY_ROLES);
        StringBuilder sql = new StringBuilder("e.id IN (SELECT q.event_row_id FROM epcis_event_epc q WHERE q.role IN (")
                .append(SqlWhere.placeholders(QUANTITY_ROLES.size())).append(')');
        if (uom == null) {
            sql.append(" AND q.uom IS NULL");
        } else {
            sql.append(" AND q.uom = ?");
            args.add(uom);
        }
        if (prefix.equals("EQ_")) {
            List<BigDecimal> numbers = values.stream().map(v -> QueryValues.number(name, v)).toList();
            sql.append(" AND q.quantity IN (").append(SqlWhere.placeholders(numbers.size())).append(')');
            args.addAll(numbers);
        } else {
            BigDecimal number = QueryValues.number(name, QueryValues.single(name, values, "one decimal number"));
            sql.append(" AND q.quantity ").append(OPERATORS.get(prefix)).append(" ?");
            args.add(number);
        }
        sql.append(')');
        String predicate = sql.toString();
        return Optional.of(w -> w.add(predicate, args.toArray()));
    }
}
