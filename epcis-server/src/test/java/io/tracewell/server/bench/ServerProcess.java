package io.tracewell.server.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Tracewell server under test, in a JVM of its own ({@code java <options> -jar epcis-server.jar serve}), so
 * that its heap limit is the one being measured and the load generator's work does not count against it. Its
 * output goes to a log file; a GC log beside it gives the largest heap left after a collection.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern GC_AFTER = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Process process;
    private final URI base;
    private final Path log;
    private final Path gcLog;
    private final Thread stopOnExit;

    private ServerProcess(Process process, URI base, Path log, Path gcLog) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.gcLog = gcLog;
        this.stopOnExit = new Thread(this::stop, "stop-tracewell-server");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the jar on 127.0.0.1:{@code port} with {@code environment} as its only EPCIS_* variables (the
     * caller's own EPCIS_* variables are removed so that they cannot change what is measured).
     */
    static ServerProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, int port,
                               Path workDirectory) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no server jar at " + jar.toAbsolutePath()
                    + "; build it with ./mvnw -B -q package -DskipTests -pl epcis-server -am");
        }
        Files.createDirectories(workDirectory);
        Path log = workDirectory.resolve("server.log");
        Path gcLog = workDirectory.resolve("server-gc.log");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-Xlog:gc:file=" + gcLog.toAbsolutePath());
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of("serve", "--host", "127.0.0.1", "--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("EPCIS_"));
        // explicitly: benchmarks measure the store, not credential checks or the rate limit
        builder.environment().put("EPCIS_SECURITY_DEVELOPMENT_MODE", "true");
        builder.environment().put("EPCIS_SECURITY_RATE_LIMIT_PER_SECOND", "0");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        System.out.println("server: " + String.join(" ", command));
        return new ServerProcess(builder.start(), URI.create("http://127.0.0.1:" + port + "/"), log, gcLog);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code GET /health} answers 200; fails with the end of the log if the server exits first. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(base.resolve("health")).timeout(Duration.ofSeconds(5)).GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue()
                        + " before it was healthy; end of " + log + ":\n" + logTail(40));
            }
            try {
                lastStatus = client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // starting up
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server was not healthy within " + timeout.toSeconds() + " s (last "
                + "GET /health status " + lastStatus + "); end of " + log + ":\n" + logTail(40));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The server process's peak resident set (VmHWM), in MiB, or -1 where /proc does not tell. */
    long peakResidentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** The server process's resident set now (VmRSS), in MiB, or -1 where /proc does not tell. */
    long residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /**
     * The live heap, in MiB: asks the server for a full collection ({@code jcmd <pid> GC.run}) and reads what it
     * left from the GC log. What young collections leave includes garbage already promoted and not yet marked, so it
     * grows for a while in any healthy G1 heap; what a full collection leaves is what the server really holds.
     * -1 when jcmd cannot be run.
     */
    long liveHeapMiB() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return -1;
            }
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        return latestHeapAfterGcMiB();
    }

    /** From the GC log: the heap left after the latest collection, in MiB, or -1 before the first. */
    long latestHeapAfterGcMiB() {
        long latest = -1;
        try {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_AFTER.matcher(line);
                if (m.find()) {
                    latest = Long.parseLong(m.group(2));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return latest;
    }

    /** From the GC log: pauses, the largest heap left after one (MiB) and the heap's committed peak. */
    GcSummary gcSummary() {
        long collections = 0;
        long maxAfter = 0;
        long maxCommitted = 0;
        try {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_AFTER.matcher(line);
                if (m.find()) {
                    collections++;
                    maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
                    maxCommitted = Math.max(maxCommitted, Long.parseLong(m.group(3)));
                }
            }
        } catch (IOException e) {
            return new GcSummary(-1, -1, -1);
        }
        return new GcSummary(collections, maxAfter, maxCommitted);
    }

    record GcSummary(long collections, long maxAfterGcMiB, long maxCommittedMiB) {
    }

    /** Whether the server's log reports that it ran out of memory. */
    boolean loggedOutOfMemory() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains("OutOfMemoryError");
        } catch (IOException e) {
            return false;
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    Path log() {
        return log;
    }

    /** SIGTERM (the server stops its embedded database on it), then a kill after a minute. */
    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                System.err.println("the server did not stop within 60 s of SIGTERM; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs stop() again, which is harmless
        }
    }
}
