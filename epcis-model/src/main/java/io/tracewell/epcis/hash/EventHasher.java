package io.tracewell.epcis.hash;

import io.tracewell.epcis.model.EpcisEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Computes the EPCIS event hash ID of CBV 2.0 from the parsed event, so that the same event gives the same ID
 * whether it came as XML or JSON-LD, in any member order, with any white space, with CBV values as bare words, URNs
 * or Web URIs, and with identifiers as EPC URIs or Digital Link URIs.
 *
 * <pre>{@code
 * EventHasher hasher = EventHasher.standard();          // CBV 2.0 rules, sha-256
 * EventHashId id = hasher.hashId(event);                // ni:///sha-256;…?ver=CBV2.0
 * String preHash = hasher.preHash(event);               // the canonical string that was hashed
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class EventHasher {
    private final HashProfile profile;
    private final HashAlgorithm algorithm;
    private final PreHashBuilder builder;
    private final MessageDigest prototype;

    EventHasher(HashProfile profile, HashAlgorithm algorithm, IdentifierNormaliser identifiers) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.builder = new PreHashBuilder(profile, Objects.requireNonNull(identifiers, "identifiers"));
        this.prototype = algorithm.newDigest();
    }

    /** The default: {@link HashProfile#CBV_2_0} with {@link HashAlgorithm#SHA_256}. */
    public static EventHasher standard() {
        return of(HashProfile.CBV_2_0, HashAlgorithm.SHA_256);
    }

    public static EventHasher of(HashProfile profile, HashAlgorithm algorithm) {
        return new EventHasher(profile, algorithm, new EpcIdentifierNormaliser(profile.escaping()));
    }

    public HashProfile profile() {
        return profile;
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** The canonical pre-hash string of the event under this hasher's profile. */
    public String preHash(EpcisEvent event) {
        return builder.build(Objects.requireNonNull(event, "event"));
    }

    /** The hash ID of the event: the digest of the UTF-8 bytes of {@link #preHash}. */
    public EventHashId hashId(EpcisEvent event) {
        return hashIdOfPreHash(preHash(event));
    }

    /** The hash ID of an already built pre-hash string (e.g. one published with test vectors). */
    public EventHashId hashIdOfPreHash(String preHash) {
        byte[] digest = digest().digest(preHash.getBytes(StandardCharsets.UTF_8));
        return new EventHashId(algorithm, hex(digest), profile.version());
    }

    private MessageDigest digest() {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return algorithm.newDigest();
        }
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = Character.forDigit((bytes[i] >> 4) & 0xF, 16);
            out[2 * i + 1] = Character.forDigit(bytes[i] & 0xF, 16);
        }
        return new String(out);
    }
}
