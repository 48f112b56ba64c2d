package io.tracewell.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.server.config.SecuritySettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JWT checks with a public key from a PEM file, configured claim names and the clock's leeway. */
class JwtVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final KeyPair keys = generate();
    private final PublicKey fromPem = PublicKeys.fromPem("-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");

    private JwtVerifier verifier(String organisationClaim, String rolesClaim) {
        SecuritySettings.Jwt settings = new SecuritySettings.Jwt(Optional.empty(), Optional.of(Path.of("key.pem")),
                "https://idp.example/realms/x", "tracewell", Duration.ofSeconds(30), organisationClaim, rolesClaim,
                "partner_glns");
        return new JwtVerifier(settings, (keyId, algorithm) -> List.of(fromPem), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void configuredClaimNamesWalkIntoObjects() throws Exception {
        String token = token(Map.of("iss", "https://idp.example/realms/x", "aud", "tracewell", "sub", "svc-1",
                "exp", NOW.getEpochSecond() + 60, "tenant", "acme",
                "realm_access", Map.of("roles", List.of("partner", "offline_access")),
                "partner_glns", "4012345000009 4012345000016"));
        Caller caller = verifier("tenant", "realm_access.roles").verify(token);
        assertThat(caller.subject()).isEqualTo("svc-1");
        assertThat(caller.organisation()).isEqualTo("acme");
        assertThat(caller.roles()).containsExactly(Caller.Role.PARTNER);
        assertThat(caller.partnerGlns()).containsExactlyInAnyOrder("4012345000009", "4012345000016");
        // with the default claim names the same token has no organisation
        assertThatThrownBy(() -> verifier("org", "roles").verify(token))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("\"org\"");
    }

    @Test
    void expiryAndNotBeforeAllowTheLeewayAndNoMore() throws Exception {
        JwtVerifier verifier = verifier("org", "roles");
        Map<String, Object> base = Map.of("iss", "https://idp.example/realms/x", "aud", "tracewell", "sub", "u",
                "org", "acme", "roles", "query");
        assertThat(verifier.verify(token(with(base, "exp", NOW.getEpochSecond() - 29))).has(Caller.Role.QUERY))
                .isTrue();
        assertThatThrownBy(() -> verifier.verify(token(with(base, "exp", NOW.getEpochSecond() - 31))))
                .hasMessageContaining("expired");
        Map<String, Object> valid = with(base, "exp", NOW.getEpochSecond() + 600);
        assertThat(verifier.verify(token(with(valid, "nbf", NOW.getEpochSecond() + 29)))).isNotNull();
        assertThatThrownBy(() -> verifier.verify(token(with(valid, "nbf", NOW.getEpochSecond() + 31))))
                .hasMessageContaining("nbf");
    }

    @Test
    void anEcTokenIsNotCheckedWithAnRsaKey() throws Exception {
        String header = b64(JSON.writeValueAsBytes(Map.of("alg", "ES256")));
        String payload = b64(JSON.writeValueAsBytes(Map.of("iss", "https://idp.example/realms/x")));
        assertThatThrownBy(() -> verifier("org", "roles").verify(header + "." + payload + "." + b64(new byte[64])))
                .hasMessageContaining("signature");
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(claims);
        copy.put(name, value);
        return copy;
    }

    private String token(Map<String, Object> claims) throws Exception {
        String signed = b64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT"))) + "."
                + b64(JSON.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + b64(signature.sign());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
