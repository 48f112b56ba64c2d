package io.tracewell.epcis.capture.http;

import io.tracewell.epcis.capture.CaptureLimits;
import io.tracewell.epcis.capture.job.CaptureJobRunner;
import io.tracewell.epcis.capture.job.DocumentScanner;
import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.job.CaptureErrorBehaviour;
import io.tracewell.epcis.store.job.CaptureJob;
import io.tracewell.epcis.store.job.CaptureJobs;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous capture interface of the EPCIS 2.0 REST binding: {@code POST /capture}, {@code GET /capture}
 * and {@code GET /capture/{captureID}}.
 *
 * <p>{@code POST /capture} streams the body into the job's kept document while a {@link DocumentScanner}
 * counts its events; only when the whole document is stored does the client get {@code 202} with the job's
 * {@code Location}, so an accepted job is never lost. A document over a limit gets {@code 413}
 * ({@code CaptureLimitExceededException}, with both limit headers), one that is not well-formed EPCIS {@code 400};
 * nothing of either is kept. The job is then worked by the {@link CaptureJobRunner}.
 *
 * <p>Every route needs the request's caller (401 without one): a job and its events belong to the caller's
 * organisation, and {@code GET /capture[/{captureID}]} shows only the caller's organisation's jobs (every job
 * to a regulator); another organisation's job is answered 404, as if it did not exist. A page token carries only
 * a position, and the next page is filtered again, so it cannot lead outside the caller's jobs.
 */
public final class CaptureRoutes {

    public static final String PATH = "/capture";

    private static final Logger LOG = LoggerFactory.getLogger(CaptureRoutes.class);
    private static final int DEFAULT_PER_PAGE = 30;
    private static final int MAX_PER_PAGE = 1000;
    private static final long TOKEN_LIFETIME_SECONDS = 24 * 3600;
    private static final long BODY_IDLE_TIMEOUT_MILLIS = 120_000;

    private final CaptureJobs jobs;
    private final CaptureJobRunner runner;
    private final CaptureLimits limits;

    public CaptureRoutes(CaptureJobs jobs, CaptureJobRunner runner, CaptureLimits limits) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public void mount(Router router) {
        router.post(PATH).handler(this::post);
        router.get(PATH).blockingHandler(this::list, false).failureHandler(this::failure);
        router.get(PATH + "/:captureID").blockingHandler(this::get, false).failureHandler(this::failure);
    }

    // ---- POST /capture -------------------------------------------------------------------------------------

