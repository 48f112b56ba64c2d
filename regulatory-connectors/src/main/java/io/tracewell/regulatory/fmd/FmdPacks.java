package io.tracewell.regulatory.fmd;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The packs the connector uploads (table {@code fmd_pack}, migration V14) and the state of the connector's
 * deliveries by subject. All on the caller's connection: collecting writes them in the transaction that creates the
 * deliveries and marks the outbox row processed.
 */
final class FmdPacks {

    private static final int BATCH = 500;

    /** A commissioned pack: its batch and expiry as printed, and the subject of the delivery that uploads it. */
    record Pack(String gtin, String serial, String lot, String expiry, String uploadSubject) {}

    private FmdPacks() {
    }

    /** Records the packs of one commissioning event, in batches; a pack recorded before keeps its row. */
    static void add(Connection c, List<Pack> packs, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO fmd_pack (gtin, serial, lot, expiry,"
                + " upload_subject, event_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Pack pack : packs) {
                s.setString(1, pack.gtin());
                s.setString(2, pack.serial());
                s.setString(3, pack.lot());
                s.setString(4, pack.expiry());
                s.setString(5, pack.uploadSubject());
                s.setString(6, eventId);
                s.addBatch();
                if (++pending == BATCH) {
                    s.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                s.executeBatch();
            }
        }
    }

    /** The packs an upload delivery carries, by serial. */
    static List<Pack> uploadedBy(Connection c, String subject) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT gtin, serial, lot, expiry, upload_subject FROM fmd_pack"
                + " WHERE upload_subject = ? ORDER BY gtin, serial")) {
            s.setString(1, subject);
            return read(s);
        }
    }

    /** The batches ({@code gtin} and lot) of these packs, as recorded. */
    static Map<String, Pack> find(Connection c, Collection<String[]> gtinAndSerial) throws SQLException {
        Map<String, Pack> found = new HashMap<>();
        List<String[]> all = new ArrayList<>(gtinAndSerial);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String[]> part = all.subList(from, Math.min(all.size(), from + BATCH));
            try (PreparedStatement s = c.prepareStatement("SELECT gtin, serial, lot, expiry, upload_subject"
                    + " FROM fmd_pack WHERE (gtin, serial) IN (" + "(?, ?), ".repeat(part.size() - 1) + "(?, ?))")) {
                int i = 1;
                for (String[] key : part) {
                    s.setString(i++, key[0]);
                    s.setString(i++, key[1]);
                }
                for (Pack p : read(s)) {
                    found.put(p.gtin() + "/" + p.serial(), p);
                }
            }
        }
        return found;
    }

    private static List<Pack> read(PreparedStatement s) throws SQLException {
        List<Pack> packs = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                packs.add(new Pack(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
            }
        }
        return packs;
    }

    /** The state of the connector's delivery of this subject to the hub, if there is one. */
    static Optional<String> deliveryState(Connection c, String connector, String partner, String subject)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT state FROM regulatory_delivery WHERE connector = ?"
                + " AND partner = ? AND subject = ?")) {
            s.setString(1, connector);
            s.setString(2, partner);
            s.setString(3, subject);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }
}
