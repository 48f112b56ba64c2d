package io.tracewell.epcis.store.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A TCP port on the loopback interface that is free right now, for an embedded server asked to take "any port". */
final class LoopbackPort {

    private LoopbackPort() {}

    /**
     * Another process could take the port before mariadbd binds it; the window is short and a clash fails
     * loudly at start-up, which is acceptable for a default.
     */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free TCP port", e);
        }
    }
}
