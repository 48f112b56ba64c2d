package io.tracewell.epcis.store.embedded;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where and how the embedded MariaDB runs.
 *
 * @param dataDirectory absolute directory that holds the MariaDB binaries and data (under {@code mariadb/});
 *     kept between runs
 * @param port TCP port on 127.0.0.1; {@code 0} asks for any free port, chosen at start-up
 * @param databaseName schema that {@link EmbeddedMariaDb#connectionSettings()} names, created on first connection
 */
public record EmbeddedMariaDbSettings(Path dataDirectory, int port, String databaseName) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    public EmbeddedMariaDbSettings {
        if (!dataDirectory.isAbsolute()) {
            throw new IllegalArgumentException("dataDirectory must be absolute: " + dataDirectory);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (!DATABASE_NAME.matcher(databaseName).matches()) {
            // It goes into the JDBC URL unquoted.
            throw new IllegalArgumentException("databaseName must be 1-64 letters, digits or '_': " + databaseName);
        }
    }
}
