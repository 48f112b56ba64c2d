package io.tracewell.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may call the server (docs/security.md): API keys always, JWT bearer tokens when a JWKS URL or a public key
 * is configured, or, in the explicit development mode, everybody as one caller with every role.
 *
 * @param developmentMode         every request acts for {@code developmentOrganisation} with every role; never the
 *                                default, loudly logged
 * @param developmentOrganisation the organisation of development mode's one caller
 * @param adminOrganisation       the organisation of the first administrator key, made on the first start
 * @param publicVerification      whether {@code /verify} and the Digital Link paths {@code /01/...} answer without
 *                                credentials (a pharmacist or consumer scanning a pack)
 * @param jwt                     how bearer tokens are checked, when they are accepted
 * @param rateLimit               requests per client
 */
public record SecuritySettings(boolean developmentMode, String developmentOrganisation, String adminOrganisation,
                               boolean publicVerification, Optional<Jwt> jwt, RateLimit rateLimit) {

    public SecuritySettings {
        requireText(developmentOrganisation, "developmentOrganisation");
        requireText(adminOrganisation, "adminOrganisation");
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    /**
     * OAuth 2.0 / OpenID Connect access tokens (signed JWTs): the key that signs them (a JWKS URL or one public key
     * in PEM), the issuer and audience they must name, the clock skew allowed on {@code exp} and {@code nbf}, and
     * the claims that give the caller's organisation, roles and partner GLNs (a dotted name walks into objects,
     * e.g. {@code realm_access.roles}).
     */
    public record Jwt(Optional<URI> jwksUrl, Optional<Path> publicKey, String issuer, String audience,
                      Duration leeway, String organisationClaim, String rolesClaim, String partnerGlnsClaim) {

        public Jwt {
            if (jwksUrl.isPresent() == publicKey.isPresent()) {
                throw new IllegalArgumentException("give either a JWKS URL or a public key");
            }
            requireText(issuer, "issuer");
            requireText(audience, "audience");
            requireText(organisationClaim, "organisationClaim");
            requireText(rolesClaim, "rolesClaim");
            requireText(partnerGlnsClaim, "partnerGlnsClaim");
            if (leeway.isNegative()) {
                throw new IllegalArgumentException("leeway must not be negative");
            }
        }
    }

    /**
     * A token bucket per client: {@code perSecond} requests a second on average, up to {@code burst} at once;
     * {@code perSecond} 0 turns the limit off.
     */
    public record RateLimit(double perSecond, int burst) {

        public static final RateLimit OFF = new RateLimit(0, 1);

        public RateLimit {
            if (perSecond < 0 || burst < 1) {
                throw new IllegalArgumentException("perSecond must be at least 0 and burst at least 1");
            }
        }

        public boolean on() {
            return perSecond > 0;
        }
    }

    private static void requireText(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
