package io.tracewell.epcis.query;

import io.tracewell.epcis.id.EpcPattern;
import io.tracewell.epcis.id.IdentifierException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code MATCH_} parameters (EPCIS 2.0 §8.2.7.1.1): an identifier of the event, in the roles the parameter
 * names, equals one of the values or falls under one of the EPC patterns. Values may be written as EPC URI or
 * Digital Link; both meet the store's canonical form. Queried as {@code e.id IN (SELECT event_row_id FROM
 * epcis_event_epc ...)}, which the {@code (canonical_id, role)} index answers without reading other events.
 */
final class MatchParameters implements ParameterFamily {

    private static final List<String> INSTANCE_ROLES = List.of("EPC_LIST", "CHILD", "PARENT", "INPUT", "OUTPUT");
    private static final List<String> CLASS_ROLES = List.of("QUANTITY", "CHILD_QUANTITY", "INPUT_QUANTITY",
            "OUTPUT_QUANTITY");

    private static final Map<String, List<String>> ROLES = Map.of(
            "MATCH_epc", List.of("EPC_LIST", "CHILD"),
            "MATCH_parentID", List.of("PARENT"),
            "MATCH_inputEPC", List.of("INPUT"),
            "MATCH_outputEPC", List.of("OUTPUT"),
            "MATCH_anyEPC", INSTANCE_ROLES,
            "MATCH_epcClass", List.of("QUANTITY", "CHILD_QUANTITY"),
            "MATCH_inputEPCClass", List.of("INPUT_QUANTITY"),
            "MATCH_outputEPCClass", List.of("OUTPUT_QUANTITY"),
            "MATCH_anyEPCClass", CLASS_ROLES);

    @Override
    public Optional<Condition> parse(String name, List<String> values, QueryContext context) {
        List<String> roles = ROLES.get(name);
        if (roles == null) {
            return Optional.empty();
        }
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String raw : values) {
            String value = raw.trim();
            if (value.regionMatches(true, 0, "urn:epc:idpat:", 0, 14)) {
                EpcPattern pattern;
                try {
                    pattern = EpcPattern.parse(value);
                } catch (IdentifierException e) {
                    throw new QueryParameterException(name, "\"" + value + "\" is not a valid EPC pattern: "
                            + e.getMessage(), "an EPC pattern such as urn:epc:idpat:sgtin:0614141.107346.*");
                }
                PatternRange range = PatternRange.of(pattern).orElseThrow(() -> new QueryParameterException(name,
                        "the pattern \"" + value + "\" has a wildcard before a fixed component or none fixed;"
                                + " this server matches patterns whose fixed components give a whole GS1 key",
                        "a pattern with '*' only in its last component (class level) or none at all"));
                exact.add(range.exact());
                prefixes.add(range.likePrefix());
            } else {
                exact.add(QueryValues.canonical(value));
            }
        }
        StringBuilder match = new StringBuilder("x.canonical_id IN (").append(SqlWhere.placeholders(exact.size()))
                .append(')');
        for (int i = 0; i < prefixes.size(); i++) {
            match.append(" OR x.canonical_id LIKE ?");
        }
        List<Object> args = new ArrayList<>(roles);
        args.addAll(exact);
        args.addAll(prefixes);
        String sql = "e.id IN (SELECT x.event_row_id FROM epcis_event_epc x WHERE x.role IN ("
                + SqlWhere.placeholders(roles.size()) + ") AND (" + match + "))";
        return Optional.of(w -> w.add(sql, args.toArray()));
    }

    /** What a pattern covers in canonical Digital Links: the key itself, and everything below it. */
    record PatternRange(String exact, String likePrefix) {

        static Optional<PatternRange> of(EpcPattern pattern) {
            Optional<String> key = pattern.digitalLink();
            if (key.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PatternRange(key.get(), escapeLike(key.get()) + "/%"));
        }

        private static String escapeLike(String s) {
            return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
