package io.tracewell.epcis.capture.http;

import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.SourceLocation;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Version negotiation of the REST binding (EPCIS 2.0 §12): a client names the EPCIS and CBV versions it can
 * read with {@code GS1-EPCIS-Min}/{@code GS1-EPCIS-Max} and {@code GS1-CBV-Min}/{@code GS1-CBV-Max}. When its
 * range leaves out every version this server speaks the answer is {@code 406 NotAcceptableException}; a value
 * that is no version at all is {@code 400 ValidationException}. Runs before every route, so that no route has
 * to remember it, and passes the request on when there is nothing to object to.
 */
public final class VersionNegotiation implements Handler<RoutingContext> {

    /** The OpenAPI's {@code version} schema. */
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    private static final String EXPECTED = "a version number: digits separated by dots, such as 2.0.0";

    /**
     * One request header of the negotiation and the server's version at the other end of the range.
     *
     * @param lowest whether the header names the client's lowest acceptable version
     */
    private record Bound(String header, String standard, boolean lowest, String serverMin, String serverMax) {}

    private static final List<Bound> BOUNDS = List.of(
            new Bound(Gs1Headers.EPCIS_MIN, "EPCIS", true, Gs1Headers.EPCIS_MIN_VALUE, Gs1Headers.EPCIS_MAX_VALUE),
            new Bound(Gs1Headers.EPCIS_MAX, "EPCIS", false, Gs1Headers.EPCIS_MIN_VALUE, Gs1Headers.EPCIS_MAX_VALUE),
            new Bound(Gs1Headers.CBV_MIN, "CBV", true, Gs1Headers.CBV_MIN_VALUE, Gs1Headers.CBV_MAX_VALUE),
            new Bound(Gs1Headers.CBV_MAX, "CBV", false, Gs1Headers.CBV_MIN_VALUE, Gs1Headers.CBV_MAX_VALUE));

    @Override
    public void handle(RoutingContext context) {
        Optional<Problem> problem = check(context.request()::getHeader, context.request().path());
        if (problem.isPresent()) {
            // Tell the client what it could have asked for.
            Gs1Headers.addVersionRangesTo(context.response());
            ProblemResponses.send(context, problem.get());
            return;
        }
        context.next();
    }

    /**
     * What is wrong with a request's version headers; empty when the server can answer it. A malformed value
     * is reported before a range the server cannot meet.
     *
     * @param header   the request's header value by name, {@code null} when absent
     * @param instance the request path, for the problem
     */
    public static Optional<Problem> check(Function<String, String> header, String instance) {
        for (Bound bound : BOUNDS) {
            String value = header.apply(bound.header());
            if (value != null && !isVersion(value.trim())) {
                String message = "header " + bound.header() + ": '" + value + "' is not a version number";
                return Optional.of(Problem.validation(message, instance,
                        List.of(new ProblemError(SourceLocation.NONE, message, EXPECTED))));
            }
        }
        for (Bound bound : BOUNDS) {
            String value = header.apply(bound.header());
            if (value == null) {
                continue;
            }
            String version = value.trim();
            boolean unmet = bound.lowest()
                    ? compare(version, bound.serverMax()) > 0
                    : compare(version, bound.serverMin()) < 0;
            if (unmet) {
                return Optional.of(Problem.of(EpcisExceptionType.NOT_ACCEPTABLE,
                        "header " + bound.header() + ": " + version + " asks for " + bound.standard() + " "
                                + version + (bound.lowest() ? " or later" : " or earlier") + ", but this server"
                                + " supports " + bound.standard() + " " + range(bound.serverMin(), bound.serverMax()),
                        instance));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code value} has the OpenAPI's version syntax {@code ^\d+(\.\d+)*$}. */
    public static boolean isVersion(String value) {
        return VERSION.matcher(value).matches();
    }

    /**
     * Compares two versions component by component as numbers; a missing component counts as 0, so
     * {@code 2.0} equals {@code 2.0.0} and {@code 2.10} is above {@code 2.9}.
     *
     * @throws IllegalArgumentException when either is not a version
     */
    public static int compare(String a, String b) {
        if (!isVersion(a) || !isVersion(b)) {
            throw new IllegalArgumentException("not a version number: " + (isVersion(a) ? b : a));
        }
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            // BigInteger: a component may have more digits than a long holds, and is still a version.
            BigInteger l = i < left.length ? new BigInteger(left[i]) : BigInteger.ZERO;
            BigInteger r = i < right.length ? new BigInteger(right[i]) : BigInteger.ZERO;
            int c = l.compareTo(r);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String range(String min, String max) {
        return compare(min, max) == 0 ? min + " only" : min + " to " + max;
    }
}
