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
 */
public record CaptureJob(String captureId, CaptureJobState state, CaptureErrorBehaviour errorBehaviour,
                         Instant createdAt, Instant finishedAt, String mediaType, long documentSize,
                         Integer eventCount, int eventsStored, String errorsJson,
                         String organisation) {

    public CaptureJob {
        Objects.requireNonNull(captureId, "captureId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(errorBehaviour, "errorBehaviour");
        Objects.requireNonNull(organisation, "organisation");
    }

    public boolean running() {
        return state == CaptureJobState.RUNNING;
    }
}
