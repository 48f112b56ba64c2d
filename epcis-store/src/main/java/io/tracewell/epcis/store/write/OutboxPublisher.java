package io.tracewell.epcis.store.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Gives committed outbox rows their {@code visible_seq} (migration V5, docs/store.md §5a): in one transaction,
 * it locks the sequence row, reads the committed rows that have none (a plain read, so a transaction still open
 * is neither seen nor waited for) and numbers them in row order. The store calls it after each commit; the server
 * also calls it now and then for rows whose node stopped between the two.
 */
public final class OutboxPublisher {

    private final DataSource dataSource;

    public OutboxPublisher(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Numbers the committed, unnumbered outbox rows; returns how many. */
    public int publish() {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long last;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT last_seq FROM outbox_sequence WHERE id = 1 FOR UPDATE");
                     ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new SQLException("outbox_sequence has no row");
                    }
                    last = r.getLong(1);
                }
                // The first plain read of the transaction, after the lock: it sees every publisher before this one.
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT id FROM epcis_outbox WHERE visible_seq IS NULL ORDER BY id");
                     ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
                if (!ids.isEmpty()) {
                    try (PreparedStatement s = c.prepareStatement(
                            "UPDATE epcis_outbox SET visible_seq = ? WHERE id = ? AND visible_seq IS NULL")) {
                        for (long id : ids) {
                            s.setLong(1, ++last);
                            s.setLong(2, id);
                            s.addBatch();
                        }
                        s.executeBatch();
                    }
                    try (PreparedStatement s = c.prepareStatement(
                            "UPDATE outbox_sequence SET last_seq = ? WHERE id = 1")) {
                        s.setLong(1, last);
                        s.executeUpdate();
                    }
                }
                c.commit();
                return ids.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("numbering committed outbox rows failed: " + e.getMessage(), e);
        }
    }
}
