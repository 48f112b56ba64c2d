package io.tracewell.server.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * HTTPS for the HTTP server: a PKCS#12 key store with the server's private key and certificate chain. With TLS on,
 * the server answers HTTPS only; a plain HTTP request on its port gets no answer.
 *
 * @param keyStore the PKCS#12 file
 * @param password the key store's password (also the key's); never logged
 */
public record TlsSettings(Path keyStore, String password) {

    public TlsSettings {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "TlsSettings[keyStore=" + keyStore + ", password=(not shown)]";
    }
}
