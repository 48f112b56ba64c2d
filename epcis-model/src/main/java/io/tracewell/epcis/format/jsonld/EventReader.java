package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisEvent;
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
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One JSON-LD event object (EPCIS 2.0 §10, §7.4) to the model. */
final class EventReader {
    private static final String EVENT_TYPES =
            "one of ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, AssociationEvent";

    private EventReader() {
    }

    /**
     * Maps one event. An {@code @context} inside the event extends the document's context for this event only
     * (a standalone event carries its whole context this way).
     */
    static EpcisEvent read(JsonValue value, JsonPath path, ReadContext documentContext) {
        Members m = Members.of(value, path, documentContext, "an event");
        ReadContext ctx = documentContext;
        if (m.get("@context") != null) {
            ctx = documentContext.extend(m.get("@context"), path.child("@context"));
        }
        EventType type = type(m);
        m = Members.of(value, path, ctx, type.standardName());
        CommonFields common = common(m);
        Where where = where(m);
        Why why = why(m);
        List<SensorElement> sensors = SensorReader.elements(m);
        List<ExtensionElement> ext = m.extensions(EpcisMembers.of(type));
        return switch (type) {
            case OBJECT_EVENT -> new ObjectEvent(common, action(m), m.strings("epcList"),
                    quantities(m, "quantityList"), where, why, sensors, ilmd(m), ext);
            case AGGREGATION_EVENT -> new AggregationEvent(common, action(m), m.string("parentID"),
                    m.strings("childEPCs"), quantities(m, "childQuantityList"), where, why, sensors, ext);
            case TRANSACTION_EVENT -> new TransactionEvent(common, action(m), m.string("parentID"),
                    m.strings("epcList"), quantities(m, "quantityList"), where, why, sensors, ext);
            case TRANSFORMATION_EVENT -> new TransformationEvent(common, m.strings("inputEPCList"),
                    quantities(m, "inputQuantityList"), m.strings("outputEPCList"),
                    quantities(m, "outputQuantityList"), m.string("transformationID"), where, why, sensors,
                    ilmd(m), ext);
            case ASSOCIATION_EVENT -> new AssociationEvent(common, action(m), m.string("parentID"),
                    m.strings("childEPCs"), quantities(m, "childQuantityList"), where, why, sensors, ext);
        };
    }

    /** The event type; this binding knows the five types of EPCIS 2.0 and nothing else. */
    static EventType type(Members m) {
        String name = m.string("type");
        if (name == null) {
            throw m.missing("type", "the event type, " + EVENT_TYPES);
        }
        EventType type = EventType.fromStandardName(name);
        if (type != null) {
            return type;
        }
        if (name.indexOf(':') > 0) {
            throw m.error("type", "extension event types are not supported: '" + name + "'", EVENT_TYPES);
        }
        throw m.error("type", "unknown event type '" + name + "'", EVENT_TYPES);
    }

    private static CommonFields common(Members m) {
        return new CommonFields(
                m.requiredTime("eventTime"),
                m.requiredOffset("eventTimeZoneOffset"),
                m.time("recordTime"),
                m.string("eventID"),
                errorDeclaration(m),
                certificationInfo(m));
    }

    private static Action action(Members m) {
        String s = m.string("action");
        if (s == null) {
            throw m.missing("action", "ADD, OBSERVE or DELETE");
        }
        try {
            return Action.parse(s);
        } catch (IllegalArgumentException e) {
            throw m.error("action", "'action' is '" + s + "'", "ADD, OBSERVE or DELETE (upper case)");
        }
    }

    /** The JSON schema allows an array of URIs; the abstract model and the XML binding hold one. */
    private static String certificationInfo(Members m) {
        List<String> all = m.strings("certificationInfo");
        if (all.size() > 1) {
            throw m.error("certificationInfo", "'certificationInfo' holds " + all.size() + " URIs",
                    "one certificationInfo URI (the XML binding has room for one)");
        }
        return all.isEmpty() ? null : all.get(0);
    }

    private static ErrorDeclaration errorDeclaration(Members event) {
        Members m = event.object("errorDeclaration");
        if (m == null) {
            return null;
        }
        return new ErrorDeclaration(m.requiredTime("declarationTime"), m.cbv("reason", ErrorReason::of),
                m.strings("correctiveEventIDs"), m.extensions(EpcisMembers.ERROR_DECLARATION));
    }

    private static List<QuantityElement> quantities(Members m, String key) {
        List<Members> entries = m.objects(key);
        List<QuantityElement> out = new ArrayList<>(entries.size());
        for (Members q : entries) {
            q.onlyMembers(EpcisMembers.QUANTITY_ELEMENT);
            out.add(new QuantityElement(q.requiredString("epcClass"), q.decimal("quantity"), q.string("uom")));
        }
        return out;
    }

    private static Where where(Members m) {
        ReadPoint readPoint = null;
        Members rp = m.object("readPoint");
        if (rp != null) {
            readPoint = new ReadPoint(rp.requiredString("id"), rp.extensions(EpcisMembers.LOCATION));
        }
        BizLocation bizLocation = null;
        Members bl = m.object("bizLocation");
        if (bl != null) {
            bizLocation = new BizLocation(bl.requiredString("id"), bl.extensions(EpcisMembers.LOCATION));
        }
        return new Where(readPoint, bizLocation, sourceDest(m, "sourceList", "source", EpcisMembers.SOURCE),
                sourceDest(m, "destinationList", "destination", EpcisMembers.DESTINATION));
    }

    private static List<SourceDest> sourceDest(Members m, String list, String idKey, Set<String> members) {
        List<Members> entries = m.objects(list);
        List<SourceDest> out = new ArrayList<>(entries.size());
        for (Members e : entries) {
            e.onlyMembers(members);
            out.add(new SourceDest(e.requiredCbv("type", SourceDestType::of), e.requiredString(idKey)));
        }
        return out;
    }

    private static Why why(Members m) {
        PersistentDisposition pd = null;
        Members p = m.object("persistentDisposition");
        if (p != null) {
            p.onlyMembers(EpcisMembers.PERSISTENT_DISPOSITION);
            pd = new PersistentDisposition(p.cbvs("set", Disposition::of), p.cbvs("unset", Disposition::of));
        }
        List<Members> entries = m.objects("bizTransactionList");
        List<BizTransaction> transactions = new ArrayList<>(entries.size());
        for (Members t : entries) {
            t.onlyMembers(EpcisMembers.BIZ_TRANSACTION);
            transactions.add(new BizTransaction(t.cbv("type", BizTransactionType::of), t.requiredString("bizTransaction")));
        }
        return new Why(m.cbv("bizStep", BizStep::of), m.cbv("disposition", Disposition::of), pd, transactions);
    }

    /** Instance/lot master data (§7.3.6): only namespaced members, e.g. {@code cbvmda:lotNumber}. */
    private static Ilmd ilmd(Members m) {
        Members i = m.object("ilmd");
        return i == null ? null : new Ilmd(i.extensions(Set.of()));
    }
}
