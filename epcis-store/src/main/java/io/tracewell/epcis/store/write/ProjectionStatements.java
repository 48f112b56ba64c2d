package io.tracewell.epcis.store.write;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The batched INSERT statements of the projection tables for one transaction. Rows are added with
 * {@code addBatch}; {@link #execute()} sends each table's batch (one multi-row INSERT per table with
 * {@code rewriteBatchedStatements=true}).
 */
final class ProjectionStatements implements AutoCloseable {

    final PreparedStatement epc;
    final PreparedStatement bizTransaction;
    final PreparedStatement sourceDest;
    final PreparedStatement persistentDisposition;
    final PreparedStatement correctiveId;
    final PreparedStatement field;
    final PreparedStatement sensorElement;
    final PreparedStatement sensorReport;
    private final List<PreparedStatement> all = new ArrayList<>();
    private final List<Integer> pending = new ArrayList<>();

    ProjectionStatements(Connection c) throws SQLException {
        epc = prepare(c, "INSERT INTO epcis_event_epc (event_row_id, role, position, canonical_id, written_id,"
                + " quantity, uom) VALUES (?, ?, ?, ?, ?, ?, ?)");
        bizTransaction = prepare(c, "INSERT INTO epcis_event_biz_transaction (event_row_id, position, type,"
                + " biz_transaction) VALUES (?, ?, ?, ?)");
        sourceDest = prepare(c, "INSERT INTO epcis_event_source_dest (event_row_id, direction, position, type,"
                + " canonical_id, written_id) VALUES (?, ?, ?, ?, ?, ?)");
        persistentDisposition = prepare(c, "INSERT INTO epcis_event_persistent_disposition (event_row_id,"
                + " change_kind, position, disposition) VALUES (?, ?, ?, ?)");
        correctiveId = prepare(c, "INSERT INTO epcis_event_corrective_id (event_row_id, position,"
                + " corrective_event_id) VALUES (?, ?, ?)");
        field = prepare(c, "INSERT INTO epcis_event_field (event_row_id, position, parent_position, scope, depth,"
                + " namespace, local_name, string_value, numeric_value, time_value, boolean_value)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        sensorElement = prepare(c, "INSERT INTO epcis_event_sensor_element (event_row_id, element_index, time,"
                + " start_time, end_time, device_id, device_metadata, raw_data, data_processing_method, biz_rules)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        sensorReport = prepare(c, "INSERT INTO epcis_event_sensor_report (event_row_id, element_index,"
                + " report_index, type, exception, device_id, device_metadata, raw_data, data_processing_method,"
                + " biz_rules, time, microorganism, chemical_substance, value, component, string_value,"
                + " boolean_value, hex_binary_value, uri_value, min_value, max_value, mean_value, s_dev, perc_rank,"
                + " perc_value, uom, coordinate_reference_system)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        all.add(s);
        pending.add(0);
        return s;
    }

    /** Sets the parameters in order and adds the row to the statement's batch. */
    void add(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            set(s, i + 1, values[i]);
        }
        s.addBatch();
        int index = all.indexOf(s);
        pending.set(index, pending.get(index) + 1);
    }

    void execute() throws SQLException {
        for (int i = 0; i < all.size(); i++) {
            if (pending.get(i) > 0) {
                all.get(i).executeBatch();
                pending.set(i, 0);
            }
        }
    }

    private static void set(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NULL);
        } else if (value instanceof String v) {
            s.setString(index, v);
        } else if (value instanceof Integer v) {
            s.setInt(index, v);
        } else if (value instanceof Long v) {
            s.setLong(index, v);
        } else if (value instanceof BigDecimal v) {
            s.setBigDecimal(index, v);
        } else if (value instanceof Boolean v) {
            s.setBoolean(index, v);
        } else if (value instanceof LocalDateTime v) {
            s.setObject(index, v);
        } else {
            throw new IllegalArgumentException("no column form for " + value.getClass());
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement s : all) {
            try {
                s.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
