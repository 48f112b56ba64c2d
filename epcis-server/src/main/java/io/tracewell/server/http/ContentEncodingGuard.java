package io.tracewell.server.http;

import io.tracewell.epcis.capture.http.ProblemResponses;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * Refuses request bodies sent with a content coding ({@code Content-Encoding: gzip}, {@code br}, ...): the server
 * reads bodies as they are sent and does not decode them, so such a body would otherwise be read as malformed
 * EPCIS with a misleading message. The answer is a {@code 415 UnsupportedMediaTypeException} problem naming the
 * coding, with {@code Accept-Encoding: identity} (RFC 7694 §3), before any of the body is read.
 *
 * <p>Not decoding is also the defence against compression bombs: no body is ever inflated, so its size is what
 * the capture limits measure.
 */
public final class ContentEncodingGuard implements Handler<RoutingContext> {

    /** Right after the URI length check, before version negotiation and every route. */
    public static final int ORDER = UriLengthLimit.ORDER + 1;

    @Override
    public void handle(RoutingContext context) {
        List<String> codings = context.request().headers().getAll("Content-Encoding");
        for (String header : codings) {
            for (String coding : header.split(",")) {
                String c = coding.trim().toLowerCase(Locale.ROOT);
                if (!c.isEmpty() && !c.equals("identity")) {
                    context.response().putHeader("Accept-Encoding", "identity");
                    ProblemResponses.send(context, Problem.of(EpcisExceptionType.UNSUPPORTED_MEDIA_TYPE,
                            "Content-Encoding " + coding.trim() + " is not supported: send the body uncompressed"
                                    + " (this server does not decode request bodies)",
                            UriLengthLimit.instance(context.request().path())));
                    return;
                }
            }
        }
        context.next();
    }
}
