package io.tracewell.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, from a resource the build fills in. */
public final class TracewellVersion {

    private static final String VERSION = load();

    private TracewellVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = TracewellVersion.class.getResourceAsStream("/tracewell-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
