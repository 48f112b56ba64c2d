package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.EventType;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.PersistentDisposition;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one event element (EPCIS 2.0 §9.5) into the model. Standard fields are unqualified elements; they are
 * accepted in any order (the schema fixes one, but the meaning does not depend on it) and each at most once.
 * Elements in any other namespace are user extensions. The EPCIS 1.x wrappers {@code <extension>} and
 * {@code <baseExtension>} are transparent: their standard fields count as the event's, their namespaced elements
 * as event-level extensions.
 */
final class EventParser {
    private final XmlInput in;
    private final EventType type;
    private final List<String> allowed;
    private final Set<String> seen = new HashSet<>();

    private EpcisTime eventTime;
    private EpcisTime recordTime;
    private TimeZoneOffset offset;
    private String eventID;
    private ErrorDeclaration errorDeclaration;
    private String certificationInfo;
    private Action action;
    private String parentID;
    private List<String> epcs = List.of();
    private List<String> outputEPCs = List.of();
    private List<QuantityElement> quantities = List.of();
    private List<QuantityElement> outputQuantities = List.of();
    private String transformationID;
    private BizStep bizStep;
    private Disposition disposition;
    private PersistentDisposition persistentDisposition;
    private List<BizTransaction> bizTransactions = List.of();
    private ReadPoint readPoint;
    private BizLocation bizLocation;
    private List<SourceDest> sources = List.of();
    private List<SourceDest> destinations = List.of();
    private List<SensorElement> sensorElements = List.of();
    private Ilmd ilmd;
    private final List<ExtensionElement> extensions = new ArrayList<>();

    private EventParser(XmlInput in, EventType type) {
        this.in = in;
        this.type = type;
        this.allowed = EventFields.of(type);
    }

    /** True when the element at the cursor is one of the five event elements. */
    static boolean isEvent(XmlInput in) {
        return in.isUnqualified() && EventType.fromStandardName(in.localName()) != null;
    }

    /** Reads the event whose start tag is at the cursor; the cursor ends on its end tag. */
    static EpcisEvent parse(XmlInput in) {
        EventType type = EventType.fromStandardName(in.localName());
        if (!in.isUnqualified() || type == null) {
            throw EventParts.unexpected(in, "EventList",
                    "ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent");
        }
        SourceLocation at = in.location();
        in.onlyAttributes(type.standardName());
        EventParser p = new EventParser(in, type);
        p.children(type.standardName());
        return p.build(at);
    }

    private void children(String context) {
        while (in.nextChild(context)) {
            if (EventParts.isUserExtension(in)) {
                extensions.add(ExtensionReader.element(in));
            } else if (in.isUnqualified() && allowed.contains(in.localName())) {
                field(in.localName());
            } else {
                throw in.error("unexpected element '" + XmlInput.displayName(in.name()) + "' in "
                        + type.standardName(), "one of " + String.join(", ", allowed)
                        + ", or a user extension element in its own namespace");
            }
        }
    }

    private void field(String name) {
        SourceLocation at = in.location();
        if (!name.equals("extension") && !name.equals("baseExtension") && !seen.add(name)) {
            throw in.error("duplicate element '" + name + "' in " + type.standardName(),
                    "at most one " + name + " per event");
        }
        String ctx = type.standardName();
        switch (name) {
            case "eventTime" -> eventTime = XmlValues.dateTime(at, "eventTime", in.token(ctx));
            case "recordTime" -> recordTime = XmlValues.dateTime(at, "recordTime", in.token(ctx));
            case "eventTimeZoneOffset" -> offset = XmlValues.offset(at, in.token(ctx));
            case "eventID" -> eventID = in.token(ctx);
            case "errorDeclaration" -> errorDeclaration = EventParts.errorDeclaration(in);
            case "certificationInfo" -> certificationInfo = in.token(ctx);
            case "action" -> action = action(at, in.token(ctx));
            case "parentID" -> parentID = in.token(ctx);
            case "epcList", "childEPCs", "inputEPCList" -> epcs = EventParts.idList(in, "epc");
            case "outputEPCList" -> outputEPCs = EventParts.idList(in, "epc");
            case "quantityList", "childQuantityList", "inputQuantityList" -> quantities = EventParts.quantityList(in);
            case "outputQuantityList" -> outputQuantities = EventParts.quantityList(in);
            case "transformationID" -> transformationID = in.token(ctx);
            case "bizStep" -> bizStep = XmlValues.cbv(in.location(), "bizStep", in.token(ctx), BizStep::of);
            case "disposition" -> disposition =
                    XmlValues.cbv(in.location(), "disposition", in.token(ctx), Disposition::of);
            case "persistentDisposition" -> persistentDisposition = EventParts.persistentDisposition(in);
            case "bizTransactionList" -> bizTransactions = EventParts.bizTransactionList(in);
            case "readPoint" -> readPoint = EventParts.readPoint(in);
            case "bizLocation" -> bizLocation = EventParts.bizLocation(in);
            case "sourceList" -> sources = EventParts.sourceDestList(in, "source");
            case "destinationList" -> destinations = EventParts.sourceDestList(in, "destination");
            case "sensorElementList" -> sensorElements = SensorParts.sensorElementList(in);
            case "ilmd" -> ilmd = EventParts.ilmd(in);
            case "extension", "baseExtension" -> children(name);
            default -> throw new IllegalStateException("field list and dispatch disagree on " + name);
        }
    }

    private Action action(SourceLocation at, String text) {
        try {
            return Action.parse(text);
        } catch (IllegalArgumentException e) {
            throw new EpcisFormatException(at, "action '" + text + "' in " + type.standardName(),
                    "ADD, OBSERVE or DELETE (EPCIS 2.0 §7.3.2)", e);
        }
    }

    private EpcisEvent build(SourceLocation at) {
        String name = type.standardName();
        if (eventTime == null) {
            throw new EpcisFormatException(at, name + " has no eventTime",
                    "eventTime, the date and time of the event (EPCIS 2.0 §7.4.1)");
        }
        if (offset == null) {
            throw new EpcisFormatException(at, name + " has no eventTimeZoneOffset",
                    "eventTimeZoneOffset such as +02:00 (EPCIS 2.0 §7.4.1)");
        }
        if (action == null && type != EventType.TRANSFORMATION_EVENT) {
            throw new EpcisFormatException(at, name + " has no action", "action ADD, OBSERVE or DELETE");
        }
        CommonFields common = new CommonFields(eventTime, offset, recordTime, eventID, errorDeclaration,
                certificationInfo);
        Where where = new Where(readPoint, bizLocation, sources, destinations);
        Why why = new Why(bizStep, disposition, persistentDisposition, bizTransactions);
        return switch (type) {
            case OBJECT_EVENT -> new ObjectEvent(common, action, epcs, quantities, where, why, sensorElements, ilmd,
                    extensions);
            case AGGREGATION_EVENT -> new AggregationEvent(common, action, parentID, epcs, quantities, where, why,
                    sensorElements, extensions);
            case TRANSACTION_EVENT -> new TransactionEvent(common, action, parentID, epcs, quantities, where, why,
                    sensorElements, extensions);
            case TRANSFORMATION_EVENT -> new TransformationEvent(common, epcs, quantities, outputEPCs,
                    outputQuantities, transformationID, where, why, sensorElements, ilmd, extensions);
            case ASSOCIATION_EVENT -> new AssociationEvent(common, action, parentID, epcs, quantities, where, why,
                    sensorElements, extensions);
        };
    }
}
