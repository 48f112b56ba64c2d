package io.tracewell.server;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Finds the mariadbd processes of an embedded database by the data directory they were started with. */
final class MariaDbProcesses {

    private MariaDbProcesses() {}

    /** Live processes started with {@code --datadir=<tracewell data directory>/mariadb/data}. */
    static List<ProcessHandle> serving(Path tracewellDataDirectory) {
        String argument = "--datadir=" + tracewellDataDirectory.toAbsolutePath().resolve("mariadb").resolve("data");
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().arguments()
                        .map(arguments -> Arrays.asList(arguments).contains(argument))
                        .orElse(false))
                .toList();
    }
}
