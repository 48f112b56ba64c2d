package io.tracewell.epcis.query;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the next page of a query starts: a keyset position (the last event's sort value and row id), the
 * horizon (the highest outbox visibility number when the first page was read: rows committed later are not
 * part of this query's pages), the events still allowed by {@code eventCountLimit}, the query it belongs to and when it expires.
 * Encoded opaque and signed with HMAC-SHA256, so a client can neither forge nor edit one.
 *
 * @param queryHash  SHA-256 of the query's parameters: a token only continues the query it came from
 * @param horizon    the highest outbox visibility number ({@code visible_seq}) the pages cover
 * @param lastKey    the last event's sort value in microseconds since the epoch (unused for storage order)
 * @param lastId     the last event's row id
 * @param remaining  events still allowed by eventCountLimit, or -1
 * @param expires    when the token stops being accepted
 */
public record PageToken(byte[] queryHash, long horizon, long lastKey, long lastId, long remaining, Instant expires) {

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;

    public PageToken {
        Objects.requireNonNull(queryHash, "queryHash");
        Objects.requireNonNull(expires, "expires");
    }

    /** Signs and encodes (base64url, no padding). */
    public String encode(byte[] secret) {
        ByteBuffer b = ByteBuffer.allocate(1 + 32 + 8 * 5);
        b.put(VERSION).put(queryHash).putLong(horizon).putLong(lastKey).putLong(lastId).putLong(remaining)
                .putLong(expires.getEpochSecond());
        byte[] payload = b.array();
        byte[] mac = Arrays.copyOf(mac(secret, payload), MAC_BYTES);
        byte[] all = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac, 0, all, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    /**
     * Decodes and checks a token: signature, query and expiry.
     *
     * @throws QueryParameterException naming {@code nextPageToken} when the token is malformed, edited, of
     *                                 another query or expired
     */
    public static PageToken decode(String token, byte[] secret, byte[] queryHash, Instant now) {
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid("is not a token this server issued");
        }
        int payloadLength = 1 + 32 + 8 * 5;
        if (all.length != payloadLength + MAC_BYTES || all[0] != VERSION) {
            throw invalid("is not a token this server issued");
        }
        byte[] payload = Arrays.copyOf(all, payloadLength);
        byte[] mac = Arrays.copyOfRange(all, payloadLength, all.length);
        if (!MessageDigest.isEqual(mac, Arrays.copyOf(mac(secret, payload), MAC_BYTES))) {
            throw invalid("has been altered or was not issued by this server");
        }
        ByteBuffer b = ByteBuffer.wrap(payload, 1, payloadLength - 1);
        byte[] hash = new byte[32];
        b.get(hash);
        PageToken t = new PageToken(hash, b.getLong(), b.getLong(), b.getLong(), b.getLong(),
                Instant.ofEpochSecond(b.getLong()));
        if (!MessageDigest.isEqual(hash, queryHash)) {
            throw invalid("belongs to a query with other parameters");
        }
        if (t.expires().isBefore(now)) {
            throw invalid("expired at " + t.expires());
        }
        return t;
    }

    /** SHA-256 of a query's canonical text (its parameters in order). */
    public static byte[] hash(String canonicalQuery) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonicalQuery.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static byte[] mac(byte[] secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static QueryParameterException invalid(String why) {
        return new QueryParameterException("nextPageToken", why,
                "the nextPageToken of the previous page's Link header, unchanged, before it expires");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageToken t && Arrays.equals(queryHash, t.queryHash) && horizon == t.horizon
                && lastKey == t.lastKey && lastId == t.lastId && remaining == t.remaining && expires.equals(t.expires);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(queryHash), horizon, lastKey, lastId, remaining, expires);
    }

    @Override
    public String toString() {
        return "PageToken[horizon=" + horizon + ", lastKey=" + lastKey + ", lastId=" + lastId + ", remaining="
                + remaining + ", expires=" + expires + "]";
    }
}
