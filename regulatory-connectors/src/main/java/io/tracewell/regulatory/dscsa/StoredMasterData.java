package io.tracewell.regulatory.dscsa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads captured master data (docs/store.md §7): the current definition of an element is the latest row of
 * {@code master_data_element} for its vocabulary type and canonical id. Looks up by the index
 * {@code (canonical_id, vocabulary_type)}, attributes by primary key. The DSCSA documents read the CBV attributes by
 * their short names; the EU FMD connector reads CBV and Tracewell attributes by their full ids
 * ({@link #read(Connection, Collection, List, Function)}).
 */
public final class StoredMasterData {

    public static final String EPC_CLASS = "urn:epcglobal:epcis:vtype:EPCClass";
    public static final String LOCATION = "urn:epcglobal:epcis:vtype:Location";
    public static final String BUSINESS_LOCATION = "urn:epcglobal:epcis:vtype:BusinessLocation";

    private static final int BATCH = 500;

    private StoredMasterData() {
    }

    /**
     * The current definition of a stored element: its CBV master data attributes with simple values (structured
     * values, which the store keeps only as flattened text, are left out), by attribute name.
     */
    public record Element(long row, String canonicalId, Map<String, List<String>> values) {

        /** The non-blank values of the attribute under this key (for CBV attributes their name), in stored order. */
        public List<String> values(String localName) {
            return values.getOrDefault(localName, List.of());
        }

        public boolean has(String localName) {
            return !values(localName).isEmpty();
        }
    }

    /**
     * For each canonical id that has one, the current element of the first vocabulary type in
     * {@code typesByPreference} that defines it.
     */
    static Map<String, Element> read(Connection c, Collection<String> canonicalIds, List<String> typesByPreference)
            throws SQLException {
        return read(c, canonicalIds, typesByPreference, CbvMda::attributeName);
    }

    /**
     * As {@link #read(Connection, Collection, List)}, keeping the attributes that {@code attributeKey} gives a key
     * for, under that key ({@code Optional::of} keeps every attribute under its id as stored).
     */
    public static Map<String, Element> read(Connection c, Collection<String> canonicalIds,
                                            List<String> typesByPreference,
                                            Function<String, Optional<String>> attributeKey) throws SQLException {
        Map<String, long[]> best = new HashMap<>(); // canonical id -> {row, preference}
        List<String> ids = new ArrayList<>(canonicalIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
            try (PreparedStatement s = c.prepareStatement("SELECT id, vocabulary_type, canonical_id"
                    + " FROM master_data_element WHERE canonical_id IN (" + placeholders(part.size()) + ")"
                    + " AND vocabulary_type IN (" + placeholders(typesByPreference.size()) + ")")) {
                int i = 1;
                for (String id : part) {
                    s.setString(i++, id);
                }
                for (String type : typesByPreference) {
                    s.setString(i++, type);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long row = r.getLong(1);
                        long preference = typesByPreference.indexOf(r.getString(2));
                        best.merge(r.getString(3), new long[] {row, preference}, (a, b) ->
                                a[1] < b[1] || a[1] == b[1] && a[0] > b[0] ? a : b);
                    }
                }
            }
        }
        Map<Long, String> canonicalByRow = new HashMap<>();
        best.forEach((id, rowAndPreference) -> canonicalByRow.put(rowAndPreference[0], id));
        Map<Long, Map<String, List<String>>> values = attributes(c, new ArrayList<>(canonicalByRow.keySet()),
                attributeKey);
        Map<String, Element> elements = new HashMap<>();
        canonicalByRow.forEach((row, id) -> elements.put(id, new Element(row, id, values.getOrDefault(row, Map.of()))));
        return elements;
    }

    private static Map<Long, Map<String, List<String>>> attributes(Connection c, List<Long> rows,
                                                                   Function<String, Optional<String>> attributeKey)
            throws SQLException {
        Map<Long, Map<String, List<String>>> values = new HashMap<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Long> part = rows.subList(from, Math.min(rows.size(), from + BATCH));
            try (PreparedStatement s = c.prepareStatement("SELECT element_row, attribute_id, string_value"
                    + " FROM master_data_attribute WHERE element_row IN (" + placeholders(part.size()) + ")"
                    + " AND is_complex = FALSE ORDER BY element_row, position")) {
                for (int i = 0; i < part.size(); i++) {
                    s.setLong(i + 1, part.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String value = r.getString(3);
                        if (value == null || value.isBlank()) {
                            continue;
                        }
                        long row = r.getLong(1);
                        attributeKey.apply(r.getString(2)).ifPresent(name -> values
                                .computeIfAbsent(row, k -> new LinkedHashMap<>())
                                .computeIfAbsent(name, k -> new ArrayList<>()).add(value.strip()));
                    }
                }
            }
        }
        return values;
    }

    private static String placeholders(int n) {
        return "?, ".repeat(n - 1) + "?";
    }
}
