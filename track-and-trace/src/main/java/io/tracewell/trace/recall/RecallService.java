package io.tracewell.trace.recall;

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
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Recalls (docs/verification.md, "Recalls"): a recall is an EPCIS event like any other, captured through the normal
 * path, so that it is queryable, travels to subscribers and connectors, and verification answers "recalled". A lot
 * is recalled by an ObjectEvent naming the lot's class (LGTIN) in its quantity list; single packs by one naming
 * their SGTINs; both with the disposition {@code recalled}.
 */
public final class RecallService {

    private final SingleEventCapture capture;
    private final Clock clock;
    private final String organisation;

    /** @param organisation the organisation recall events are captured for (the operator's own) */
    public RecallService(SingleEventCapture capture, Clock clock, String organisation) {
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.capture = Objects.requireNonNull(capture, "capture");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The lot's class as a GS1 Digital Link: {@code https://id.gs1.org/01/{gtin}/10/{lot}}. */
    public static String lotClass(String gtin, String lot) {
        return "https://id.gs1.org/01/" + gtin + "/10/" + URLEncoder.encode(lot, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    /** Recalls every pack of a lot; returns the recall event's eventID. */
    public String recallLot(String gtin, String lot) {
        return record(List.of(), List.of(new QuantityElement(lotClass(gtin, lot), null, null)));
    }

    /** Recalls the packs named (SGTINs, EPC URI or Digital Link); returns the recall event's eventID. */
    public String recallPacks(List<String> epcs) {
        if (epcs.isEmpty()) {
            throw new IllegalArgumentException("a recall of packs names at least one pack");
        }
        return record(epcs, List.of());
    }

    private String record(List<String> epcs, List<QuantityElement> quantities) {
        ObjectEvent event = new ObjectEvent(
                CommonFields.of(EpcisTime.of(clock.instant().truncatedTo(ChronoUnit.MILLIS)),
                        new TimeZoneOffset(ZoneOffset.UTC)),
                Action.OBSERVE, epcs, quantities, Where.NONE,
                new Why(BizStep.HOLDING, Disposition.RECALLED, null, List.of()), List.of(), null, List.of());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        JsonLdEventWriter.writeEvent(event, Namespaces.NONE, body);
        CaptureOutcome outcome = capture.capture(body.toByteArray(), Format.JSON_LD, organisation);
        if (outcome instanceof CaptureOutcome.Captured captured) {
            return captured.eventID();
        }
        if (outcome instanceof CaptureOutcome.Duplicate duplicate) {
            return duplicate.hashId();
        }
        CaptureOutcome.Invalid invalid = (CaptureOutcome.Invalid) outcome;
        throw new IllegalArgumentException("the recall is not a valid event: " + invalid.errors().stream()
                .map(ProblemError::message).collect(Collectors.joining("; ")));
    }
}
