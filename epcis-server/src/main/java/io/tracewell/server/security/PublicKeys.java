package io.tracewell.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Public keys from the two places tokens' keys are configured: a PEM file and a JWK (RFC 7517/7518). */
final class PublicKeys {

    private static final Map<String, String> CURVES = Map.of(
            "P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");

    private PublicKeys() {}

    /** A {@code -----BEGIN PUBLIC KEY-----} (X.509 SubjectPublicKeyInfo) RSA or EC key. */
    static PublicKey fromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        for (String type : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next type
            }
        }
        throw new IllegalArgumentException("not an RSA or EC public key in PEM (-----BEGIN PUBLIC KEY-----)");
    }

    /**
     * The signing key a JWK describes, or empty for one that is not an RSA or EC (P-256/384/521) signature key
     * (an encryption key, a symmetric key, a curve not supported).
     */
    static Optional<PublicKey> fromJwk(JsonNode jwk) {
        if ("enc".equals(jwk.path("use").asText(null))) {
            return Optional.empty();
        }
        try {
            switch (jwk.path("kty").asText("")) {
                case "RSA" -> {
                    return Optional.of(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                            unsigned(jwk, "n"), unsigned(jwk, "e"))));
                }
                case "EC" -> {
                    String curve = CURVES.get(jwk.path("crv").asText(""));
                    if (curve == null) {
                        return Optional.empty();
                    }
                    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                    parameters.init(new ECGenParameterSpec(curve));
                    ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
                    return Optional.of(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                            new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y")), spec)));
                }
                default -> {
                    return Optional.empty();
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static BigInteger unsigned(JsonNode jwk, String member) {
        String text = jwk.path(member).asText("");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the JWK has no " + member);
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(text));
    }
}
