package io.tracewell.epcis.store.job;

import java.time.Instant;
import java.util.Objects;

/**
 * A capture job as stored (the resource behind {@code GET /capture/{captureID}}, EPCIS 2.0 REST binding).
 *
 * @param captureId      the job's ID
 * @param state          running, or how it ended
 * @param errorBehaviour the {@code GS1-Capture-Error-Behaviour} it was submitted with
 * @param createdAt      when the document was accepted
 * @param finishedAt     when the job ended, or null while running
 * @param mediaType      the document's media type (JSON-LD or XML)
 * @param documentSize   the document's size in bytes
 * @param eventCount     the number of events in the document, or null while running
 * @param eventsStored   the number of events stored by the job (so far, while running)
 * @param errorsJson     the errors as a JSON array, or null
 * @param organisation   the organisation that submitted the document: only its callers (and regulators) see the
 *                       job, and its events belong to it
 * @param eventsVisible  whether every event the job stored is visible to queries (its outbox rows are numbered in
 *                       the visibility order, docs/store.md §5a); the moment between the commit and the numbering,
 *                       or longer if the numbering failed and waits for the periodic publisher
 */
public record CaptureJob(String captureId, CaptureJobState state, CaptureErrorBehaviour errorBehaviour,
                         Instant createdAt, Instant finishedAt, String mediaType, long documentSize,
                         Integer eventCount, int eventsStored, String errorsJson,
                         String organisation, boolean eventsVisible) {

    /** A job whose events, if any, are visible to queries. */
    public CaptureJob(String captureId, CaptureJobState state, CaptureErrorBehaviour errorBehaviour,
                      Instant createdAt, Instant finishedAt, String mediaType, long documentSize,
                      Integer eventCount, int eventsStored, String errorsJson, String organisation) {
        this(captureId, state, errorBehaviour, createdAt, finishedAt, mediaType, documentSize, eventCount,
                eventsStored, errorsJson, organisation, true);
    }

    public CaptureJob {
        Objects.requireNonNull(captureId, "captureId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(errorBehaviour, "errorBehaviour");
        Objects.requireNonNull(organisation, "organisation");
    }

    public boolean running() {
        return state == CaptureJobState.RUNNING;
    }

    /**
     * Whether a client is told the job is running: while it runs, and after it has finished until its events can be
     * queried. A client that sees a job finished can then find every event it stored (read your writes).
     */
    public boolean runningForClients() {
        return running() || !eventsVisible;
    }
}
