package io.tracewell.epcis.bench;

import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.EpcisEventWriter;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parse and conversion throughput of the two bindings, and conversion of a large document in bounded memory.
 *
 * <pre>
 * throughput [--events 100000] [--passes 5] [--warmup 1] [--dir target/format-bench]
 *     generates one document per binding, then parses each and converts each into the other binding (output
 *     discarded), warm-up passes and several measured passes; prints the median (MB = 10^6 bytes of input).
 * bounded [--events 1000000] [--dir target/format-bench] [--keep]
 *     generates one document per binding and converts each into the other (to a file), reporting wall time and
 *     heap use; run with -Xmx256m to show that memory does not grow with the document.
 * generate --format xml|jsonld [--events 100000] --out FILE
 *     writes a synthetic document.
 * </pre>
 *
 * Scripted as {@code scripts/bench-formats.sh}; figures in docs/benchmarks.md.
 */
public final class FormatBenchmark {

    private FormatBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            usage("no mode given");
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        Path dir = Path.of(options.getOrDefault("dir", "target/format-bench"));
        switch (args[0]) {
            case "throughput" -> throughput(number(options, "events", 100_000), (int) number(options, "passes", 5),
                    (int) number(options, "warmup", 1), dir);
            case "bounded" -> bounded(number(options, "events", 1_000_000), dir, options.containsKey("keep"));
            case "generate" -> generate(options);
            default -> usage("unknown mode '" + args[0] + "'");
        }
    }

    private static void throughput(long events, int passes, int warmup, Path dir) throws IOException {
        if (passes < 1) {
            throw usage("--passes must be at least 1");
        }
        printEnvironment();
        Path xml = dir.resolve("bench-" + events + ".xml");
        Path json = dir.resolve("bench-" + events + ".jsonld");
        long xmlBytes = DocumentGenerator.write(Format.XML, events, xml);
        long jsonBytes = DocumentGenerator.write(Format.JSON_LD, events, json);
        System.out.printf(Locale.ROOT, "generated %,d events: XML %,d bytes, JSON-LD %,d bytes%n", events, xmlBytes,
                jsonBytes);
        List<String> rows = new ArrayList<>();
        rows.add(measure("parse XML", xml, Format.XML, null, events, passes, warmup));
        rows.add(measure("parse JSON-LD", json, Format.JSON_LD, null, events, passes, warmup));
        rows.add(measure("convert XML → JSON-LD", xml, Format.XML, Format.JSON_LD, events, passes, warmup));
        rows.add(measure("convert JSON-LD → XML", json, Format.JSON_LD, Format.XML, events, passes, warmup));
        System.out.println();
        System.out.printf("| Operation (%,d events, median of %d after %d warm-up) | Input MB | Seconds, median "
                + "(best–worst) | MB/s | events/s | CPU s of the thread | events per CPU s |%n", events, passes,
                warmup);
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private static String measure(String name, Path input, Format from, Format to, long events, int passes,
                                  int warmup) throws IOException {
        long bytes = Files.size(input);
        double[] seconds = new double[passes];
        double[] cpuSeconds = new double[passes];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = -warmup; pass < passes; pass++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long n = to == null ? parse(input, from) : convert(input, from, to, OutputStream.nullOutputStream());
            double s = (System.nanoTime() - start) / 1e9;
            double c = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            check(n, events, name);
            if (pass >= 0) {
                seconds[pass] = s;
                cpuSeconds[pass] = c;
            }
            System.out.printf(Locale.ROOT, "%s %s: %.3f s, %.3f s CPU%n", name,
                    pass < 0 ? "warm-up" : "pass " + (pass + 1), s, c);
        }
        double median = median(seconds);
        double cpuMedian = median(cpuSeconds);
        return String.format(Locale.ROOT, "| %s | %.1f | %.2f (%.2f–%.2f) | %.1f | %,.0f | %.2f | %,.0f |", name,
                bytes / 1e6, median, seconds[0], seconds[passes - 1], bytes / 1e6 / median, events / median,
                cpuMedian, events / cpuMedian);
    }

    /** Sorts the array and returns its median. */
    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static long parse(Path input, Format format) throws IOException {
        long n = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16);
             EpcisEventReader reader = EpcisFormats.reader(format, in)) {
            reader.header();
            while (reader.next() != null) {
                n++;
            }
        }
        return n;
    }

    private static long convert(Path input, Format from, Format to, OutputStream out) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16);
             EpcisEventReader reader = EpcisFormats.reader(from, in);
             EpcisEventWriter writer = EpcisFormats.writer(to, new BufferedOutputStream(out, 1 << 16))) {
            return EpcisFormats.copy(reader, writer);
        }
    }

    private static void bounded(long events, Path dir, boolean keep) throws IOException {
        printEnvironment();
        Path xml = dir.resolve("bounded-" + events + ".xml");
        Path json = dir.resolve("bounded-" + events + ".jsonld");
        List<String> rows = new ArrayList<>();
        rows.add(timed("generate XML", null, xml, events, () -> DocumentGenerator.write(Format.XML, events, xml)));
        rows.add(timed("generate JSON-LD", null, json, events,
                () -> DocumentGenerator.write(Format.JSON_LD, events, json)));
        Path toJson = dir.resolve("bounded-" + events + "-from-xml.jsonld");
        Path toXml = dir.resolve("bounded-" + events + "-from-jsonld.xml");
        rows.add(timed("convert XML → JSON-LD", xml, toJson, events,
                () -> convert(xml, Format.XML, Format.JSON_LD, Files.newOutputStream(toJson))));
        rows.add(timed("convert JSON-LD → XML", json, toXml, events,
                () -> convert(json, Format.JSON_LD, Format.XML, Files.newOutputStream(toXml))));
        System.out.println();
        System.out.printf("| Step (%,d events, max heap %d MB) | Input MB | Output MB | Wall s | events/s | Peak heap "
                + "MB (sum of pool peaks) | Max heap after GC MB | GCs (time s) |%n", events,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        if (!keep) {
            for (Path p : List.of(xml, json, toJson, toXml)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private interface Work {
        long run() throws IOException;
    }

    private static String timed(String name, Path input, Path output, long events, Work work) throws IOException {
        HeapWatch.Result heap;
        long start;
        double seconds;
        try (HeapWatch watch = new HeapWatch()) {
            start = System.nanoTime();
            long n = work.run();
            seconds = (System.nanoTime() - start) / 1e9;
            if (input != null) {
                check(n, events, name);
            }
            heap = watch.result();
        }
        String row = String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %,.0f | %.1f | %.1f | %d (%.2f) |", name,
                input == null ? "–" : String.format(Locale.ROOT, "%.1f", Files.size(input) / 1e6),
                Files.size(output) / 1e6, seconds, events / seconds, heap.peakPoolSumBytes() / 1048576.0,
                heap.maxAfterGcBytes() / 1048576.0, heap.collections(), heap.collectionMillis() / 1e3);
        System.out.println(row);
        return row;
    }

    private static void generate(Map<String, String> options) throws IOException {
        String format = options.get("format");
        String out = options.get("out");
        if (format == null || out == null) {
            usage("generate needs --format xml|jsonld and --out FILE");
        }
        Format f = switch (format.toLowerCase(Locale.ROOT)) {
            case "xml" -> Format.XML;
            case "jsonld", "json-ld", "json" -> Format.JSON_LD;
            default -> throw usage("--format must be xml or jsonld, found '" + format + "'");
        };
        long events = number(options, "events", 100_000);
        long bytes = DocumentGenerator.write(f, events, Path.of(out));
        System.out.printf(Locale.ROOT, "wrote %,d events, %,d bytes to %s%n", events, bytes, out);
    }

    private static void check(long actual, long expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": expected " + expected + " events, got " + actual);
        }
    }

    private static void printEnvironment() {
        Runtime rt = Runtime.getRuntime();
        StringBuilder gcs = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.append(gcs.length() == 0 ? "" : ", ").append(gc.getName());
        }
        System.out.printf(Locale.ROOT, "JVM: %s %s (%s), max heap %d MB, %d processors, GC: %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), rt.maxMemory() >> 20, rt.availableProcessors(), gcs);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                usage("unexpected argument '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            if (key.equals("keep")) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                usage("option --" + key + " needs a value");
            }
        }
        return options;
    }

    private static long number(Map<String, String> options, String key, long fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.replace("_", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw usage("--" + key + " must be a non-negative whole number, found '" + value + "'");
        }
    }

    private static IllegalArgumentException usage(String problem) {
        System.err.println("FormatBenchmark: " + problem);
        System.err.println("usage: FormatBenchmark throughput [--events N] [--passes P] [--warmup W] [--dir DIR]");
        System.err.println("       FormatBenchmark bounded [--events N] [--dir DIR] [--keep]");
        System.err.println("       FormatBenchmark generate --format xml|jsonld [--events N] --out FILE");
        System.exit(2);
        return new IllegalArgumentException(problem);
    }
}
