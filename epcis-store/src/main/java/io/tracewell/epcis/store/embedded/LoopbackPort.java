package io.tracewell.epcis.store.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A TCP port on the loopback interface that is free right now, for settings where the operator asked for "any port"
 * (0): the embedded MariaDB, and the HTTP server.
 */
public final class LoopbackPort {

    private LoopbackPort() {}

    /**
     * Another process could take the port before it is bound; the window is short and a clash fails
     * loudly at start-up, which is acceptable for a default.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free TCP port", e);
        }
    }
}
