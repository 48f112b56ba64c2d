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
 * Digital Link; both meet the store's canonical form. Any {@code urn:epc:idpat:} pattern of a GS1 key scheme is
 * taken (instance, class level, company prefix only, all wildcards): {@link PatternLikes} turns it into LIKE
 * patterns on the canonical Digital Links that select what {@code EpcPattern.matches} selects. Queried as
 * {@code e.id IN (SELECT event_row_id FROM epcis_event_epc ...)}, which the {@code (canonical_id, role)} index
 * answers without reading other events: every LIKE pattern starts with a fixed part.
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
        List<String> likes = new ArrayList<>();
        for (String raw : values) {
            String value = raw.trim();
            if (value.regionMatches(true, 0, "urn:epc:idpat:", 0, 14)) {
                EpcPattern pattern;
                try {
                    pattern = EpcPattern.parse(value);
                } catch (IdentifierException e) {
                    throw new QueryParameterException(name, "\"" + value + "\" is not a valid EPC pattern: "
                            + e.getMessage(), "an EPC pattern of a GS1 key scheme such as"
                                    + " urn:epc:idpat:sgtin:0614141.107346.* or urn:epc:idpat:sgtin:0614141.*.*");
                }
                likes.addAll(PatternLikes.of(pattern));
            } else {
                exact.add(QueryValues.canonical(value));
            }
        }
        List<String> alternatives = new ArrayList<>();
        if (!exact.isEmpty()) {
            alternatives.add("x.canonical_id IN (" + SqlWhere.placeholders(exact.size()) + ")");
        }
        for (int i = 0; i < likes.size(); i++) {
            alternatives.add("x.canonical_id LIKE ?");
        }
        List<Object> args = new ArrayList<>(roles);
        args.addAll(exact);
        args.addAll(likes);
        String sql = "e.id IN (SELECT x.event_row_id FROM epcis_event_epc x WHERE x.role IN ("
                + SqlWhere.placeholders(roles.size()) + ") AND (" + String.join(" OR ", alternatives) + "))";
        return Optional.of(w -> w.add(sql, args.toArray()));
    }
}
