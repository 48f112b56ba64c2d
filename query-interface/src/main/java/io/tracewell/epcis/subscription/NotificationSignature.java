package io.tracewell.epcis.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code GS1-Signature} header of a notification (docs/subscriptions.md, "Verifying a notification"):
 * {@code sha256=} followed by the lowercase hexadecimal HMAC-SHA256 (RFC 2104, FIPS 180-4) of the request body's
 * exact bytes, keyed by the UTF-8 bytes of the subscription's {@code signatureToken}. A receiver recomputes it over
 * the bytes it received, before parsing them, and compares in constant time.
 */
public final class NotificationSignature {

    /** The request header that carries the signature. */
    public static final String HEADER = "GS1-Signature";
    private static final String PREFIX = "sha256=";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private NotificationSignature() {}

    /** The header value for {@code body} signed with {@code token}. */
    public static String sign(String token, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(body);
            StringBuilder sb = new StringBuilder(PREFIX.length() + digest.length * 2).append(PREFIX);
            for (byte b : digest) {
                sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
            return sb.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether {@code header} is the signature of {@code body} with {@code token}; constant time in the value. */
    public static boolean verify(String token, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(token, body).getBytes(StandardCharsets.US_ASCII),
                header.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
