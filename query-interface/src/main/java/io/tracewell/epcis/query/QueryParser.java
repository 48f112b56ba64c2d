package io.tracewell.epcis.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads SimpleEventQuery parameters (EPCIS 2.0 §8.2.7.1) into a {@link SimpleEventQuery}. The same parser serves
 * {@code GET /events} (each URL parameter's pipe-delimited values) and named queries (JSON arrays). An unknown
 * parameter, a malformed value or a forbidden combination is a {@link QueryParameterException} naming the
 * parameter.
 */
public final class QueryParser {

    private final List<ParameterFamily> families;

    public QueryParser(List<ParameterFamily> families) {
        this.families = List.copyOf(families);
    }

    /** Every parameter family this server answers. */
    public static QueryParser standard() {
        return new QueryParser(List.of(new FixedParameters(), new MatchParameters(),
                new TransactionParameters(), new QuantityParameters(), new SensorParameters(),
                new ExtensionFieldParameters(), new MasterDataParameters()));
    }

    /** Splits a URL parameter's value at each {@code |} (the REST binding's pipe-delimited lists). */
    public static List<String> pipeDelimited(String value) {
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == '|') {
                values.add(value.substring(start, i));
                start = i + 1;
            }
        }
        return values;
    }

    /**
     * @param parameters each parameter name with its values, in request order; names that are not query
     *                   parameters (paging) must have been removed
     */
    public SimpleEventQuery parse(Map<String, List<String>> parameters, QueryContext context) {
        List<Condition> conditions = new ArrayList<>();
        SimpleEventQuery.OrderKey orderKey = null;
        Boolean ascending = null;
        Integer eventCountLimit = null;
        Integer maxEventCount = null;
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            String name = p.getKey();
            List<String> values = p.getValue();
            if (values.isEmpty() || values.stream().anyMatch(String::isEmpty) && !name.startsWith("EXISTS_")) {
                throw new QueryParameterException(name, "has an empty value", "a value (lists are separated by '|')");
            }
            switch (name) {
                case "orderBy" -> orderKey = orderKey(name, values);
                case "orderDirection" -> {
                    String d = QueryValues.single(name, values, "ASC or DESC");
                    if (!d.equals("ASC") && !d.equals("DESC")) {
                        throw new QueryParameterException(name, "\"" + d + "\" is not a direction", "ASC or DESC");
                    }
                    ascending = d.equals("ASC");
                }
                case "eventCountLimit" -> eventCountLimit = QueryValues.positiveInt(name, values);
                case "maxEventCount" -> maxEventCount = QueryValues.positiveInt(name, values);
                default -> conditions.add(condition(name, values, context));
            }
        }
        if (eventCountLimit != null && maxEventCount != null) {
            throw new QueryParameterException("eventCountLimit", "cannot be given together with maxEventCount",
                    "one of eventCountLimit and maxEventCount (EPCIS 2.0 section 8.2.7.1)");
        }
        if (ascending != null && orderKey == null) {
            throw new QueryParameterException("orderDirection", "has no orderBy to apply to",
                    "orderBy=eventTime or orderBy=recordTime with it");
        }
        SimpleEventQuery.Order order = orderKey == null ? SimpleEventQuery.Order.STORAGE
                // EPCIS 2.0 §8.2.7.1: orderDirection defaults to DESC
                : new SimpleEventQuery.Order(orderKey, ascending != null && ascending);
        return new SimpleEventQuery(conditions, order, eventCountLimit, maxEventCount);
    }

    private Condition condition(String name, List<String> values, QueryContext context) {
        for (ParameterFamily family : families) {
            Optional<Condition> condition = family.parse(name, values, context);
            if (condition.isPresent()) {
                return condition.get();
            }
        }
        throw new QueryParameterException(name, "is not a parameter of SimpleEventQuery",
                "a parameter of EPCIS 2.0 section 8.2.7.1 (names are case-sensitive)");
    }

    private static SimpleEventQuery.OrderKey orderKey(String name, List<String> values) {
        String v = QueryValues.single(name, values, "eventTime or recordTime");
        return switch (v) {
            case "eventTime" -> SimpleEventQuery.OrderKey.EVENT_TIME;
            case "recordTime" -> SimpleEventQuery.OrderKey.RECORD_TIME;
            default -> throw new QueryParameterException(name, "\"" + v + "\" cannot be ordered by",
                    "eventTime or recordTime");
        };
    }
}
