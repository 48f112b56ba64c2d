package io.tracewell.trace.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * How the alert engine runs (docs/alerts.md §Settings).
 *
 * @param commissionedTwice  whether {@link CommissionedTwiceRule} runs
 * @param seenAfterEndOfLife whether {@link SeenAfterEndOfLifeRule} runs
 * @param shippedNotReceived whether {@link ShippedNotReceivedCheck} runs
 * @param outsideMarket      whether {@link OutsideMarketRule} runs
 * @param cloneDetection     whether {@link CloneRule} runs
 * @param cloneMaxSpeedKmh   the fastest a pack can travel between two reads, km/h; faster is a clone
 * @param cloneMinDistanceKm reads closer together than this are never a clone (coordinates and clocks are
 *                           approximate)
 * @param receiveWithin      how long after shipping a receipt is expected
 * @param shipmentLookback   how far before {@code receiveWithin} the overdue check looks for shipments; older
 *                           shipments are not checked any more
 * @param batchSize          how many outbox rows the engine reads at a time, and how many overdue shipments it
 *                           raises per check
 * @param lease              how long the engine's outbox lease lasts; renewed after each batch
 */
public record AlertSettings(boolean commissionedTwice, boolean seenAfterEndOfLife, boolean shippedNotReceived,
                            boolean outsideMarket, boolean cloneDetection, double cloneMaxSpeedKmh,
                            double cloneMinDistanceKm,
                            Duration receiveWithin, Duration shipmentLookback, int batchSize, Duration lease) {

    public AlertSettings {
        Objects.requireNonNull(receiveWithin, "receiveWithin");
        Objects.requireNonNull(shipmentLookback, "shipmentLookback");
        Objects.requireNonNull(lease, "lease");
        if (receiveWithin.isNegative() || receiveWithin.isZero()) {
            throw new IllegalArgumentException("receiveWithin must be positive, not " + receiveWithin);
        }
        if (shipmentLookback.isNegative()) {
            throw new IllegalArgumentException("shipmentLookback must not be negative, not " + shipmentLookback);
        }
        if (!(cloneMaxSpeedKmh > 0) || Double.isInfinite(cloneMaxSpeedKmh)) {
            throw new IllegalArgumentException("cloneMaxSpeedKmh must be a positive number, not " + cloneMaxSpeedKmh);
        }
        if (!(cloneMinDistanceKm >= 0) || Double.isInfinite(cloneMinDistanceKm)) {
            throw new IllegalArgumentException("cloneMinDistanceKm must be a number of at least 0, not "
                    + cloneMinDistanceKm);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("lease must be at least one second, not " + lease);
        }
    }

    /**
     * Every rule on; clones faster than 900 km/h (an airliner) over at least 25 km; receipt expected within 7 days,
     * shipments checked for 90 days more; 100 rows; 60 s lease.
     */
    public static AlertSettings defaults() {
        return new AlertSettings(true, true, true, true, true, 900, 25, Duration.ofDays(7), Duration.ofDays(90), 100,
                Duration.ofSeconds(60));
    }
}
