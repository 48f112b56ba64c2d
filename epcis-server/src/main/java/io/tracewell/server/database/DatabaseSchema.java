package io.tracewell.server.database;

import io.tracewell.epcis.store.schema.Migrations;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store schema of the server's database (docs/store.md), brought up to date once. The server
 * starts even when the database is not reachable yet; the migration is then tried again by every health
 * probe, and health stays DOWN until it has succeeded, so no traffic reaches tables that do not exist.
 */
public final class DatabaseSchema {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSchema.class);

    private final DataSource dataSource;
    private volatile boolean current;

    public DatabaseSchema(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Applies the pending migrations unless that was done already; throws with the reason when it fails. */
    public void migrate() {
        if (current) {
            return;
        }
        synchronized (this) {
            if (!current) {
                int applied = Migrations.migrate(dataSource);
                LOG.info("Database schema is current ({} migration(s) applied now)", applied);
                current = true;
            }
        }
    }

    /** {@link #migrate()} at start-up: a failure is logged, not thrown, and health reports it. */
    public void migrateOrLog() {
        try {
            migrate();
        } catch (RuntimeException e) {
            LOG.warn("Database schema migration failed; /health reports DOWN until it succeeds: {}", e.toString());
        }
    }

    public boolean isCurrent() {
        return current;
    }
}
