package io.tracewell.epcis.store.write;

import static io.tracewell.epcis.store.write.SqlValues.canonical;
import static io.tracewell.epcis.store.write.SqlValues.truncate;

import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes captured master data (docs/store.md §7): one {@code master_data_element} row per element and capture,
 * its attribute values and its children, in the caller's transaction.
 */
final class MasterDataWriter {

    private static final int TEXT = 1024;
    private static final int ID = 512;

    private MasterDataWriter() {}

    static void write(Connection c, List<Vocabulary> vocabularies, String captureId, LocalDateTime recordTime)
            throws SQLException {
        try (PreparedStatement element = c.prepareStatement("INSERT INTO master_data_element (vocabulary_type,"
                + " element_id, canonical_id, capture_id, record_time) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement attribute = c.prepareStatement("INSERT INTO master_data_attribute (element_row,"
                     + " position, attribute_id, string_value, is_complex) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement child = c.prepareStatement("INSERT INTO master_data_child (element_row, position,"
                     + " child_id, canonical_id) VALUES (?, ?, ?, ?)")) {
            boolean any = false;
            for (Vocabulary vocabulary : vocabularies) {
                for (VocabularyElement e : vocabulary.elements()) {
                    element.setString(1, limit(vocabulary.type(), ID, "vocabulary type"));
                    element.setString(2, limit(e.id(), 2048, "master data element id"));
                    element.setString(3, limit(canonical(e.id()), ID, "master data element id (canonical form)"));
                    element.setString(4, captureId);
                    element.setObject(5, recordTime);
                    element.executeUpdate();
                    long row;
                    try (ResultSet keys = element.getGeneratedKeys()) {
                        keys.next();
                        row = keys.getLong(1);
                    }
                    int position = 0;
                    for (VocabularyAttribute a : e.attributes()) {
                        attribute.setLong(1, row);
                        attribute.setInt(2, position++);
                        attribute.setString(3, limit(a.id(), ID, "master data attribute id"));
                        boolean complex = a.value() instanceof ExtensionElement.Complex;
                        attribute.setString(4, truncate(text(a.value()), TEXT));
                        attribute.setBoolean(5, complex);
                        attribute.addBatch();
                        any = true;
                    }
                    position = 0;
                    for (String id : e.children()) {
                        child.setLong(1, row);
                        child.setInt(2, position++);
                        child.setString(3, limit(id, 2048, "master data child id"));
                        child.setString(4, limit(canonical(id), ID, "master data child id (canonical form)"));
                        child.addBatch();
                        any = true;
                    }
                }
            }
            if (any) {
                attribute.executeBatch();
                child.executeBatch();
            }
        }
    }

    /** A simple value as written; a structured one as its text content, space-separated; nil as null. */
    private static String text(ExtensionElement.ExtensionValue value) {
        if (value instanceof ExtensionElement.Simple simple) {
            return simple.lexical();
        }
        if (value instanceof ExtensionElement.Complex complex) {
            StringBuilder sb = new StringBuilder();
            for (ExtensionElement child : complex.children()) {
                String text = text(child.value());
                if (text != null && !text.isEmpty()) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(text);
                }
            }
            return sb.toString();
        }
        return null;
    }

    private static String limit(String value, int length, String what) {
        if (value.length() > length) {
            throw new StoreLimitException(what + " " + truncate(value, 60) + "...", value.length(), length);
        }
        return value;
    }
}
