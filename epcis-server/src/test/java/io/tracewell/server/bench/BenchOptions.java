package io.tracewell.server.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The benchmarks' command lines: {@code --name value} options, and {@code --flag}s that take no value. */
final class BenchOptions {

    private BenchOptions() {}

    /**
     * @param flags the options without a value (given: "true")
     * @param error how a mistake in the command line is reported
     */
    static Map<String, String> parse(String[] args, Set<String> flags, Function<String, RuntimeException> error) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw error.apply("unexpected argument '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            if (flags.contains(key)) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw error.apply("option --" + key + " needs a value");
            }
        }
        return options;
    }

    static Map<String, String> parse(String[] args) {
        return parse(args, Set.of(), IllegalArgumentException::new);
    }
}
