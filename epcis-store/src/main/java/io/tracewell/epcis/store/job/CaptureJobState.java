package io.tracewell.epcis.store.job;

/** Where a capture job is: the REST binding's {@code running} and {@code success} flags as one value. */
public enum CaptureJobState {
    RUNNING,
    SUCCESS,
    FAILED
}
