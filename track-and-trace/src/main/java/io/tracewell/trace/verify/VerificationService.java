package io.tracewell.trace.verify;

import io.tracewell.epcis.capture.CaptureOutcome;
import io.tracewell.epcis.capture.SingleEventCapture;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.jsonld.JsonLdEventWriter;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Verifies scanned packs against the event history (docs/verification.md) and records each scan as an EPCIS
 * ObjectEvent (action OBSERVE, bizStep {@value #VERIFYING}, the scan's location as read point), captured through
 * the path of {@code POST /events} so that scans are queried like any other event.
 *
 * <p>The pack's events are found through the store's identifier index ({@code epcis_event_epc}, canonical id and
 * role), its commissioning lot and expiry through the ILMD projection of that event ({@code epcis_event_field}):
 * index lookups only. The answer is computed first and the scan recorded afterwards, so the first scan of a pack
 * says that it is the first.
 */
public final class VerificationService {

    /** The bizStep of verification scans: a URN of our own, which EPCIS 2.0 allows for bizSteps beyond CBV. */
    public static final String VERIFYING = "urn:tracewell:bizstep:verifying";

    static final String CBVMDA = "urn:epcglobal:cbv:mda";

    private static final String EVENTS = "SELECT DISTINCT e.id, e.event_time, e.action, e.biz_step, e.disposition,"
            // event times are DATETIME(6) holding UTC
            + " e.read_point FROM epcis_event_epc p JOIN epcis_event e ON e.id = p.event_row_id"
            + " WHERE p.canonical_id = ? AND p.role IN ('EPC_LIST', 'PARENT', 'CHILD', 'INPUT', 'OUTPUT')"
            + " AND e.has_error_declaration = FALSE ORDER BY e.event_time, e.id";
    private static final String ILMD = "SELECT local_name, string_value FROM epcis_event_field"
            + " WHERE event_row_id = ? AND scope = 'ILMD' AND depth = 0 AND namespace = ?"
            + " AND local_name IN ('lotNumber', 'itemExpirationDate')";

    private final DataSource dataSource;
    private final SingleEventCapture capture;
    private final Clock clock;
    private final String organisation;

    /** @param organisation the organisation the recorded scans are captured for (the operator's own) */
    public VerificationService(DataSource dataSource, SingleEventCapture capture, Clock clock, String organisation) {
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.capture = Objects.requireNonNull(capture, "capture");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Answers a scan and records it.
     *
     * @param readPoint the scan's location as an SGLN (EPC URI or Digital Link), already checked; empty if not given
     */
    public Verification verify(ScannedCode code, Optional<String> readPoint) {
        Instant now = clock.instant();
        List<StoredEvent> events = events(code.epc());
        List<StoredEvent> history = events.stream().filter(e -> !VERIFYING.equals(e.bizStep())).toList();
        List<StoredEvent> scans = events.stream().filter(e -> VERIFYING.equals(e.bizStep())).toList();
        boolean known = !history.isEmpty();

        Optional<String> recordedLot = Optional.empty();
        Optional<LocalDate> recordedExpiry = Optional.empty();
        for (StoredEvent event : history) {
            if ("ADD".equals(event.action())) {
                Ilmd ilmd = ilmd(event.rowId());
                if (ilmd.lot().isPresent() || ilmd.expiry().isPresent()) {
                    recordedLot = ilmd.lot();
                    recordedExpiry = ilmd.expiry();
                    break;
                }
            }
        }
        Comparison lot = compare(code.lot(), recordedLot);
        Comparison expiry = compare(code.expiry(), recordedExpiry);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Optional<LocalDate> expiryDate = recordedExpiry.or(code::expiry);
        Optional<String> lotNumber = recordedLot.or(code::lot);
        boolean lotRecalled = known && lotNumber.isPresent()
                && lotRecalled(code.sgtin().gtin().value(), lotNumber.get());
        Status status = !known ? Status.UNKNOWN
                : lotRecalled ? Status.RECALLED
                : status(history, expiryDate.filter(d -> d.isBefore(today)).isPresent());
        Optional<Verification.Scan> first = scans.stream().findFirst()
                .map(e -> new Verification.Scan(e.eventTime(), Optional.ofNullable(e.readPoint())));

        String eventID = record(code, readPoint, now);
        return new Verification(code, known, lot, expiry, status, scans.size() + 1, first, eventID);
    }

    /**
     * The status the latest relevant event gives: the latest event (in event time) with a disposition, or with the
     * bizStep destroying or dispensing; the first rule that holds wins (docs/verification.md, "Status").
     */
    static Status status(List<StoredEvent> history, boolean pastExpiryDate) {
        StoredEvent latest = null;
        for (StoredEvent event : history) {
            if (event.disposition() != null || DESTROYING.equals(event.bizStep())
                    || DISPENSING.equals(event.bizStep())) {
                latest = event;
            }
        }
        String disposition = latest == null ? null : latest.disposition();
        String bizStep = latest == null ? null : latest.bizStep();
        if (RECALLED.equals(disposition)) {
            return Status.RECALLED;
        }
        if (DESTROYED.equals(disposition) || DESTROYING.equals(bizStep)) {
            return Status.DESTROYED;
        }
        if (DISPENSED.equals(disposition) || DISPENSING.equals(bizStep)) {
            return Status.DISPENSED;
        }
        if (STOLEN.equals(disposition)) {
            return Status.STOLEN;
        }
        if (IN_TRANSIT.equals(disposition)) {
            return Status.IN_TRANSIT;
        }
        if (EXPIRED.equals(disposition) || pastExpiryDate) {
            return Status.EXPIRED;
        }
        return Status.ACTIVE;
    }

    private static final String RECALLED = Disposition.RECALLED.uri();
    private static final String DESTROYED = Disposition.DESTROYED.uri();
    private static final String DISPENSED = Disposition.DISPENSED.uri();
    private static final String STOLEN = Disposition.STOLEN.uri();
    private static final String IN_TRANSIT = Disposition.IN_TRANSIT.uri();
    private static final String EXPIRED = Disposition.EXPIRED.uri();
    private static final String DESTROYING = BizStep.DESTROYING.uri();
    private static final String DISPENSING = BizStep.DISPENSING.uri();

    private static <T> Comparison compare(Optional<T> scanned, Optional<T> recorded) {
        if (scanned.isEmpty()) {
            return Comparison.NOT_GIVEN;
        }
        if (recorded.isEmpty()) {
            return Comparison.NOT_RECORDED;
        }
        return scanned.get().equals(recorded.get()) ? Comparison.MATCH : Comparison.MISMATCH;
    }

    private String record(ScannedCode code, Optional<String> readPoint, Instant now) {
        ObjectEvent event = new ObjectEvent(
                CommonFields.of(EpcisTime.of(now), new TimeZoneOffset(ZoneOffset.UTC)),
                Action.OBSERVE, List.of(code.sgtin().toDigitalLink()), List.of(),
                readPoint.map(r -> new Where(ReadPoint.of(r), null, List.of(), List.of())).orElse(Where.NONE),
                new Why(BizStep.of(VERIFYING), null, null, List.of()),
                List.of(), null, List.of());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        JsonLdEventWriter.writeEvent(event, Namespaces.NONE, body);
        CaptureOutcome outcome = capture.capture(body.toByteArray(), Format.JSON_LD, organisation);
        if (outcome instanceof CaptureOutcome.Captured captured) {
            return captured.eventID();
        }
        if (outcome instanceof CaptureOutcome.Duplicate duplicate) {
            // the same pack, place and instant (to the hash's precision) again: one event stands for both
            return duplicate.hashId();
        }
        CaptureOutcome.Invalid invalid = (CaptureOutcome.Invalid) outcome;
        throw new IllegalStateException("the verification event was refused: " + invalid.errors().stream()
                .map(ProblemError::message).collect(Collectors.joining("; ")));
    }

    /**
     * Whether the lot's class (LGTIN) stands recalled: the latest event naming it in a quantity list with a
     * disposition says {@code recalled} (a recall of the lot, docs/verification.md "Recalls").
     */
    private boolean lotRecalled(String gtin, String lot) {
        String lgtin = io.tracewell.epcis.id.Epc.canonicalOf(io.tracewell.trace.recall.RecallService.lotClass(gtin,
                lot));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(LOT_DISPOSITION)) {
            s.setString(1, lgtin);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && RECALLED.equals(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the recalls of lot " + lot + " failed: " + e.getMessage(), e);
        }
    }

    private static final String LOT_DISPOSITION = "SELECT e.disposition FROM epcis_event_epc p"
            + " JOIN epcis_event e ON e.id = p.event_row_id WHERE p.canonical_id = ? AND p.role = 'QUANTITY'"
            + " AND e.disposition IS NOT NULL AND e.has_error_declaration = FALSE"
            + " ORDER BY e.event_time DESC, e.id DESC LIMIT 1";

    private List<StoredEvent> events(String epc) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(EVENTS)) {
            s.setString(1, epc);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new StoredEvent(r.getLong(1), r.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), r.getString(3),
                            r.getString(4), r.getString(5), r.getString(6)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the events of " + epc + " failed: " + e.getMessage(), e);
        }
    }

    private Ilmd ilmd(long rowId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ILMD)) {
            s.setLong(1, rowId);
            s.setString(2, CBVMDA);
            Optional<String> lot = Optional.empty();
            Optional<LocalDate> expiry = Optional.empty();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String value = r.getString(2);
                    if (value == null) {
                        continue;
                    }
                    if (r.getString(1).equals("lotNumber")) {
                        lot = Optional.of(value);
                    } else {
                        expiry = date(value);
                    }
                }
            }
            return new Ilmd(lot, expiry);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ILMD of event row " + rowId + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** An xsd:date, with or without a time zone; anything else is treated as not recorded. */
    private static Optional<LocalDate> date(String value) {
        String text = value.trim();
        try {
            return Optional.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An event naming the pack, as far as verification reads it. */
    record StoredEvent(long rowId, Instant eventTime, String action, String bizStep, String disposition,
                       String readPoint) {
    }

    private record Ilmd(Optional<String> lot, Optional<LocalDate> expiry) {
    }
}
