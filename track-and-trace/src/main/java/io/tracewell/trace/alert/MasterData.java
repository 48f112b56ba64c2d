package io.tracewell.trace.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The master data the location rules read (docs/store.md §7): the current definition of an element is the latest
 * {@code master_data_element} row of its canonical id among the vocabulary types asked for; its attribute values
 * come by primary key. Lookups go through the index {@code (canonical_id, vocabulary_type)}.
 *
 * <p>One instance per evaluated outbox row: it remembers what it read, because a batch of events usually names the
 * same few locations and products again and again. Not thread-safe.
 */
final class MasterData {

    /** EPCIS 2.0 vocabulary types of products and of places (EPCIS 1.x used the generic Location type). */
    static final String EPC_CLASS = "urn:epcglobal:epcis:vtype:EPCClass";
    static final List<String> LOCATION_TYPES = List.of("urn:epcglobal:epcis:vtype:Location",
            "urn:epcglobal:epcis:vtype:BusinessLocation", "urn:epcglobal:epcis:vtype:ReadPoint");

    /**
     * The intended markets of a product class, ISO 3166-1 alpha-2 codes, one value each (repeatable). The id is
     * shared with the EU FMD gateway: keep it exactly.
     */
    static final String MARKET = "urn:tracewell:mda:market";

    /** How CBV master data attribute ids are written: documents carry the first form, some the other two. */
    private static final List<String> CBV_PREFIXES =
            List.of("urn:epcglobal:cbv:mda#", "urn:epcglobal:cbv:mda:", "cbvmda:");

    private final Connection connection;
    private final Map<String, Map<String, List<String>>> cache = new HashMap<>();

    MasterData(Connection connection) {
        this.connection = connection;
    }

    /** The country (CBV {@code countryCode}, upper case) of a location, when its master data gives one. */
    Optional<String> country(String location) throws SQLException {
        return cbv(location, LOCATION_TYPES, "countryCode").stream().findFirst()
                .map(code -> code.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** The coordinates (CBV {@code latitude}, {@code longitude}, WGS 84 degrees) of a location, when both are valid. */
    Optional<Coordinates> coordinates(String location) throws SQLException {
        OptionalDouble latitude = number(cbv(location, LOCATION_TYPES, "latitude"));
        OptionalDouble longitude = number(cbv(location, LOCATION_TYPES, "longitude"));
        if (latitude.isEmpty() || longitude.isEmpty() || Math.abs(latitude.getAsDouble()) > 90
                || Math.abs(longitude.getAsDouble()) > 180) {
            return Optional.empty();
        }
        return Optional.of(new Coordinates(latitude.getAsDouble(), longitude.getAsDouble()));
    }

    /** The intended markets of a product class (upper case, without blanks); empty when none are recorded. */
    List<String> markets(String productClass) throws SQLException {
        return attributes(productClass, List.of(EPC_CLASS)).getOrDefault(MARKET, List.of()).stream()
                .map(code -> code.strip().toUpperCase(java.util.Locale.ROOT)).toList();
    }

    /** A point on the earth. */
    record Coordinates(double latitude, double longitude) {

        private static final double EARTH_RADIUS_KM = 6371.0088; // the IUGG mean radius

        /** The great-circle distance in kilometres (haversine formula, spherical earth). */
        double kilometresTo(Coordinates other) {
            double phi1 = Math.toRadians(latitude);
            double phi2 = Math.toRadians(other.latitude);
            double dPhi = phi2 - phi1;
            double dLambda = Math.toRadians(other.longitude - longitude);
            double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                    + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
            return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
        }
    }

    private List<String> cbv(String id, List<String> types, String name) throws SQLException {
        Map<String, List<String>> attributes = attributes(id, types);
        for (String prefix : CBV_PREFIXES) {
            List<String> values = attributes.get(prefix + name);
            if (values != null) {
                return values;
            }
        }
        return List.of();
    }

    private static OptionalDouble number(List<String> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(values.get(0).strip());
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The simple attribute values of the element's current definition, by attribute id, in stored order. */
    private Map<String, List<String>> attributes(String canonicalId, List<String> types) throws SQLException {
        String key = String.join(" ", types) + " " + canonicalId;
        Map<String, List<String>> known = cache.get(key);
        if (known != null) {
            return known;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT a.attribute_id, a.string_value"
                + " FROM master_data_attribute a WHERE a.is_complex = FALSE AND a.element_row = (SELECT MAX(m.id)"
                + " FROM master_data_element m WHERE m.canonical_id = ? AND m.vocabulary_type IN ("
                + "?, ".repeat(types.size() - 1) + "?)) ORDER BY a.position")) {
            s.setString(1, canonicalId);
            for (int i = 0; i < types.size(); i++) {
                s.setString(i + 2, types.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String value = r.getString(2);
                    if (value != null && !value.isBlank()) {
                        values.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(value.strip());
                    }
                }
            }
        }
        cache.put(key, values);
        return values;
    }
}
