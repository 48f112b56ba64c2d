package io.tracewell.epcis.store.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the current event store schema with the Flyway scripts under
 * {@code db/migration} on the class path (docs/store.md).
 */
public final class Migrations {

    /** Where the scripts live, on the class path. */
    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    /**
     * Applies every script the database has not seen yet and returns the number applied. A database
     * that already holds tables of its own but no Flyway history is refused by Flyway (no baseline).
     */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
