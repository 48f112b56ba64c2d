package io.tracewell.epcis.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Digest algorithms for the hash ID, named as in the IANA "Named Information Hash Algorithm Registry" (RFC 6920
 * §9.4), which is the name that appears in {@code ni:///<name>;…}. CBV 2.0 uses {@code sha-256} and allows the
 * others.
 */
public enum HashAlgorithm {
    SHA_256("sha-256", "SHA-256", 32),
    SHA_384("sha-384", "SHA-384", 48),
    SHA_512("sha-512", "SHA-512", 64),
    SHA3_256("sha3-256", "SHA3-256", 32),
    SHA3_384("sha3-384", "SHA3-384", 48),
    SHA3_512("sha3-512", "SHA3-512", 64);

    private final String niName;
    private final String javaName;
    private final int digestLength;

    HashAlgorithm(String niName, String javaName, int digestLength) {
        this.niName = niName;
        this.javaName = javaName;
        this.digestLength = digestLength;
    }

    /** The registry name, e.g. {@code sha-256}. */
    public String niName() {
        return niName;
    }

    /** Digest length in bytes. */
    public int digestLength() {
        return digestLength;
    }

    /** The algorithm with this registry name, or {@code null}. */
    public static HashAlgorithm fromNiName(String name) {
        for (HashAlgorithm a : values()) {
            if (a.niName.equals(name)) {
                return a;
            }
        }
        return null;
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE 9+ runtime must provide SHA-2 and SHA-3 (java.security.MessageDigest).
            throw new IllegalStateException(javaName + " is not available in this Java runtime", e);
        }
    }
}
