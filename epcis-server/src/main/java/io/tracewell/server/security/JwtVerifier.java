package io.tracewell.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.server.config.SecuritySettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks OAuth 2.0 / OpenID Connect access tokens that are signed JWTs (RFC 7519, RFC 7515) and turns one into the
 * {@link Caller} it speaks for.
 *
 * <p>Written with the JDK's {@link Signature} and Jackson rather than a JWT library, on purpose: what is accepted
 * is short enough to read in one place. Only the asymmetric algorithms RS256/384/512 and ES256/384/512 are
 * accepted; {@code none}, the HMAC algorithms (which would let anybody holding the verification key sign) and
 * everything else are refused before any key is looked at, and a key is only used with the algorithm family of its
 * type, so an RSA public key can never be taken for an HMAC secret. A header with {@code crit} is refused (no
 * extension is understood). The payload must carry {@code exp} (in the future, give or take the leeway),
 * the configured {@code iss} exactly, the configured audience in {@code aud}, a subject, and the organisation
 * claim; {@code nbf}, when present, must have passed.
 */
public final class JwtVerifier {

    /** Longer tokens are refused unread: real access tokens are a few kilobytes. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> RSA = Map.of(
            "RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");
    private static final Map<String, String> EC = Map.of(
            "ES256", "SHA256withECDSAinP1363Format", "ES384", "SHA384withECDSAinP1363Format",
            "ES512", "SHA512withECDSAinP1363Format");

    /** The public keys tokens may be signed with. */
    public interface Keys {

        /**
         * The keys that may have signed a token with this key id (null when the header has none) and algorithm;
         * may fetch them (a JWKS document) and so may block.
         */
        List<PublicKey> candidates(String keyId, String algorithm) throws AuthenticationException;
    }

    private final SecuritySettings.Jwt settings;
    private final Keys keys;
    private final Clock clock;

    public JwtVerifier(SecuritySettings.Jwt settings, Keys keys, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The caller of a valid token; an {@link AuthenticationException} saying why for any other. */
    public Caller verify(String token) throws AuthenticationException {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new AuthenticationException("the bearer token is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new AuthenticationException("the bearer token is neither an API key nor a signed JWT");
        }
        JsonNode header = json(parts[0], "header");
        String algorithm = header.path("alg").asText("");
        boolean rsa = RSA.containsKey(algorithm);
        if (!rsa && !EC.containsKey(algorithm)) {
            throw new AuthenticationException("the token's algorithm \"" + algorithm + "\" is not accepted; accepted"
                    + " are RS256, RS384, RS512, ES256, ES384 and ES512");
        }
        if (header.has("crit")) {
            throw new AuthenticationException("the token's header names critical extensions, which are not"
                    + " understood");
        }
        byte[] signature = decode(parts[2], "signature");
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        String keyId = header.hasNonNull("kid") ? header.get("kid").asText() : null;
        boolean verified = false;
        for (PublicKey key : keys.candidates(keyId, algorithm)) {
            if (rsa ? key instanceof RSAPublicKey : key instanceof ECPublicKey) {
                verified = verified || check(rsa ? RSA.get(algorithm) : EC.get(algorithm), key, signed, signature);
            }
        }
        if (!verified) {
            throw new AuthenticationException("the token's signature does not verify with the issuer's keys");
        }
        return caller(json(parts[1], "payload"));
    }

    private Caller caller(JsonNode claims) throws AuthenticationException {
        Instant now = clock.instant();
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber()) {
            throw new AuthenticationException("the token has no expiry (exp)");
        }
        if (!now.isBefore(Instant.ofEpochSecond(exp.asLong()).plus(settings.leeway()))) {
            throw new AuthenticationException("the token has expired");
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && (!nbf.isNumber() || now.plus(settings.leeway()).isBefore(
                Instant.ofEpochSecond(nbf.asLong())))) {
            throw new AuthenticationException("the token is not valid yet (nbf)");
        }
        if (!settings.issuer().equals(claims.path("iss").asText(null))) {
            throw new AuthenticationException("the token is not from the accepted issuer");
        }
        if (!strings(claims.get("aud")).contains(settings.audience())) {
            throw new AuthenticationException("the token is not meant for this server (aud)");
        }
        String subject = claims.path("sub").asText("");
        if (subject.isBlank()) {
            throw new AuthenticationException("the token has no subject (sub)");
        }
        JsonNode organisation = claim(claims, settings.organisationClaim());
        if (organisation == null || !organisation.isTextual() || organisation.asText().isBlank()) {
            throw new AuthenticationException("the token has no organisation claim \""
                    + settings.organisationClaim() + "\"");
        }
        Set<Caller.Role> roles = EnumSet.noneOf(Caller.Role.class);
        for (String role : strings(claim(claims, settings.rolesClaim()))) {
            for (Caller.Role known : Caller.Role.values()) {
                if (known.name().equalsIgnoreCase(role)) {
                    roles.add(known);
                }
            }
        }
        return new Caller(subject, organisation.asText().strip(), roles,
                strings(claim(claims, settings.partnerGlnsClaim())));
    }

    /** A claim by name; a dotted name walks into objects ({@code realm_access.roles}) unless the name exists. */
    private static JsonNode claim(JsonNode claims, String name) {
        if (claims.has(name)) {
            return claims.get(name);
        }
        JsonNode node = claims;
        for (String part : name.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    /** A claim that is one string, a space- or comma-separated list, or an array of strings. */
    private static Set<String> strings(JsonNode node) {
        Set<String> values = new LinkedHashSet<>();
        if (node == null) {
            return values;
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        for (JsonNode item : items) {
            if (item.isTextual()) {
                for (String value : item.asText().split("[\\s,]+")) {
                    if (!value.isBlank()) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    private static boolean check(String algorithm, PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) { // a malformed signature, a key of the wrong curve
            return false;
        }
    }

    private static JsonNode json(String part, String what) throws AuthenticationException {
        try {
            JsonNode node = JSON.readTree(decode(part, what));
            if (node == null || !node.isObject()) {
                throw new AuthenticationException("the token's " + what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new AuthenticationException("the token's " + what + " is not JSON");
        }
    }

    private static byte[] decode(String part, String what) throws AuthenticationException {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("the token's " + what + " is not base64url");
        }
    }
}
