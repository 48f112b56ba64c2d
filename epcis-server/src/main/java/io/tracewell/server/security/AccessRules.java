package io.tracewell.server.security;

import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.access.Caller.Role;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may call which route: the one table of access rules of the server (docs/security.md). The first rule whose
 * method and path match a request decides; a request no rule matches needs {@link Role#ADMIN}, so that a route
 * mounted without a rule is closed rather than open (and {@code AccessRulesCoverageTest} fails until it has one).
 *
 * <p>Paths are written as the router's are ({@code /events/:eventID}, {@code /01/*}) and matched against the
 * request's normalised path, the one the router matches, so that {@code /verify/../admin/keys} is {@code /admin/keys}
 * here too. A path matches with or without a trailing slash, as in the router.
 */
public final class AccessRules {

    /** The roles that read events: their own organisation's, a partner's or everybody's. */
    private static final Set<Role> READERS = EnumSet.of(Role.QUERY, Role.PARTNER, Role.REGULATOR);

    /** What a matching request needs: nothing, or a caller with at least one of the roles. */
    public record Access(boolean open, Set<Role> anyOf) {

        public static final Access PUBLIC = new Access(true, Set.of());

        public Access {
            anyOf = anyOf.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(anyOf));
            if (!open && anyOf.isEmpty()) {
                throw new IllegalArgumentException("a closed rule names the roles it lets in");
            }
        }

        public static Access anyOf(Set<Role> roles) {
            return new Access(false, roles);
        }

        public static Access anyOf(Role first, Role... more) {
            return new Access(false, EnumSet.of(first, more));
        }

        public boolean allows(Caller caller) {
            return open || anyOf.stream().anyMatch(caller::has);
        }

        @Override
        public String toString() {
            return open ? "public" : "any of " + anyOf;
        }
    }

    /**
     * One rule: the methods it covers (empty: every method), the path in the router's notation, and its access.
     */
    public record Rule(Set<HttpMethod> methods, String path, Access access) {

        public Rule {
            methods = Set.copyOf(methods);
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(access, "access");
        }

        boolean matches(HttpMethod method, String requestPath) {
            HttpMethod asked = method == HttpMethod.HEAD ? HttpMethod.GET : method; // HEAD reads what GET reads
            return (methods.isEmpty() || methods.contains(method) || methods.contains(asked))
                    && pattern(path).matcher(requestPath).matches();
        }

        @Override
        public String toString() {
            return (methods.isEmpty() ? "*" : methods) + " " + path + " -> " + access;
        }
    }

    /** What a request matching no rule needs. */
    public static final Access UNLISTED = Access.anyOf(Role.ADMIN);

    private final List<Rule> rules;

    private AccessRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The server's rules. {@code publicVerification}: whether pack verification ({@code /verify}, {@code /01/...})
     * answers anybody, as a consumer or pharmacist scanning a pack is not a client with credentials; otherwise any
     * authenticated caller may verify.
     */
    public static AccessRules standard(boolean publicVerification) {
        List<Rule> r = new ArrayList<>();
        Set<HttpMethod> get = Set.of(HttpMethod.GET);
        Set<HttpMethod> post = Set.of(HttpMethod.POST);
        Set<HttpMethod> delete = Set.of(HttpMethod.DELETE);
        Set<HttpMethod> getDelete = Set.of(HttpMethod.GET, HttpMethod.DELETE);
        Set<HttpMethod> getPost = Set.of(HttpMethod.GET, HttpMethod.POST);
        Access readers = Access.anyOf(READERS);
        Access capture = Access.anyOf(Role.CAPTURE);

        // Discovery and operations: what a client asks before it has credentials, and what probes ask.
        r.add(new Rule(Set.of(HttpMethod.OPTIONS), "/*", Access.PUBLIC));
        r.add(new Rule(get, "/", Access.PUBLIC));
        r.add(new Rule(get, "/health", Access.PUBLIC));

        // Pack verification: public by default (epcis.security.public-verification).
        Access verification = publicVerification ? Access.PUBLIC : Access.anyOf(EnumSet.allOf(Role.class));
        r.add(new Rule(get, "/verify", verification));
        r.add(new Rule(get, "/01/*", verification));
        // DSCSA saleable-returns verification answers trading partners (and the seller's own staff), not the public:
        // a VRS requester is a known wholesaler.
        r.add(new Rule(get, "/verify/dscsa", Access.anyOf(Role.PARTNER, Role.QUERY, Role.REGULATOR)));

        // Capture interface.
        r.add(new Rule(post, "/events", capture));
        r.add(new Rule(post, "/capture", capture));
        Access captureJobs = Access.anyOf(Role.QUERY, Role.PARTNER, Role.REGULATOR, Role.CAPTURE);
        r.add(new Rule(get, "/capture", captureJobs));
        r.add(new Rule(get, "/capture/:captureID", captureJobs));

        // Query interface: events, the resources that group them, named queries and their subscriptions.
        r.add(new Rule(get, "/events", readers));
        r.add(new Rule(get, "/events/:eventID", readers));
        r.add(new Rule(delete, "/nextPageToken/:token", readers));
        for (String resource : List.of("eventTypes", "epcs", "bizSteps", "bizLocations", "readPoints",
                "dispositions")) {
            r.add(new Rule(get, "/" + resource, readers));
            r.add(new Rule(get, "/" + resource + "/:value", readers));
            r.add(new Rule(get, "/" + resource + "/:value/events", readers));
        }
        r.add(new Rule(getPost, "/queries", readers));
        r.add(new Rule(getDelete, "/queries/:queryName", readers));
        r.add(new Rule(get, "/queries/:queryName/events", readers)); // the WebSocket upgrade too
        r.add(new Rule(getPost, "/queries/:queryName/subscriptions", readers));
        r.add(new Rule(getDelete, "/queries/:queryName/subscriptions/:id", readers));

        // Serial numbers, recalls: what a brand owner's systems do, with the capture role.
        r.add(new Rule(post, "/serialization/requests", capture));
        r.add(new Rule(post, "/serialization/requests/:id/commission", capture));
        Access serialReaders = Access.anyOf(Role.CAPTURE, Role.QUERY);
        r.add(new Rule(get, "/serialization/requests/:id", serialReaders));
        r.add(new Rule(get, "/serialization/requests/:id/serials", serialReaders));
        r.add(new Rule(get, "/serialization/requests/:id/codes/:code", serialReaders));
        r.add(new Rule(post, "/recalls", capture));

        // Alerts: read by the organisation's own staff and by regulators; acknowledged by staff or operators.
        r.add(new Rule(get, "/alerts", Access.anyOf(Role.QUERY, Role.REGULATOR)));
        r.add(new Rule(get, "/alerts/:id", Access.anyOf(Role.QUERY, Role.REGULATOR)));
        r.add(new Rule(post, "/alerts/:id/acknowledge", Access.anyOf(Role.QUERY, Role.ADMIN)));

        // Operators: keys, partners, connectors and their deliveries.
        r.add(new Rule(Set.of(), "/admin/*", Access.anyOf(Role.ADMIN)));
        return new AccessRules(r);
    }

    /** The rule that decides a request, or empty when none matches (then {@link #UNLISTED} applies). */
    public Optional<Rule> find(HttpMethod method, String normalisedPath) {
        for (Rule rule : rules) {
            if (rule.matches(method, normalisedPath)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** What a request needs. */
    public Access accessFor(HttpMethod method, String normalisedPath) {
        return find(method, normalisedPath).map(Rule::access).orElse(UNLISTED);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** {@code /events/:eventID} as a regular expression: a parameter is one segment, a final {@code *} anything. */
    static Pattern pattern(String path) {
        return PATTERNS.computeIfAbsent(path, AccessRules::compile);
    }

    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern compile(String path) {
        StringBuilder regex = new StringBuilder();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("*") && i == segments.length - 1) {
                regex.append("(?:/.*)?");
                break;
            }
            regex.append('/');
            if (segment.startsWith(":")) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(segment));
            }
        }
        if (!path.endsWith("*")) {
            regex.append("/?");
        }
        return Pattern.compile(regex.length() == 0 ? "/?" : regex.toString());
    }
}
