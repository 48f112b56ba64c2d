package io.tracewell.epcis.capture;

/**
 * The limits of {@code POST /capture}, announced in {@code OPTIONS /capture} and on a {@code 413} as
 * {@code GS1-EPCIS-Capture-Limit} (events per document) and {@code GS1-EPCIS-Capture-File-Size-Limit} (bytes).
 * Documents are streamed, so the defaults are high; they guard the database, not the heap.
 *
 * @param maxEvents the most events one capture document may hold
 * @param maxBytes  the largest capture document, in bytes
 */
public record CaptureLimits(long maxEvents, long maxBytes) {

    /** 5,000,000 events and 4 GiB. */
    public static final CaptureLimits DEFAULT = new CaptureLimits(5_000_000L, 4L * 1024 * 1024 * 1024);

    public CaptureLimits {
        if (maxEvents < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("capture limits are at least 1, got " + maxEvents + " events and "
                    + maxBytes + " bytes");
        }
    }
}
