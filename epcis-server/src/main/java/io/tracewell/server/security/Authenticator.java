package io.tracewell.server.security;

import io.tracewell.epcis.store.access.ApiKeys;
import io.tracewell.epcis.store.access.Caller;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a bearer token into its {@link Caller}: an API key ({@code twk_...}) is looked up in the database, anything
 * else is checked as a JWT when tokens are configured. Blocks (database, JWKS): call it off the event loop.
 */
public final class Authenticator {

    private final ApiKeys apiKeys;
    private final Optional<JwtVerifier> jwt;

    public Authenticator(ApiKeys apiKeys, Optional<JwtVerifier> jwt) {
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.jwt = Objects.requireNonNull(jwt, "jwt");
    }

    public Caller authenticate(String token) throws AuthenticationException {
        if (ApiKeys.isApiKey(token)) {
            return apiKeys.verify(token).map(ApiKeys.ApiKey::caller).orElseThrow(() ->
                    new AuthenticationException("the API key is not known or has been revoked"));
        }
        if (jwt.isEmpty()) {
            throw new AuthenticationException("the bearer token is not an API key, and this server is not"
                    + " configured to accept JWTs");
        }
        return jwt.get().verify(token);
    }
}
