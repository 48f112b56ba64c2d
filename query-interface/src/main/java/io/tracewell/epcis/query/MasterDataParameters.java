package io.tracewell.epcis.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The master-data parameters of SimpleEventQuery (EPCIS 2.0 §8.2.7.1): {@code HASATTR_<fieldname>} (the vocabulary
 * element in the event's read point or business location has an attribute of one of the given names, with a
 * value) and {@code EQATTR_<fieldname>_<attrname>} (it has attribute {@code <attrname>} with one of the given
 * values). {@code <fieldname>} is {@code readPoint} or {@code bizLocation}; attribute names are compared as
 * written in the captured master data ({@code urn:epcglobal:cbv:mda#sst}).
 *
 * <p>Master data captured again adds rows (docs/store.md §7); an element's current definition is its newest
 * {@code master_data_element} row for each vocabulary type, and only current definitions are asked, so an
 * attribute dropped by a later capture no longer matches. The vocabulary type is not checked against the field:
 * read points are commonly described in the BusinessLocation vocabulary.
 */
final class MasterDataParameters implements ParameterFamily {

    private static final Map<String, String> COLUMNS = Map.of("readPoint", "e.read_point",
            "bizLocation", "e.biz_location");

    /** The element rows that are the current definition of their (vocabulary type, element). */
    private static final String CURRENT = "m.id = (SELECT MAX(n.id) FROM master_data_element n"
            + " WHERE n.canonical_id = m.canonical_id AND n.vocabulary_type = m.vocabulary_type)";

    @Override
    public Optional<Condition> parse(String name, List<String> values, QueryContext context) {
        if (name.startsWith("HASATTR_")) {
            String field = name.substring("HASATTR_".length());
            String column = column(name, field);
            List<String> attributes = trimmed(values);
            String sql = column + " IN (SELECT m.canonical_id FROM master_data_element m"
                    + " JOIN master_data_attribute a ON a.element_row = m.id"
                    + " WHERE a.attribute_id IN (" + SqlWhere.placeholders(attributes.size()) + ")"
                    + " AND a.string_value IS NOT NULL AND " + CURRENT + ")";
            return Optional.of(w -> w.add(sql, attributes.toArray()));
        }
        if (name.startsWith("EQATTR_")) {
            String rest = name.substring("EQATTR_".length());
            int underscore = rest.indexOf('_');
            String field = underscore < 0 ? rest : rest.substring(0, underscore);
            String column = column(name, field);
            String attribute = underscore < 0 ? "" : rest.substring(underscore + 1);
            if (attribute.isEmpty()) {
                throw new QueryParameterException(name, "names no attribute",
                        "EQATTR_" + field + "_<attribute name>, e.g. EQATTR_" + field + "_urn:epcglobal:cbv:mda#sst");
            }
            List<Object> args = new ArrayList<>();
            args.add(attribute);
            args.addAll(values);
            String sql = column + " IN (SELECT m.canonical_id FROM master_data_element m"
                    + " JOIN master_data_attribute a ON a.element_row = m.id"
                    + " WHERE a.attribute_id = ? AND a.string_value IN (" + SqlWhere.placeholders(values.size()) + ")"
                    + " AND " + CURRENT + ")";
            return Optional.of(w -> w.add(sql, args.toArray()));
        }
        return Optional.empty();
    }

    private static String column(String parameter, String field) {
        String column = COLUMNS.get(field);
        if (column == null) {
            throw new QueryParameterException(parameter, "\"" + field + "\" is not an event field with master data",
                    "readPoint or bizLocation after HASATTR_ or EQATTR_");
        }
        return column;
    }

    private static List<String> trimmed(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(v.trim());
        }
        return out;
    }
}
