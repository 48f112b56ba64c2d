package io.tracewell.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.store.access.ApiKeys;
import io.tracewell.epcis.store.access.Caller;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's API key endpoints (docs/security.md), behind the {@link Caller.Role#ADMIN} rule of
 * {@code /admin/*}: {@code POST /admin/keys} makes a key and answers its secret, once; {@code GET /admin/keys}
 * lists the keys without secrets; {@code DELETE /admin/keys/{id}} revokes one, effective on the next request.
 */
public final class ApiKeyRoutes {

    public static final String PATH = "/admin/keys";
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiKeys keys;

    public ApiKeyRoutes(ApiKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    public void mount(Router router) {
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(64 * 1024))
                .blockingHandler(this::create, false).failureHandler(this::failure);
        router.get(PATH).blockingHandler(this::list, false).failureHandler(this::failure);
        router.delete(PATH + "/:id").blockingHandler(this::revoke, false).failureHandler(this::failure);
    }

    private void create(RoutingContext context) {
        JsonNode body;
        try {
            body = JSON.readTree(context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            invalid(context, "the body is a JSON object: {\"name\": ..., \"organisation\": ..., \"roles\": [...],"
                    + " \"partnerGlns\": [...]}");
            return;
        }
        Set<Caller.Role> roles = EnumSet.noneOf(Caller.Role.class);
        for (JsonNode role : body.path("roles")) {
            try {
                roles.add(Caller.Role.valueOf(role.asText().trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                invalid(context, "\"" + role.asText() + "\" is not a role; roles are capture, query, partner,"
                        + " regulator and admin");
                return;
            }
        }
        Set<String> glns = new LinkedHashSet<>();
        body.path("partnerGlns").forEach(gln -> glns.add(gln.asText().trim()));
        ApiKeys.Created created;
        try {
            created = keys.create(body.path("name").asText(""), body.path("organisation").asText(""), roles, glns);
        } catch (IllegalArgumentException e) {
            invalid(context, e.getMessage());
            return;
        }
        LOG.info("API key {} (\"{}\", organisation \"{}\", roles {}) created", created.key().id(),
                created.key().name(), created.key().organisation(), created.key().roles());
        ObjectNode answer = describe(created.key());
        answer.put("key", created.token());
        context.response().setStatusCode(201)
                .putHeader("Location", PATH + "/" + created.key().id())
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(answer.toString()));
    }

    private void list(RoutingContext context) {
        ArrayNode list = JSON.createArrayNode();
        keys.list().forEach(key -> list.add(describe(key)));
        ObjectNode answer = JSON.createObjectNode();
        answer.set("keys", list);
        context.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(answer.toString()));
    }

    private void revoke(RoutingContext context) {
        String id = context.pathParam("id");
        if (!keys.revoke(id)) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                    "there is no API key \"" + id + "\" that is not revoked already", context.request().path()));
            return;
        }
        LOG.info("API key {} revoked", id);
        context.response().setStatusCode(204).end();
    }

    static ObjectNode describe(ApiKeys.ApiKey key) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", key.id())
                .put("name", key.name())
                .put("organisation", key.organisation());
        ArrayNode roles = node.putArray("roles");
        key.roles().forEach(role -> roles.add(role.name().toLowerCase(Locale.ROOT)));
        ArrayNode glns = node.putArray("partnerGlns");
        key.partnerGlns().forEach(glns::add);
        node.put("createdAt", key.createdAt().toString());
        key.revokedAt().ifPresent(at -> node.put("revokedAt", at.toString()));
        return node;
    }

    private static void invalid(RoutingContext context, String detail) {
        ProblemResponses.send(context, Problem.of(EpcisExceptionType.VALIDATION, detail, context.request().path()));
    }

    private void failure(RoutingContext context) {
        ProblemResponses.failure(context, LOG);
    }
}
