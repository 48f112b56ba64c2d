package io.tracewell.server.cli;

import io.tracewell.server.TracewellVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version and the Java runtime it runs on. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "tracewell " + TracewellVersion.get(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
        };
    }
}
