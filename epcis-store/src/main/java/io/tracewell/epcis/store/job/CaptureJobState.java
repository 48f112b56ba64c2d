package io.tracewell.epcis.store.job;

/**
 * Where a capture job is. {@code RECEIVING} jobs are not visible to clients: their document is still arriving
 * and no {@code 202} has been sent; the others map to the REST binding's {@code running} and {@code success}.
 */
public enum CaptureJobState {
    RECEIVING,
    RUNNING,
    SUCCESS,
    FAILED
}
