package io.tracewell.trace.verify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one verification scan.
 *
 * @param code       the scanned code
 * @param known      whether some event other than a verification names the pack
 * @param lot        the scanned lot against the commissioning ILMD's {@code cbvmda:lotNumber}
 * @param expiry     the scanned expiry against the commissioning ILMD's {@code cbvmda:itemExpirationDate}
 * @param status     the current status ({@link Status#UNKNOWN} for an unknown pack)
 * @param scans      verification scans of the pack so far, this one included
 * @param firstScan  the earliest verification scan before this one; empty when this is the first
 * @param eventID    the eventID of the event recording this scan
 */
public record Verification(ScannedCode code, boolean known, Comparison lot, Comparison expiry, Status status,
                           int scans, Optional<Scan> firstScan, String eventID) {

    public Verification {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(firstScan, "firstScan");
        Objects.requireNonNull(eventID, "eventID");
    }

    /** Whether no verification scan came before this one. */
    public boolean first() {
        return firstScan.isEmpty();
    }

    /**
     * A recorded verification scan.
     *
     * @param time      its eventTime
     * @param readPoint its read point as stored (canonical), when the scan gave a location
     */
    public record Scan(Instant time, Optional<String> readPoint) {

        public Scan {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(readPoint, "readPoint");
        }
    }
}
