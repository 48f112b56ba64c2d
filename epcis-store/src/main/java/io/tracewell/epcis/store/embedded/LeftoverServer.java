package io.tracewell.epcis.store.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mariadbd left running on our data directory by a Tracewell process that was killed (SIGKILL, power
 * loss of the JVM only). It holds the InnoDB lock, so a new server could not start; since we hold the
 * {@link DataDirectoryLock}, no live Tracewell server owns it and we may stop it.
 */
final class LeftoverServer {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);

    private LeftoverServer() {}

    static void stopIfRunning(Path pidFile, Path dataDirectory) {
        Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> servesDataDirectory(process, dataDirectory));
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle process = leftover.get();
        LOG.warn("Stopping an embedded MariaDB left running by an earlier run (pid {})", process.pid());
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("interrupted while stopping the leftover MariaDB (pid "
                    + process.pid() + ")", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EmbeddedDatabaseException("the leftover MariaDB (pid " + process.pid()
                    + ") did not stop within 60 s; stop it by hand", e);
        }
    }

    private static boolean servesDataDirectory(ProcessHandle process, Path dataDirectory) {
        String datadirArgument = "--datadir=" + dataDirectory.toAbsolutePath();
        return process.info().arguments()
                .map(arguments -> Arrays.asList(arguments).contains(datadirArgument))
                .orElse(false);
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Ignoring unreadable MariaDB pid file {}: {}", pidFile, e.getMessage());
            return Optional.empty();
        }
    }
}
