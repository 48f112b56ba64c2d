package io.tracewell.trace.serial;

import io.tracewell.epcis.capture.CaptureOutcome;
import io.tracewell.epcis.capture.SingleEventCapture;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.jsonld.JsonLdEventWriter;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import io.tracewell.epcis.id.AiValue;
import io.tracewell.epcis.id.ElementString;
import io.tracewell.epcis.id.Sgtin;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures the commissioning events of a request's serials: ObjectEvent, action ADD, bizStep commissioning,
 * disposition active, the serials as SGTIN EPCs, and the lot and expiry as ILMD ({@code cbvmda:lotNumber},
 * {@code cbvmda:itemExpirationDate}).
 *
 * <p>The events go through the capture interface's single-event path ({@link SingleEventCapture}, what
 * {@code POST /events} uses): each is written as JSON-LD, validated against the EPCIS 2.0 schema, hashed and
 * stored like any captured event. A request with more serials than one event holds
 * ({@link SerializationSettings#epcsPerEvent()}) gets one event per slice, in serial order.
 *
 * <p>The serials are issued and committed before the events are captured: a failure here leaves them issued (never
 * to be issued again) and not commissioned, with the request's commissioning state {@code failed} and the reason.
 * The eventTime is fixed when the serials are issued, so capturing the same slice again gives the same event,
 * which the store recognises by its hash and does not store twice.
 */
public final class SerialCommissioning {

    static final String CBVMDA = "urn:epcglobal:cbv:mda";

    private static final Logger LOG = LoggerFactory.getLogger(SerialCommissioning.class);

    private final SingleEventCapture capture;
    private final SerialNumberService serials;
    private final int epcsPerEvent;
    private final String organisation;

    /** @param organisation the organisation commissioning events are captured for (the operator's own) */
    public SerialCommissioning(SingleEventCapture capture, SerialNumberService serials, int epcsPerEvent,
                               String organisation) {
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.capture = Objects.requireNonNull(capture, "capture");
        this.serials = Objects.requireNonNull(serials, "serials");
        if (epcsPerEvent < 1) {
            throw new IllegalArgumentException("epcsPerEvent must be at least 1");
        }
        this.epcsPerEvent = epcsPerEvent;
    }

    /**
     * Captures the request's commissioning events and records the outcome on the request.
     *
     * @return the request as stored afterwards
     */
    public SerialRequestRecord commission(SerialRequestRecord request) {
        Commission commission = request.commission().orElseThrow(
                () -> new IllegalArgumentException("request " + request.id() + " asks for no commissioning"));
        Instant time = request.commissionTime().orElseThrow();
        List<String> eventIDs = new ArrayList<>();
        try {
            int after = -1;
            while (true) {
                List<SerialNumberService.Entry> slice = serials.page(request.id(), after, epcsPerEvent);
                if (slice.isEmpty()) {
                    break;
                }
                ObjectEvent event = event(request, commission, time, slice);
                eventIDs.add(capture(event));
                after = slice.get(slice.size() - 1).ordinal();
            }
            serials.commissioned(request.id(), eventIDs);
        } catch (RuntimeException e) {
            LOG.warn("commissioning the serials of request {} failed after {} event(s)", request.id(),
                    eventIDs.size(), e);
            serials.commissionFailed(request.id(), eventIDs, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return serials.find(request.id()).orElseThrow();
    }

    private String capture(ObjectEvent event) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        JsonLdEventWriter.writeEvent(event, Namespaces.NONE, body);
        CaptureOutcome outcome = capture.capture(body.toByteArray(), Format.JSON_LD, organisation);
        if (outcome instanceof CaptureOutcome.Captured captured) {
            return captured.eventID();
        }
        if (outcome instanceof CaptureOutcome.Duplicate duplicate) {
            // captured before (the same slice again): the stored event's ID is its hash ID
            return duplicate.hashId();
        }
        CaptureOutcome.Invalid invalid = (CaptureOutcome.Invalid) outcome;
        throw new IllegalStateException("the commissioning event was refused: " + invalid.errors().stream()
                .map(ProblemError::message).collect(Collectors.joining("; ")));
    }

    /** The commissioning event of one slice of the request's serials. */
    static ObjectEvent event(SerialRequestRecord request, Commission commission, Instant time,
                             List<SerialNumberService.Entry> slice) {
        List<String> epcs = new ArrayList<>(slice.size());
        for (SerialNumberService.Entry entry : slice) {
            Sgtin sgtin = Sgtin.of(request.gtin(), entry.serial());
            epcs.add(commission.companyPrefixLength().isPresent()
                    ? sgtin.withGcpLength(commission.companyPrefixLength().getAsInt()).toUrn()
                    : sgtin.toDigitalLink());
        }
        List<ExtensionElement> ilmd = new ArrayList<>(2);
        request.lot().ifPresent(lot -> ilmd.add(ExtensionElement.text(new QName(CBVMDA, "lotNumber", "cbvmda"),
                lot)));
        request.expiry().ifPresent(expiry -> ilmd.add(ExtensionElement.text(
                new QName(CBVMDA, "itemExpirationDate", "cbvmda"),
                ElementString.of(new AiValue("17", expiry)).expiry().orElseThrow().toString())));
        return new ObjectEvent(
                CommonFields.of(EpcisTime.of(time), new TimeZoneOffset(ZoneOffset.UTC)),
                Action.ADD, epcs, List.of(),
                new Where(ReadPoint.of(commission.readPoint()), BizLocation.of(commission.bizLocation()), List.of(),
                        List.of()),
                new Why(BizStep.COMMISSIONING, Disposition.ACTIVE, null, List.of()),
                List.of(), ilmd.isEmpty() ? null : new Ilmd(ilmd), List.of());
    }
}
