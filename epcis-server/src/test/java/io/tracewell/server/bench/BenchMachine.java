package io.tracewell.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the benchmarks print about the machine and the source they ran on, so that figures can be compared. */
final class BenchMachine {

    private BenchMachine() {}

    /** The 1, 5 and 15 minute load averages, or "unknown". */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    /** The machine's memory, e.g. "23.5 GiB", or "unknown". */
    static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1048576.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "unknown";
    }

    /** The server's Java, one line. */
    static String java() {
        return command(ServerProcess.javaExecutable(), "-version").replace("\n", " | ");
    }

    /** The commit, and whether tracked files differ from it. */
    static String source() {
        String commit = command("git", "rev-parse", "--short", "HEAD");
        String changes = command("git", "status", "--porcelain", "--untracked-files=no");
        return "commit " + commit + (changes.isBlank() ? ", clean working tree"
                : ", working tree with uncommitted changes in " + changes.lines().count() + " tracked file(s)");
    }

    /** The server's peak RSS, largest heap after a collection and number of collections. */
    static String serverMemory(ServerProcess server) {
        ServerProcess.GcSummary gc = server.gcSummary();
        return String.format(Locale.ROOT, "server: peak RSS %,d MiB, max heap after GC %,d MiB, %d GC pauses",
                server.peakResidentMiB(), gc.maxAfterGcMiB(), gc.collections());
    }

    /** The command's output (stdout and stderr), trimmed; "unknown" when it cannot run. */
    static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
