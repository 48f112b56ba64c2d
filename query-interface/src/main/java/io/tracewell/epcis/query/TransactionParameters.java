package io.tracewell.epcis.query;

import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.SourceDestType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code EQ_bizTransaction_<type>}, {@code EQ_source_<type>} and {@code EQ_destination_<type>} (EPCIS 2.0
 * §8.2.7.1): the event has a business transaction, source or destination of that type whose value is one of the
 * listed ones. The type may be written as bare word ({@code po}, {@code possessing_party}), URN, Web URI or a URI
 * of one's own; it is read into the canonical URI the store keeps. Transactions are compared as written (the store
 * keeps no other form of them); sources and destinations in canonical identifier form, so an EPC URI and a
 * Digital Link of the same GS1 key meet.
 */
final class TransactionParameters implements ParameterFamily {

    private static final String BIZ_TRANSACTION = "EQ_bizTransaction_";
    private static final String SOURCE = "EQ_source_";
    private static final String DESTINATION = "EQ_destination_";

    @Override
    public Optional<Condition> parse(String name, List<String> values, QueryContext context) {
        if (name.startsWith(BIZ_TRANSACTION)) {
            String type = type(name, BIZ_TRANSACTION, t -> BizTransactionType.of(t).uri(),
                    "business transaction type");
            List<String> transactions = values.stream().map(String::trim).toList();
            return Optional.of(w -> w.add("e.id IN (SELECT t.event_row_id FROM epcis_event_biz_transaction t"
                    + " WHERE t.type = ? AND t.biz_transaction IN (" + SqlWhere.placeholders(transactions.size())
                    + "))", prepend(type, transactions)));
        }
        if (name.startsWith(SOURCE)) {
            return Optional.of(sourceDest(name, SOURCE, "SOURCE", values));
        }
        if (name.startsWith(DESTINATION)) {
            return Optional.of(sourceDest(name, DESTINATION, "DESTINATION", values));
        }
        return Optional.empty();
    }

    private static Condition sourceDest(String name, String prefix, String direction, List<String> values) {
        String type = type(name, prefix, t -> SourceDestType.of(t).uri(), "source/destination type");
        List<String> ids = QueryValues.identifiers(name, values);
        List<Object> args = new ArrayList<>();
        args.add(direction);
        args.add(type);
        args.addAll(ids);
        return w -> w.add("e.id IN (SELECT s.event_row_id FROM epcis_event_source_dest s WHERE s.direction = ?"
                + " AND s.type = ? AND s.canonical_id IN (" + SqlWhere.placeholders(ids.size()) + "))",
                args.toArray());
    }

    /** The type named after the prefix, as the store's canonical URI. */
    private static String type(String name, String prefix, Function<String, String> canonical, String what) {
        String written = name.substring(prefix.length());
        if (written.isBlank()) {
            throw new QueryParameterException(name, "names no " + what,
                    prefix + "<type> with a CBV " + what + " (bare word, URN or Web URI) or a URI of your own");
        }
        try {
            return canonical.apply(written);
        } catch (IllegalArgumentException e) { // VocabularyException included
            throw new QueryParameterException(name, "\"" + written + "\" is not a " + what,
                    prefix + "<type> with a CBV " + what + " (bare word, URN or Web URI) or an absolute URI"
                            + " of your own");
        }
    }

    private static Object[] prepend(Object first, List<?> rest) {
        List<Object> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }
}