    private void post(RoutingContext context) {
        HttpServerRequest request = context.request();
        String instance = request.path();
        Optional<Caller> caller = Callers.find(context);
        if (caller.isEmpty()) {
            refuseEarly(context, Problem.of(EpcisExceptionType.UNAUTHENTICATED,
                    "the request carries no authenticated caller", instance));
            return;
        }
        String organisation = caller.get().organisation();
        String contentType = request.getHeader("Content-Type");
        Optional<Format> format = EventsRoutes.bodyFormat(contentType);
        if (format.isEmpty()) {
            refuseEarly(context, Problem.of(EpcisExceptionType.UNSUPPORTED_MEDIA_TYPE,
                    (contentType == null ? "the request has no Content-Type" : "Content-Type " + contentType
                            + " is not supported") + "; POST /capture takes application/json, application/ld+json,"
                            + " application/xml or text/xml", instance));
            return;
        }
        String behaviourHeader = request.getHeader(Gs1Headers.CAPTURE_ERROR_BEHAVIOUR);
        Optional<CaptureErrorBehaviour> behaviour = behaviour(behaviourHeader);
        if (behaviour.isEmpty()) {
            refuseEarly(context, Problem.validation("GS1-Capture-Error-Behaviour is \"" + behaviourHeader + "\"",
                    instance, List.of(new ProblemError(SourceLocation.NONE,
                            "unknown GS1-Capture-Error-Behaviour \"" + behaviourHeader + "\"",
                            "rollback (the default) or proceed"))));
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limits.maxBytes()) {
                    refuseEarly(context, overBytes(instance));
                    return;
                }
            } catch (NumberFormatException e) {
                refuseEarly(context, Problem.of(EpcisExceptionType.VALIDATION, "Content-Length is not a number",
                        instance));
                return;
            }
        }
        request.pause();
        Context vertxContext = Vertx.currentContext();
        RequestBodyStream body = new RequestBodyStream(request, vertxContext, BODY_IDLE_TIMEOUT_MILLIS);
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        context.vertx().<Reception>executeBlocking(() -> receive(body, format.get(), mediaType, behaviour.get(),
                        organisation, instance), false)
                .onComplete(done -> {
                    if (done.failed()) {
                        LOG.error("POST /capture failed", done.cause());
                        send(context, Problem.of(EpcisExceptionType.IMPLEMENTATION,
                                "the server could not receive the document", instance), true);
                        return;
                    }
                    Reception r = done.result();
                    if (r.problem() != null) {
                        send(context, r.problem(), r.closeConnection());
                        return;
                    }
                    HttpServerResponse response = context.response().setStatusCode(202)
                            .putHeader("Location", PATH + "/" + r.captureId());
                    Gs1Headers.addTo(response);
                    response.end();
                });
        request.resume();
    }

    /** What receiving a document came to: a job ID, or a problem to answer with. */
    private record Reception(String captureId, Problem problem, boolean closeConnection) {}

    private Reception receive(RequestBodyStream body, Format format, String mediaType, CaptureErrorBehaviour behaviour,
                              String organisation, String instance) throws IOException {
        String captureId = UUID.randomUUID().toString();
        CaptureJobs.DocumentUpload upload = jobs.receive(captureId, organisation, behaviour, mediaType,
                runner.owner(), runner.lease());
        boolean submitted = false;
        try (LimitedTee in = new LimitedTee(body, upload, limits.maxBytes())) {
            try {
                DocumentScanner.scan(in, format, limits.maxEvents());
                in.transferTo(OutputStream.nullOutputStream()); // white space after the root, to the last byte
            } catch (DocumentScanner.Refused refused) {
                body.drain();
                if (refused.overLimit()) {
                    return new Reception(null, overEvents(instance, refused.getMessage()), true);
                }
                return new Reception(null, Problem.validation("the document is not an EPCIS document: "
                        + refused.getMessage(), instance, List.of(new ProblemError(refused.location(),
                        refused.getMessage(), refused.expected()))), true);
            } catch (TooLarge e) {
                body.drain();
                return new Reception(null, overBytes(instance), true);
            }
            upload.close();
            Optional<String> earlier = jobs.submit(captureId, upload);
            submitted = true;
            if (earlier.isPresent()) {
                LOG.info("capture document resent; answering with the earlier job {}", earlier.get());
                return new Reception(earlier.get(), null, false);
            }
            runner.submit(captureId);
            return new Reception(captureId, null, false);
        } catch (IOException e) {
            body.drain();
            return new Reception(null, Problem.of(EpcisExceptionType.VALIDATION,
                    "the document could not be received: " + e.getMessage(), instance), true);
        } finally {
            if (!submitted) {
                try {
                    jobs.discard(captureId);
                } catch (RuntimeException e) {
                    LOG.warn("could not discard the upload {}; it is swept later: {}", captureId, e.getMessage());
                }
            }
        }
    }

    /** Copies what is read to the upload, and stops at the byte limit. */
    private static final class LimitedTee extends FilterInputStream {
        private final OutputStream copy;
        private final long limit;
        private long count;

        LimitedTee(InputStream in, OutputStream copy, long limit) {
            super(in);
            this.copy = copy;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new TooLarge();
                }
                copy.write(bytes, offset, n);
            }
            return n;
        }

        @Override
        public void close() {
            // the request body is Vert.x's; the upload is closed by the caller
        }
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static Optional<CaptureErrorBehaviour> behaviour(String header) {
        if (header == null || header.isBlank()) {
            return Optional.of(CaptureErrorBehaviour.ROLLBACK);
        }
        return switch (header.trim().toLowerCase(Locale.ROOT)) {
            case "rollback" -> Optional.of(CaptureErrorBehaviour.ROLLBACK);
            case "proceed" -> Optional.of(CaptureErrorBehaviour.PROCEED);
            default -> Optional.empty();
        };
    }

    private Problem overBytes(String instance) {
        return Problem.of(EpcisExceptionType.CAPTURE_LIMIT_EXCEEDED, "the document is larger than "
                + limits.maxBytes() + " bytes (GS1-EPCIS-Capture-File-Size-Limit)", instance);
    }

    private Problem overEvents(String instance, String message) {
        return Problem.of(EpcisExceptionType.CAPTURE_LIMIT_EXCEEDED, message + " (GS1-EPCIS-Capture-Limit is "
                + limits.maxEvents() + ")", instance);
    }

    /** Answers before reading the body: the connection is closed after, so the unread body does not linger. */
    private void refuseEarly(RoutingContext context, Problem problem) {
        send(context, problem, true);
    }

    private void send(RoutingContext context, Problem problem, boolean closeConnection) {
        HttpServerResponse response = context.response();
        if (problem.exception() == EpcisExceptionType.CAPTURE_LIMIT_EXCEEDED) {
            response.putHeader(Gs1Headers.CAPTURE_LIMIT, Long.toString(limits.maxEvents()));
            response.putHeader(Gs1Headers.CAPTURE_FILE_SIZE_LIMIT, Long.toString(limits.maxBytes()));
        }
        if (closeConnection) {
            response.putHeader("Connection", "close");
            response.endHandler(v -> context.request().connection().close());
        }
        Gs1Headers.addTo(response);
        ProblemResponses.send(context, problem);
    }

    // ---- GET /capture and /capture/{captureID} ---------------------------------------------------------------

    private void list(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        String instance = context.request().path();
        if (AcceptHeader.parse(context.request().getHeader("Accept")).choose(List.of("application/json",
                "application/ld+json")).isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NOT_ACCEPTABLE,
                    "the list of capture jobs is available as application/json", instance));
            return;
        }
        int perPage;
        String perPageParam = context.request().getParam("perPage");
        try {
            perPage = perPageParam == null ? DEFAULT_PER_PAGE : Integer.parseInt(perPageParam.trim());
            if (perPage < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            ProblemResponses.send(context, Problem.validation("perPage is \"" + perPageParam + "\"", instance,
                    List.of(new ProblemError(SourceLocation.NONE, "perPage is not a positive whole number",
                            "a whole number from 1; the server returns at most " + MAX_PER_PAGE))));
            return;
        }
        perPage = Math.min(perPage, MAX_PER_PAGE);
        CaptureJob after = null;
        String token = context.request().getParam("nextPageToken");
        if (token != null) {
            Optional<CaptureJob> position = PageToken.decode(token);
            if (position.isEmpty()) {
                ProblemResponses.send(context, Problem.validation("nextPageToken is not valid", instance,
                        List.of(new ProblemError(SourceLocation.NONE, "the nextPageToken is malformed or expired",
                                "a nextPageToken from the Link header of a previous page, within "
                                        + TOKEN_LIFETIME_SECONDS / 3600 + " hours"))));
                return;
            }
            after = position.get();
        }
        List<CaptureJob> page = jobs.list(caller.get(), after, perPage + 1);
        HttpServerResponse response = context.response().setStatusCode(200)
                .putHeader("Content-Type", "application/json");
        if (page.size() > perPage) {
            page = page.subList(0, perPage);
            Instant expires = Instant.now().plusSeconds(TOKEN_LIFETIME_SECONDS);
            String next = PageToken.encode(page.get(perPage - 1), expires);
            response.putHeader("Link", "<" + PATH + "?perPage=" + perPage + "&nextPageToken=" + next + ">; rel=\"next\"");
            response.putHeader(Gs1Headers.NEXT_PAGE_TOKEN_EXPIRES, expires.toString());
        }
        Gs1Headers.addTo(response);
        response.end(Buffer.buffer(CaptureJobRendering.jsonList(page)));
    }

    private void get(RoutingContext context) {
        Optional<Caller> caller = RequiredCaller.of(context);
        if (caller.isEmpty()) {
            return;
        }
        String instance = context.request().path();
        Optional<String> mediaType = AcceptHeader.parse(context.request().getHeader("Accept")).choose(List.of(
                "application/json", "application/ld+json", "application/xml", "text/xml"));
        if (mediaType.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NOT_ACCEPTABLE,
                    "capture jobs are available as application/json or application/xml", instance));
            return;
        }
        String captureId;
        try {
            captureId = PathSegments.decode(instance.substring(instance.lastIndexOf('/') + 1));
        } catch (IllegalArgumentException e) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                    "no capture job has the ID in the path", instance));
            return;
        }
        // Another organisation's job is answered like one that does not exist.
        Optional<CaptureJob> job = jobs.find(captureId, caller.get());
        if (job.isEmpty()) {
            ProblemResponses.send(context, Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE,
                    "no capture job " + captureId, instance));
            return;
        }
        boolean xml = mediaType.get().contains("xml");
        HttpServerResponse response = context.response().setStatusCode(200)
                .putHeader("Content-Type", mediaType.get());
        Gs1Headers.addTo(response);
        response.end(Buffer.buffer(xml ? CaptureJobRendering.xml(job.get()) : CaptureJobRendering.json(job.get())));
    }

    private void failure(RoutingContext context) {
        ProblemResponses.failure(context, LOG);
    }

    /**
     * The keyset position of a page of capture jobs (the last job shown: its creation time and ID) and when the
     * token expires, base64url-encoded. It names nothing secret; a token edited by hand only moves the page.
     */
    static final class PageToken {
        private PageToken() {}

        static String encode(CaptureJob last, Instant expires) {
            String text = "1|" + expires.getEpochSecond() + "|" + last.createdAt() + "|" + last.captureId();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Optional<CaptureJob> decode(String token) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                        .split("\\|", 4);
                if (parts.length != 4 || !parts[0].equals("1")
                        || Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(Instant.now())) {
                    return Optional.empty();
                }
                return Optional.of(new CaptureJob(parts[3], io.tracewell.epcis.store.job.CaptureJobState.RUNNING,
                        CaptureErrorBehaviour.ROLLBACK, Instant.parse(parts[2]), null, "", 0, null, 0, null,
                        "-"));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
