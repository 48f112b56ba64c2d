package io.tracewell.trace.alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Impossible travel: the same EPC read at two places too far apart for the time between the reads, which is what a
 * copied code looks like when the copy and the original are both in use. The places' coordinates are the CBV
 * {@code latitude} and {@code longitude} of the events' business location (else read point) in the Location master
 * data; the distance is the great-circle distance (haversine), the speed that distance over the time between the
 * two event times.
 *
 * <p>Only reads next to each other in event time are compared: if the first and the third of three reads are too
 * far apart, by the triangle inequality so is one of the two neighbouring pairs. Pairs closer than
 * {@code minDistanceKm} never count, since site coordinates are approximate and readers' clocks differ. Events
 * without coordinates are skipped. The trigger is the later read of the pair; either read may be evaluated first.
 */
public final class CloneRule implements Rule {

    public static final String NAME = "clone";

    private final double maxSpeedKmh;
    private final double minDistanceKm;

    /**
     * @param maxSpeedKmh   the fastest a pack travels; faster is impossible
     * @param minDistanceKm pairs of reads closer than this are never impossible
     */
    public CloneRule(double maxSpeedKmh, double minDistanceKm) {
        if (!(maxSpeedKmh > 0) || !(minDistanceKm >= 0)) {
            throw new IllegalArgumentException("maxSpeedKmh must be positive and minDistanceKm at least 0, not "
                    + maxSpeedKmh + " and " + minDistanceKm);
        }
        this.maxSpeedKmh = maxSpeedKmh;
        this.minDistanceKm = minDistanceKm;
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Read(History.Entry entry, MasterData.Coordinates where) {
    }

    @Override
    public List<Finding> evaluate(Connection connection, CapturedEvent event) throws SQLException {
        if (event.location() == null || event.epcs().isEmpty()) {
            return List.of();
        }
        MasterData masterData = new MasterData(connection);
        if (masterData.coordinates(event.location()).isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<History.Entry>> epc : History.of(connection, event.epcs()).entrySet()) {
            List<Read> reads = new ArrayList<>();
            for (History.Entry entry : epc.getValue()) {
                if (entry.location() != null) {
                    Optional<MasterData.Coordinates> where = masterData.coordinates(entry.location());
                    where.ifPresent(w -> reads.add(new Read(entry, w)));
                }
            }
            reads.sort(Comparator.comparing((Read r) -> r.entry().eventTime()).thenComparing(r -> r.entry().rowId()));
            for (int i = 1; i < reads.size(); i++) {
                Read earlier = reads.get(i - 1);
                Read later = reads.get(i);
                if (earlier.entry().rowId() != event.rowId() && later.entry().rowId() != event.rowId()) {
                    continue;
                }
                double km = earlier.where().kilometresTo(later.where());
                Duration between = Duration.between(earlier.entry().eventTime(), later.entry().eventTime());
                double hours = between.toNanos() / 3.6e12;
                if (km < minDistanceKm || km <= maxSpeedKmh * hours) {
                    continue;
                }
                findings.add(new Finding(NAME, epc.getKey(), later.entry().rowId(),
                        List.of(earlier.entry().eventId(), later.entry().eventId()),
                        String.format(Locale.ROOT, "EPC %s was read at %s (%s, event %s) and at %s (%s, event %s):"
                                + " %.0f km in %s, faster than %.0f km/h", epc.getKey(), earlier.entry().location(),
                                earlier.entry().eventTime(), earlier.entry().eventId(), later.entry().location(),
                                later.entry().eventTime(), later.entry().eventId(), km, between, maxSpeedKmh)));
            }
        }
        return findings;
    }
}
