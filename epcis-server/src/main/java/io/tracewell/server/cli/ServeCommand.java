package io.tracewell.server.cli;

import io.tracewell.epcis.store.embedded.EmbeddedDatabaseException;
import io.tracewell.server.TracewellServer;
import io.tracewell.server.config.ConfigException;
import io.tracewell.server.config.ConfigSource;
import io.tracewell.server.config.TracewellConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tracewell serve}: runs the server until SIGTERM or Ctrl-C, then shuts down gracefully. */
@Command(
        name = "serve",
        description = {
            "Start the EPCIS server. Without --db-url (or EPCIS_DB_URL) it starts an embedded MariaDB",
            "with its data in --data-dir. Options override environment variables, which override defaults."
        })
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--host", paramLabel = "HOST",
            description = "Interface to listen on (EPCIS_HOST, default 0.0.0.0).")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "HTTP port, 0 for any free port (EPCIS_PORT, default 8080).")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the embedded MariaDB (EPCIS_DATA_DIR, default ./epcis-data).")
    Path dataDirectory;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "External MariaDB, e.g. jdbc:mariadb://db:3306/tracewell (EPCIS_DB_URL)."
                    + " Give its password in EPCIS_DB_PASSWORD.")
    String databaseUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "User of the external MariaDB (EPCIS_DB_USER).")
    String databaseUser;

    @Override
    public Integer call() throws InterruptedException {
        TracewellConfig config;
        try {
            config = TracewellConfig.from(ConfigSource.load(overrides()));
        } catch (ConfigException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
        }
        TracewellServer server = new TracewellServer(config);
        // One hook for the whole process, registered before start-up so that Ctrl-C during start-up
        // still stops the embedded database. close() waits for start() to finish.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tracewell-shutdown"));
        try {
            server.start();
        } catch (EmbeddedDatabaseException e) {
            throw new CommandFailure(ExitCodes.FAILURE, "the server did not start: " + e.getMessage(), e);
        } catch (Exception e) {
            LOG.error("Start-up failed", e);
            throw new CommandFailure(ExitCodes.FAILURE, "the server did not start: " + e.getMessage(), e);
        }
        server.awaitClosed();
        return ExitCodes.OK;
    }

    private Map<String, String> overrides() {
        Map<String, String> overrides = new HashMap<>();
        if (host != null) {
            overrides.put(TracewellConfig.HTTP_HOST, host);
        }
        if (port != null) {
            overrides.put(TracewellConfig.HTTP_PORT, port.toString());
        }
        if (dataDirectory != null) {
            overrides.put(TracewellConfig.DATA_DIR, dataDirectory.toString());
        }
        if (databaseUrl != null) {
            overrides.put(TracewellConfig.DB_URL, databaseUrl);
        }
        if (databaseUser != null) {
            overrides.put(TracewellConfig.DB_USER, databaseUser);
        }
        return overrides;
    }
}
