package io.tracewell.server.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The embedded MariaDB started when no database URL is configured.
 *
 * @param dataDirectory absolute directory that holds the MariaDB binaries and data; kept between runs
 * @param port TCP port for the embedded server; {@code 0} asks for any free port, chosen at start-up
 * @param databaseName schema the server uses inside it
 */
public record EmbeddedDatabaseSettings(Path dataDirectory, int port, String databaseName) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    public EmbeddedDatabaseSettings {
        if (!dataDirectory.isAbsolute()) {
            throw new IllegalArgumentException("dataDirectory must be absolute: " + dataDirectory);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (!isDatabaseName(databaseName)) {
            throw new IllegalArgumentException("databaseName must be 1-64 letters, digits or '_': " + databaseName);
        }
    }

    /** A schema name we can put in a JDBC URL without quoting. */
    public static boolean isDatabaseName(String text) {
        return DATABASE_NAME.matcher(text).matches();
    }
}
