package io.tracewell.epcis.capture.job;

import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.store.job.CaptureErrorBehaviour;
import io.tracewell.epcis.store.job.CaptureJob;
import io.tracewell.epcis.store.job.CaptureJobState;
import io.tracewell.epcis.store.job.CaptureJobs;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.epcis.store.write.StoreLimitException;
import io.tracewell.epcis.store.write.StoreResult;
import io.tracewell.epcis.validation.DocumentValidator;
import io.tracewell.epcis.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works one capture job: validates the kept document, then streams its events into the store.
 *
 * <ol>
 *   <li>Validation (a streaming pass over the document): every violation, each assigned to the event it is in
 *       (by JSON pointer, or for XML by the line and column where each event starts).</li>
 *   <li>A violation outside any event fails the job with nothing stored. Under {@code rollback} so does a
 *       violation in any event.</li>
 *   <li>Storing (a second streaming pass): events in batches, invalid ones skipped unread. Under
 *       {@code rollback} everything is one transaction, which also finishes the job: a crash at any point
 *       leaves all the events or none, and a job that is still {@code RUNNING} has stored nothing; validation
 *       runs beside this pass and the commit waits for it. Under {@code proceed} validation comes first, every
 *       {@link #commitEvery} events are committed with the job's progress, and a resumed job goes on after the
 *       last committed event.</li>
 * </ol>
 *
 * <p>An event that is stored already (same CBV 2.0 hash ID, no error declaration) is not stored again and is
 * not an error: a client that re-sends a document gets the same result.
 */
public final class DocumentCapture {

    private static final Pattern EVENT_POINTER = Pattern.compile(
            "^/epcisBody(?:/queryResults/resultsBody)?/eventList/(\\d+)(?:/.*)?$");

    private final CaptureJobs jobs;
    private final EventStore store;
    private final DocumentValidator validator;
    private final int batchSize;
    private final int commitEvery;

    public DocumentCapture(CaptureJobs jobs, EventStore store, DocumentValidator validator, int batchSize,
                           int commitEvery) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.store = Objects.requireNonNull(store, "store");
        this.validator = Objects.requireNonNull(validator, "validator");
        if (batchSize < 1 || commitEvery < batchSize) {
            throw new IllegalArgumentException("batchSize >= 1 and commitEvery >= batchSize");
        }
        this.batchSize = batchSize;
        this.commitEvery = commitEvery;
    }

    /** Batches of 1,000 events; {@code proceed} commits every 10,000. */
    public static DocumentCapture of(CaptureJobs jobs, EventStore store) {
        return new DocumentCapture(jobs, store, DocumentValidator.withMaxViolations(10_000), 1_000, 10_000);
    }

    /** The document format of a stored media type. */
    public static Format formatOf(String mediaType) {
        String m = mediaType.toLowerCase(java.util.Locale.ROOT);
        return m.contains("xml") ? Format.XML : Format.JSON_LD;
    }

    /**
     * Works the job to its end (the caller holds its lease). Blocking; a thread interrupt stops it between
     * batches with nothing of an open transaction kept, and the job stays running for a later resume.
     *
     * <p>Under {@code rollback} validation runs on a thread of its own while the events are stored, and the
     * transaction commits only once validation has found nothing: the two passes share the work of a job
     * between two processors, and nothing of an invalid document is ever visible. Under {@code proceed} the
     * invalid events must be known before storing starts, so validation comes first.
     */
    public void process(CaptureJob job) throws InterruptedException {
        String id = job.captureId();
        String instance = "/capture/" + id;
        Format format = formatOf(job.mediaType());
        boolean rollback = job.errorBehaviour() == CaptureErrorBehaviour.ROLLBACK;

        Future<List<Violation>> validation = VALIDATION.submit(() -> validate(id, format));
        try {
            ErrorList errors = new ErrorList();
            Set<Integer> invalidEvents = new HashSet<>();
            if (!rollback) {
                if (assignViolations(await(validation), id, format, errors, invalidEvents)) {
                    jobs.finish(id, CaptureJobState.FAILED, 0, 0, errors.json(instance));
                    return;
                }
                CaptureJobs.Progress progress = jobs.progress(id);
                if (progress.errorsJson() != null) {
                    // A resumed job: the committed errors hold the validation errors and those found while
                    // storing the events handled before the crash, which this run does not read again.
                    errors = ErrorList.of(CaptureErrors.restore(progress.errorsJson()));
                }
                store(job, format, errors, invalidEvents, progress, null);
            } else {
                store(job, format, errors, invalidEvents, new CaptureJobs.Progress(0, 0, null), validation);
            }
        } finally {
            validation.cancel(true);
        }
    }

    private List<Violation> validate(String id, Format format) throws IOException {
        try (InputStream in = jobs.openDocument(id)) {
            return validator.validate(in, format);
        }
    }

    private static List<Violation> await(Future<List<Violation>> validation) throws InterruptedException {
        try {
            return validation.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("validation failed", cause);
        }
    }

    /**
     * Adds the violations to {@code errors}, each with its event, and collects the invalid events' indexes.
     * Returns true when a violation is outside any event (the document itself is invalid).
     */
    private boolean assignViolations(List<Violation> violations, String id, Format format, ErrorList errors,
                                     Set<Integer> invalidEvents) {
        if (violations.isEmpty()) {
            return false;
        }
        List<SourceLocation> starts = format == Format.XML ? xmlEventStarts(id) : List.of();
        boolean documentLevel = false;
        for (Violation v : violations) {
            Integer index = eventIndex(v.location(), format, starts);
            if (index == null) {
                documentLevel = true;
            } else {
                invalidEvents.add(index);
            }
            errors.add(CaptureError.validation(index, v.location(), v.message(), v.expected()));
        }
        return documentLevel;
    }

    /**
     * The storing pass. With {@code validation} given ({@code rollback}), the transaction commits only when it
     * ends without violations; otherwise the violations, or the errors of this pass, fail the job and nothing
     * is kept.
     */
    private void store(CaptureJob job, Format format, ErrorList errors, Set<Integer> invalidEvents,
                       CaptureJobs.Progress progress, Future<List<Violation>> validation) throws InterruptedException {
        String id = job.captureId();
        String instance = "/capture/" + id;
        boolean rollback = validation != null;
        try (InputStream in = jobs.openDocument(id); EpcisEventReader reader = EpcisFormats.reader(format, in)) {
            DocumentHeader header = reader.header();
            EventStore.Session session = store.open(
                    CaptureContext.capture(id, job.organisation(), header.namespaces()));
            try {
                if (progress.eventsDone() == 0 && !header.masterData().isEmpty()) {
                    session.addMasterData(header.masterData());
                }
                int index = 0;
                int stored = progress.eventsStored();
                int sinceCommit = 0;
                List<EpcisEvent> batch = new ArrayList<>(batchSize);
                boolean readingStopped = false;
                while (true) {
                    if (index < progress.eventsDone() || invalidEvents.contains(index)) {
                        if (!reader.skip()) {
                            break;
                        }
                        index++;
                        continue;
                    }
                    EpcisEvent event;
                    try {
                        event = reader.next();
                    } catch (EpcisFormatException e) {
                        errors.add(CaptureError.validation(index, e.location(), e.problem(), e.expected()));
                        if (!reader.canContinue()) {
                            // Malformed JSON, or an XML event that failed half-way: the next event cannot be found.
                            errors.add(CaptureError.validation(null, e.location(), "events after event " + index
                                    + " were not read", "a document whose every event can be read"));
                            readingStopped = true;
                            break;
                        }
                        index++;
                        if (rollback) {
                            break; // nothing will be kept: stop storing
                        }
                        continue;
                    }
                    if (event == null) {
                        break;
                    }
                    try {
                        EventStore.checkColumnLimits(index, event);
                        batch.add(event);
                    } catch (StoreLimitException e) {
                        // located at the event; the message names the field (events[i].readPoint.id)
                        errors.add(CaptureError.validation(index, reader.lastEventLocation(), e.getMessage(),
                                "a value no longer than the store keeps"));
                    }
                    index++;
                    if (rollback && !errors.isEmpty()) {
                        break; // nothing will be kept: stop storing
                    }
                    if (batch.size() == batchSize) {
                        stored += add(session, batch);
                        sinceCommit += batchSize;
                        checkInterrupt();
                        if (rollback && validation.isDone() && !await(validation).isEmpty()) {
                            break; // invalid: nothing will be kept
                        }
                    }
                    if (!rollback && sinceCommit >= commitEvery) {
                        stored += add(session, batch);
                        int done = index;
                        int storedSoFar = stored;
                        String errorsSoFar = errors.isEmpty() ? null : errors.json(instance);
                        session.commitAndContinue(c -> jobs.progress(c, id, done, storedSoFar, errorsSoFar));
                        sinceCommit = 0;
                    }
                }
                if (rollback) {
                    List<Violation> violations = await(validation);
                    if (!violations.isEmpty() || !errors.isEmpty()) {
                        session.close();
                        ErrorList reported = errors;
                        if (!violations.isEmpty()) {
                            // the validator's account is complete; this pass stopped at its first error
                            reported = new ErrorList();
                            assignViolations(violations, id, format, reported, new HashSet<>());
                        }
                        jobs.finish(id, CaptureJobState.FAILED, index, 0, reported.json(instance));
                        return;
                    }
                }
                stored += add(session, batch);
                int count = readingStopped ? index + 1 : index;
                int storedTotal = stored;
                CaptureJobState state = errors.isEmpty() ? CaptureJobState.SUCCESS : CaptureJobState.FAILED;
                String json = errors.json(instance);
                session.commit(c -> jobs.finish(c, id, state, count, storedTotal, json));
            } finally {
                session.close();
            }
        } catch (EpcisFormatException e) {
            // The document's structure (not one event) is wrong; the validator says it best where it has run.
            ErrorList reported = new ErrorList();
            if (validation == null || !assignViolationsIfAny(await(validation), id, format, reported)) {
                reported = errors;
                reported.add(CaptureError.validation(null, e.location(), e.problem(), e.expected()));
            }
            jobs.finish(id, CaptureJobState.FAILED, 0, 0, reported.json(instance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean assignViolationsIfAny(List<Violation> violations, String id, Format format, ErrorList errors) {
        if (violations.isEmpty()) {
            return false;
        }
        assignViolations(violations, id, format, errors, new HashSet<>());
        return true;
    }

    /** Validation threads: one per job at most, so as many as there are capture workers. */
    private static final ExecutorService VALIDATION = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "capture-validation");
        t.setDaemon(true);
        return t;
    });

    private static int add(EventStore.Session session, List<EpcisEvent> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        StoreResult result = session.add(batch);
        batch.clear();
        return result.events().size();
    }

    private static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("capture stopped");
        }
    }

    /** The event a violation is in, or null when it is about the document. */
    static Integer eventIndex(SourceLocation at, Format format, List<SourceLocation> xmlEventStarts) {
        if (format == Format.JSON_LD) {
            if (at.pointer() == null) {
                return null;
            }
            Matcher m = EVENT_POINTER.matcher(at.pointer());
            return m.matches() ? Integer.valueOf(m.group(1)) : null;
        }
        if (at.line() <= 0 || xmlEventStarts.isEmpty() || before(at, xmlEventStarts.get(0))) {
            return null;
        }
        int low = 0;
        int high = xmlEventStarts.size() - 1;
        while (low < high) { // the last start at or before the violation
            int mid = (low + high + 1) >>> 1;
            if (before(at, xmlEventStarts.get(mid))) {
                high = mid - 1;
            } else {
                low = mid;
            }
        }
        return low;
    }

    private static boolean before(SourceLocation a, SourceLocation b) {
        return a.line() < b.line() || a.line() == b.line() && a.column() < b.column();
    }

    /** Where each event of an XML document starts, as far as the document can be walked. */
    private List<SourceLocation> xmlEventStarts(String id) {
        List<SourceLocation> starts = new ArrayList<>();
        try (InputStream in = jobs.openDocument(id); EpcisEventReader reader = EpcisFormats.reader(Format.XML, in)) {
            while (reader.skip()) {
                starts.add(reader.lastEventLocation());
            }
        } catch (EpcisFormatException | IOException | UncheckedIOException e) {
            // the events found so far are what can be told apart
        }
        return starts;
    }

    /** Errors in the order found, at most {@link CaptureErrors#MAX_LISTED} kept. */
    private static final class ErrorList {
        private final List<CaptureError> listed = new ArrayList<>();
        private int more;

        static ErrorList of(CaptureErrors.Restored restored) {
            ErrorList list = new ErrorList();
            list.listed.addAll(restored.errors());
            list.more = restored.more();
            return list;
        }

        void add(CaptureError error) {
            if (listed.size() < CaptureErrors.MAX_LISTED) {
                listed.add(error);
            } else {
                more++;
            }
        }

        boolean isEmpty() {
            return listed.isEmpty();
        }

        String json(String instance) {
            return CaptureErrors.toJson(listed, more, instance);
        }
    }
}
