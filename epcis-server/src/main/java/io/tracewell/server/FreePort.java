package io.tracewell.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a TCP port that is free right now, for settings where the operator asked for "any port" (0). */
public final class FreePort {

    private FreePort() {}

    /**
     * A port nobody listens on at the moment of the call. Another process could take it before we bind it;
     * the window is short and a clash fails loudly at bind time, which is acceptable for a default.
     */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free TCP port", e);
        }
    }
}
