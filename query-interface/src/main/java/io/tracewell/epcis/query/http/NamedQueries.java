package io.tracewell.epcis.query.http;

import io.tracewell.epcis.store.write.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The named queries of the store (table {@code named_query}, migration V4): each definition kept as the JSON the
 * client sent, under its name, until it is deleted. The name is the primary key, so two nodes creating the same
 * name at once cannot both succeed.
 */
public final class NamedQueries {

    /** MariaDB's error for a duplicate key (ER_DUP_ENTRY). */
    private static final int DUPLICATE_KEY = 1062;

    /** A stored definition: the name and the {@code query} object as JSON text. */
    record Stored(String name, String queryJson) {}

    private final DataSource dataSource;

    public NamedQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Stores a definition; false when the name is taken. */
    boolean create(String name, String queryJson) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO named_query (name, query, created_at) VALUES (?, ?, UTC_TIMESTAMP(6))")) {
            s.setString(1, name);
            s.setString(2, queryJson);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == DUPLICATE_KEY) {
                return false;
            }
            throw new StoreException("storing the named query " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** A stored query, read for running: its parameters and the prefixes of its {@code @context}. */
    public record Definition(String name, java.util.Map<String, List<String>> parameters,
                             io.tracewell.epcis.query.QueryContext context) {}

    /** The definition stored under {@code name}, read as {@code GET /queries/{name}/events} reads it. */
    public Optional<Definition> definition(String name) {
        return find(name).map(json -> {
            try {
                QueryDefinition d = QueryDefinition.of(
                        (com.fasterxml.jackson.databind.node.ObjectNode) QueryDefinition.JSON.readTree(json), "/query");
                return new Definition(name, d.parameters(), d.context());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the stored query " + name + " is not JSON: " + e.getMessage(), e);
            }
        });
    }

    /** Whether {@code name} can be a query's name (one path segment as it is). */
    public static boolean isName(String name) {
        return name != null && QueryDefinition.NAME.matcher(name).matches();
    }

    Optional<String> find(String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT query FROM named_query WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the named query " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Up to {@code limit} definitions whose names sort after {@code after}, by name. */
    List<Stored> page(String after, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT name, query FROM named_query WHERE name > ? ORDER BY name LIMIT ?")) {
            s.setString(1, after);
            s.setInt(2, limit);
            List<Stored> page = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    page.add(new Stored(r.getString(1), r.getString(2)));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new StoreException("listing the named queries failed: " + e.getMessage(), e);
        }
    }

    /** Deletes a definition; false when there was none of that name. */
    boolean delete(String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM named_query WHERE name = ?")) {
            s.setString(1, name);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("deleting the named query " + name + " failed: " + e.getMessage(), e);
        }
    }
}
