package io.tracewell.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.capture.http.Callers;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemFormat;
import io.tracewell.epcis.store.access.Caller;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before every route (at {@link #ORDER}): authenticates the request, puts its {@link Caller} in the routing
 * context ({@link Callers#set}), checks the caller's roles against the {@link AccessRules} and the caller's rate
 * limit, and only then lets the request on.
 *
 * <ul>
 *   <li>No or unusable credentials on a route that needs them: {@code 401} {@code SecurityException} with
 *       {@code WWW-Authenticate: Bearer} (RFC 6750, with {@code error="invalid_token"} when a token was sent).
 *   <li>A caller without a role the route needs: {@code 403} {@code SecurityException}.
 *   <li>Over the rate limit: {@code 429} with {@code Retry-After}.
 * </ul>
 *
 * <p>Credentials are only ever read from the {@code Authorization} header (never from the query, which ends up in
 * access logs) and are never logged: problems and log lines say what was wrong, not what was sent.
 *
 * <p>Checking an API key reads the database and checking a JWT may fetch the issuer's keys, so that runs on a
 * worker thread; the request is paused meanwhile, so that a body arriving in between waits for the route's body
 * handler instead of being lost.
 */
public final class SecurityHandler implements Handler<RoutingContext> {

    /** After the request URI limit (-1000), before version negotiation (-100) and every route. */
    public static final int ORDER = -500;

    private static final Logger LOG = LoggerFactory.getLogger(SecurityHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Bearer ";

    private final AccessRules rules;
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Optional<Caller> developmentCaller;
    private final AtomicBoolean firstDevelopmentRequest = new AtomicBoolean(true);

    private SecurityHandler(AccessRules rules, Authenticator authenticator, RateLimiter rateLimiter,
                            Optional<Caller> developmentCaller) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.authenticator = authenticator;
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.developmentCaller = developmentCaller;
    }

    /** Every request authenticated with an API key or (when configured) a JWT. */
    public static SecurityHandler authenticating(AccessRules rules, Authenticator authenticator,
                                                 RateLimiter rateLimiter) {
        return new SecurityHandler(rules, Objects.requireNonNull(authenticator, "authenticator"), rateLimiter,
                Optional.empty());
    }

    /**
     * Development mode: every request acts for {@code organisation} with every role. Logged at WARN here (at start)
     * and on the first request.
     */
    public static SecurityHandler development(AccessRules rules, String organisation, RateLimiter rateLimiter) {
        LOG.warn("DEVELOPMENT MODE: security is OFF. Every request acts for organisation \"{}\" with every role,"
                + " without credentials. Never run a server that others can reach like this"
                + " (epcis.security.development-mode=false).", organisation);
        return new SecurityHandler(rules, null, rateLimiter, Optional.of(new Caller("development", organisation,
                EnumSet.allOf(Caller.Role.class), Set.of())));
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = context.normalizedPath();
        AccessRules.Access access = rules.accessFor(request.method(), path);
        if (developmentCaller.isPresent()) {
            if (firstDevelopmentRequest.getAndSet(false)) {
                LOG.warn("DEVELOPMENT MODE: {} {} served without authentication, as every request will be",
                        request.method(), path);
            }
            admit(context, developmentCaller.get());
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (access.open() && authorization == null) {
            if (limited(context, "address:" + remoteAddress(request))) {
                return;
            }
            context.next();
            return;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            unauthenticated(context, authorization == null
                    ? "this resource needs credentials: an API key or an access token, as Authorization: Bearer"
                    : "the Authorization header is not a Bearer token", false);
            return;
        }
        String token = authorization.substring(BEARER.length()).trim();
        request.pause();
        context.vertx().executeBlocking(() -> authenticator.authenticate(token), false).onComplete(result -> {
            request.resume();
            if (result.failed()) {
                if (result.cause() instanceof AuthenticationException refused) {
                    LOG.debug("{} {} refused: {}", request.method(), path, refused.getMessage());
                    unauthenticated(context, refused.getMessage(), true);
                } else {
                    // e.g. the database is down; the cause's message never contains the token
                    LOG.error("Checking the credentials of {} {} failed: {}", request.method(), path,
                            result.cause().toString());
                    ProblemResponses.send(context, Problem.of(EpcisExceptionType.IMPLEMENTATION,
                            "the server could not check the request's credentials", path));
                }
                return;
            }
            Caller caller = result.result();
            if (!access.allows(caller)) {
                LOG.debug("{} {} forbidden for {}: needs {}", request.method(), path, caller.subject(), access);
                ProblemResponses.send(context, Problem.of(EpcisExceptionType.FORBIDDEN,
                        "this request needs " + describe(access) + "; the caller has "
                                + (caller.roles().isEmpty() ? "no role" : "the roles " + caller.roles()), path));
                return;
            }
            admit(context, caller);
        });
    }

    private void admit(RoutingContext context, Caller caller) {
        if (limited(context, "caller:" + caller.subject())) {
            return;
        }
        Callers.set(context, caller);
        context.next();
    }

    /** Answers 429 and returns true when the client is over its rate. */
    private boolean limited(RoutingContext context, String client) {
        long retryAfter = rateLimiter.acquire(client);
        if (retryAfter == 0) {
            return false;
        }
        ObjectNode problem = JSON.createObjectNode()
                .put("type", EpcisExceptionType.FORBIDDEN.type())
                .put("title", "Too many requests")
                .put("status", 429)
                .put("detail", "this client has sent more requests than its rate limit allows; try again in "
                        + retryAfter + " s")
                .put("instance", context.normalizedPath());
        context.response().setStatusCode(429)
                .putHeader("Retry-After", Long.toString(retryAfter))
                .putHeader("Content-Type", ProblemFormat.JSON.mediaType())
                .end(Buffer.buffer(problem.toString()));
        return true;
    }

    private static void unauthenticated(RoutingContext context, String detail, boolean tokenSent) {
        context.response().putHeader("WWW-Authenticate", tokenSent
                ? "Bearer realm=\"tracewell\", error=\"invalid_token\"" : "Bearer realm=\"tracewell\"");
        ProblemResponses.send(context, Problem.of(EpcisExceptionType.UNAUTHENTICATED, detail,
                context.normalizedPath()));
    }

    private static String describe(AccessRules.Access access) {
        return access.anyOf().size() == 1 ? "the role " + access.anyOf().iterator().next()
                : "one of the roles " + access.anyOf();
    }

    private static String remoteAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
