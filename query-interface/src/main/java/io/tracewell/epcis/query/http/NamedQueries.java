package io.tracewell.epcis.query.http;

import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.access.Visibility;
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
 * name at once cannot both succeed. Each definition is owned by the organisation that created it (V13): only
 * its callers (and regulators) see it, and only its callers delete it.
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

    /**
     * Stores a definition owned by {@code organisation}; false when the name is taken. Names are one namespace
     * for all organisations (they are the resource's path), so a name another organisation took is taken.
     */
    boolean create(String name, String organisation, String queryJson) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO named_query (name, organisation, query, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")) {
            s.setString(1, name);
            s.setString(2, organisation);
            s.setString(3, queryJson);
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

    /**
     * The definition stored under {@code name}, read as {@code GET /queries/{name}/events} reads it, whoever owns
     * it: for running a subscription, whose events are filtered by the subscriber's own caller.
     */
    public Optional<Definition> definition(String name) {
        return definition(name, null);
    }

    /** The definition stored under {@code name} if {@code caller} may see it ({@link #find}). */
    public Optional<Definition> definition(String name, Caller caller) {
        return find(name, caller).map(json -> {
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

    /**
     * The stored JSON of {@code name} if {@code caller} may see it (its organisation owns it, or it is a regulator;
     * a null caller is the server itself); another organisation's query is answered as absent.
     */
    Optional<String> find(String name, Caller caller) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT query, organisation FROM named_query WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && (caller == null || Visibility.owns(caller, r.getString(2)))
                        ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the named query " + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Up to {@code limit} definitions that {@code caller} may see ({@link #find}) whose names sort after
     * {@code after}, by name.
     */
    List<Stored> page(Caller caller, String after, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT name, query FROM named_query WHERE name > ?"
                        + (caller.readsAll() ? "" : " AND organisation = ?") + " ORDER BY name LIMIT ?")) {
            int i = 1;
            s.setString(i++, after);
            if (!caller.readsAll()) {
                s.setString(i++, caller.organisation());
            }
            s.setInt(i, limit);
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

    /**
     * Deletes a definition of {@code organisation}; false when it has none of that name. Only the owner deletes:
     * a regulator reads every organisation's queries but removes none.
     */
    boolean delete(String name, String organisation) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM named_query WHERE name = ? AND organisation = ?")) {
            s.setString(1, name);
            s.setString(2, organisation);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("deleting the named query " + name + " failed: " + e.getMessage(), e);
        }
    }
}
