package io.tracewell.epcis.subscription;

import io.tracewell.epcis.store.access.Caller;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook subscription to a named query as it is stored (table {@code subscription}, migration V6): what the
 * client asked for, and where delivery stands.
 *
 * @param schedule        the schedule's fields as given, or null for a streaming subscription
 * @param signatureToken  the client's secret for {@code GS1-Signature}, or null; never shown to anyone
 * @param mediaType       the media type notifications are written in
 * @param epcFormat       the {@code GS1-EPC-Format} the client asked for when subscribing, or null
 * @param cbvXmlFormat    the {@code GS1-CBV-XML-Format} the client asked for when subscribing, or null
 * @param position        the last event delivered and acknowledged, in visibility order
 * @param minRecordTime   the recordTime the next scheduled run reports from
 * @param nextRunAt       when a scheduled subscription runs next; null for a streaming one
 * @param failures        deliveries failed in a row
 * @param owner           the caller that subscribed: notifications hold only the events it may read
 *                        (docs/security.md, "Visibility"), whoever runs the delivery
 */
public record Subscription(
        String id,
        String queryName,
        String dest,
        String signatureToken,
        boolean stream,
        QuerySchedule schedule,
        boolean reportIfEmpty,
        Instant initialRecordTime,
        String mediaType,
        String epcFormat,
        String cbvXmlFormat,
        Instant createdAt,
        int batchSize,
        FeedPosition position,
        Instant minRecordTime,
        Instant lastNotifiedAt,
        Instant nextRunAt,
        State state,
        int failures,
        Instant retryAt,
        String lastError,
        Caller owner) {

    /** Whether deliveries are going through. */
    public enum State {
        /** Delivering, or waiting for events or for its schedule. */
        ACTIVE,
        /** Deliveries failed more often in a row than allowed; still retried at the longest back-off. */
        FAILING;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State ofColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queryName, "queryName");
        Objects.requireNonNull(dest, "dest");
        Objects.requireNonNull(initialRecordTime, "initialRecordTime");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(minRecordTime, "minRecordTime");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(owner, "owner");
        if (stream == (schedule != null)) {
            throw new IllegalArgumentException("a subscription is either streaming or scheduled");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
    }

    public Optional<QuerySchedule> scheduleIfAny() {
        return Optional.ofNullable(schedule);
    }
}
