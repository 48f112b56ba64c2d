package io.tracewell.epcis.store.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Chooses the Unix socket file of the embedded MariaDB.
 *
 * <p>A Unix socket path must fit in {@code sockaddr_un.sun_path}: 108 bytes on Linux including the
 * terminating NUL, so at most 107 bytes; mariadbd refuses to start with a longer one. The socket sits
 * beside the data when that path is short enough, otherwise in the system temporary directory under a
 * name derived from the data directory, so that two servers with different data never share a socket.
 */
final class SocketPath {

    static final int MAX_BYTES = 107;

    private SocketPath() {}

    static Path choose(Path preferred, Path temporaryDirectory) {
        if (fits(preferred)) {
            return preferred;
        }
        Path fallback = temporaryDirectory.resolve("tracewell-" + shortHash(preferred) + ".sock");
        if (!fits(fallback)) {
            throw new IllegalStateException("no Unix socket path of at most " + MAX_BYTES + " bytes: "
                    + preferred + " and " + fallback + " are both too long");
        }
        return fallback;
    }

    static boolean fits(Path path) {
        return path.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    private static String shortHash(Path path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(path.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
