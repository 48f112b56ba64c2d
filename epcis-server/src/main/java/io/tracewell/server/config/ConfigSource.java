package io.tracewell.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Flat key/value configuration in layers. Later layers win:
 *
 * <ol>
 *   <li>{@code application.properties} on the class path (the defaults shipped in the jar),
 *   <li>environment variables ({@code epcis.port} is read from {@code EPCIS_PORT}),
 *   <li>system properties ({@code -Depcis.port=9090}),
 *   <li>explicit overrides (command-line options).
 * </ol>
 *
 * <p>Each value remembers where it came from, so that an error can name the variable the operator set.
 * A key whose value is blank in a higher layer counts as set to blank, which lets an operator clear a
 * default (for example an empty {@code EPCIS_DB_URL} keeps the embedded database).
 */
public final class ConfigSource {

    static final String DEFAULTS_RESOURCE = "application.properties";

    private final Map<String, Value> values;

    private ConfigSource(Map<String, Value> values) {
        this.values = Map.copyOf(values);
    }

    /** A value and the place it was read from, e.g. {@code environment variable EPCIS_PORT}. */
    public record Value(String text, String origin) {}

    /** The process configuration: defaults, then environment, then system properties, then {@code overrides}. */
    public static ConfigSource load(Map<String, String> overrides) {
        return layered(defaults(), System.getenv(), System.getProperties(), overrides);
    }

    /**
     * Defaults plus {@code overrides} only, ignoring the environment and system properties. Tests use it so
     * that a developer's or CI's {@code TRACEWELL_*} variables cannot change what they exercise.
     */
    public static ConfigSource defaultsWith(Map<String, String> overrides) {
        return layered(defaults(), Map.of(), new Properties(), overrides);
    }

    static ConfigSource layered(
            Properties defaults, Map<String, String> environment, Properties systemProperties,
            Map<String, String> overrides) {
        Map<String, Value> values = new HashMap<>();
        defaults.stringPropertyNames().forEach(key ->
                values.put(key, new Value(defaults.getProperty(key), DEFAULTS_RESOURCE)));
        // Environment variables can only override keys we know of: the mapping is one way (key -> NAME).
        for (String key : defaults.stringPropertyNames()) {
            String name = environmentName(key);
            String text = environment.get(name);
            if (text != null) {
                values.put(key, new Value(text, "environment variable " + name));
            }
        }
        systemProperties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("epcis."))
                .forEach(key -> values.put(key,
                        new Value(systemProperties.getProperty(key), "system property " + key)));
        overrides.forEach((key, text) -> values.put(key, new Value(text, "command-line option")));
        return new ConfigSource(values);
    }

    /** {@code epcis.embedded-db.port} becomes {@code EPCIS_EMBEDDED_DB_PORT}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value, or empty when the key is absent or blank. */
    public Optional<Value> find(String key) {
        Value value = values.get(key);
        return value == null || value.text().isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The value, trimmed, or empty when absent or blank. */
    public Optional<String> text(String key) {
        return find(key).map(value -> value.text().trim());
    }

    /** The value as given (passwords may start or end with spaces), or empty when absent. */
    public Optional<String> raw(String key) {
        return Optional.ofNullable(values.get(key)).map(Value::text);
    }

    /** The value, which must be present; the message names the key and its environment variable. */
    public Value require(String key) {
        return find(key).orElseThrow(() -> new ConfigException(
                key + " (environment variable " + environmentName(key) + ") must be set"));
    }

    private static Properties defaults() {
        Properties properties = new Properties();
        try (InputStream in = ConfigSource.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS_RESOURCE, e);
        }
        return properties;
    }
}
