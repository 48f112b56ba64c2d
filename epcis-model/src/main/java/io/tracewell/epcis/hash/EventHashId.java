package io.tracewell.epcis.hash;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EPCIS event hash ID (CBV 2.0, EPCIS Event Hash ID): {@code ni:///sha-256;<lowercase hex>?ver=CBV2.0}. It is a
 * Named Information URI (RFC 6920) except that the digest is hex rather than base64url, as CBV specifies. Usable as
 * an {@code eventID} and matched with {@code EQ_eventID}.
 *
 * @param algorithm the digest algorithm
 * @param digestHex the digest as lowercase hex
 * @param version   the algorithm version, e.g. {@code CBV2.0}
 */
public record EventHashId(HashAlgorithm algorithm, String digestHex, String version) {
    private static final Pattern FORM =
            Pattern.compile("ni:///([a-z0-9-]+);([0-9a-f]+)\\?ver=(CBV[0-9]+\\.[0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final Pattern VERSION = Pattern.compile("CBV[0-9]+\\.[0-9]+(?:\\.[0-9]+)?");

    public EventHashId {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(digestHex, "digestHex");
        Objects.requireNonNull(version, "version");
        if (!HEX.matcher(digestHex).matches() || digestHex.length() != 2 * algorithm.digestLength()) {
            throw new IllegalArgumentException("expected " + 2 * algorithm.digestLength()
                    + " lowercase hex digits for " + algorithm.niName() + ", found '" + digestHex + "'");
        }
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("expected a version such as CBV2.0, found '" + version + "'");
        }
    }

    /**
     * Parses {@code ni:///<algorithm>;<hex>?ver=CBV<major>.<minor>}.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static EventHashId parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "expected an event hash ID such as ni:///sha-256;<64 lowercase hex digits>?ver=CBV2.0, found '"
                            + text + "'");
        }
        HashAlgorithm algorithm = HashAlgorithm.fromNiName(m.group(1));
        if (algorithm == null) {
            throw new IllegalArgumentException("unsupported hash algorithm '" + m.group(1)
                    + "' in event hash ID; expected one of sha-256, sha-384, sha-512, sha3-256, sha3-384, sha3-512");
        }
        return new EventHashId(algorithm, m.group(2), m.group(3));
    }

    /** The URI form, e.g. {@code ni:///sha-256;6ae9…39d7?ver=CBV2.0}. */
    @Override
    public String toString() {
        return "ni:///" + algorithm.niName() + ';' + digestHex + "?ver=" + version;
    }
}
