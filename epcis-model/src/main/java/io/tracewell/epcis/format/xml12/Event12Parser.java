package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.format.xml.ExtensionReader;
import io.tracewell.epcis.format.xml.XmlInput;
import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one EPCIS 1.2 event element into the EPCIS 2.0 model.
 *
 * <p>Each field is read where the 1.2 layout puts it: eventID and errorDeclaration inside {@code baseExtension};
 * what 1.1 added to the 1.0 event types (quantity lists, sources, destinations, ILMD) inside the event's
 * {@code extension}; the TransformationEvent's own fields directly in it. Fields may come in any order (the meaning
 * does not depend on it), each at most once. A field found in its EPCIS 2.0 place is refused with a message that
 * says where 1.2 expects it, so that a 2.0 document given to the 1.2 reader, or a sender's misplaced field, is
 * named rather than misread. The innermost {@code extension} of each wrapper is reserved by 1.2 for later versions of
 * the standard; anything in it is refused, because the model has no place for it and dropping it would lose data.
 *
 * <p>Values: CBV 1.2 URNs ({@code urn:epcglobal:cbv:bizstep:shipping}, {@code disp}, {@code btt}, {@code sdt},
 * {@code er}) become the model's CBV values; identifiers are kept exactly as written (EPC URNs stay URNs); elements
 * of other namespaces at event level become the event's extensions; ILMD elements keep their namespace (e.g.
 * {@code urn:epcglobal:cbv:mda} for {@code cbvmda:lotNumber}).
 *
 * <p>A QuantityEvent (deprecated since EPCIS 1.1, absent from EPCIS 2.0) becomes an ObjectEvent with action
 * OBSERVE, an empty epcList and one quantity element with its epcClass and quantity (and no unit): the form EPCIS 1.1
 * introduced to replace it. Its other fields carry over unchanged.
 */
final class Event12Parser {
    /** The event elements that stand directly in EventList. */
    static final Set<String> LIST_EVENTS = Set.of("ObjectEvent", "AggregationEvent", "QuantityEvent",
            "TransactionEvent");

    private static final String DATE_TIME_EXPECTED = "an xsd:dateTime with time zone, such as"
            + " 2024-05-01T10:15:30.000-05:00 or 2024-05-01T15:15:30Z";
    private static final List<String> HEAD = List.of("eventTime", "recordTime", "eventTimeZoneOffset",
            "baseExtension");
    private static final List<String> STEP_AND_PLACE = List.of("bizStep", "disposition", "readPoint",
            "bizLocation");
    private static final List<String> BASE_EXTENSION = List.of("eventID", "errorDeclaration", "extension");
    private static final Set<String> ONLY_IN_2_0 = Set.of("sensorElementList", "persistentDisposition",
            "certificationInfo");

    /** The five event types of EPCIS 1.2: their own fields and the fields of their {@code extension} wrapper. */
    private enum Kind {
        OBJECT("ObjectEvent", fields(HEAD, List.of("epcList", "action"), STEP_AND_PLACE,
                List.of("bizTransactionList", "extension")),
                List.of("quantityList", "sourceList", "destinationList", "ilmd", "extension")),
        AGGREGATION("AggregationEvent", fields(HEAD, List.of("parentID", "childEPCs", "action"), STEP_AND_PLACE,
                List.of("bizTransactionList", "extension")),
                List.of("childQuantityList", "sourceList", "destinationList", "extension")),
        QUANTITY("QuantityEvent", fields(HEAD, List.of("epcClass", "quantity"), STEP_AND_PLACE,
                List.of("bizTransactionList", "extension")), null),
        TRANSACTION("TransactionEvent", fields(HEAD, List.of("bizTransactionList", "parentID", "epcList", "action"),
                STEP_AND_PLACE, List.of("extension")),
                List.of("quantityList", "sourceList", "destinationList", "extension")),
        TRANSFORMATION("TransformationEvent", fields(HEAD, List.of("inputEPCList", "inputQuantityList",
                "outputEPCList", "outputQuantityList", "transformationID"), STEP_AND_PLACE,
                List.of("bizTransactionList", "sourceList", "destinationList", "ilmd", "extension")), null);

        final String element;
        final List<String> own;
        /** The fields of the event's {@code extension} element; null where it is a reserved, innermost one. */
        final List<String> additions;

        Kind(String element, List<String> own, List<String> additions) {
            this.element = element;
            this.own = own;
            this.additions = additions;
        }

        static Kind of(String element) {
            for (Kind k : values()) {
                if (k.element.equals(element)) {
                    return k;
                }
            }
            return null;
        }
    }

    private enum Level { EVENT, ADDITIONS, BASE_EXTENSION }

    private final XmlInput in;
    private final Kind kind;
    private final Set<String> seen = new HashSet<>();

    private EpcisTime eventTime;
    private EpcisTime recordTime;
    private TimeZoneOffset offset;
    private String eventID;
    private ErrorDeclaration errorDeclaration;
    private Action action;
    private String parentID;
    private List<String> epcs = List.of();
    private List<String> outputEPCs = List.of();
    private List<QuantityElement> quantities = List.of();
    private List<QuantityElement> outputQuantities = List.of();
    private String transformationID;
    private String epcClass;
    private BigDecimal quantity;
    private BizStep bizStep;
    private Disposition disposition;
    private List<BizTransaction> bizTransactions = List.of();
    private ReadPoint readPoint;
    private BizLocation bizLocation;
    private List<SourceDest> sources = List.of();
    private List<SourceDest> destinations = List.of();
    private Ilmd ilmd;
    private final List<ExtensionElement> extensions = new ArrayList<>();

    private Event12Parser(XmlInput in, Kind kind) {
        this.in = in;
        this.kind = kind;
    }

    /** True when the element at the cursor is an event that stands directly in EventList. */
    static boolean isListEvent(XmlInput in) {
        return in.isUnqualified() && LIST_EVENTS.contains(in.localName());
    }

    /**
     * Reads the event whose start tag is at the cursor (one of the four list events, or a TransformationEvent);
     * the cursor ends on its end tag.
     */
    static EpcisEvent parse(XmlInput in) {
        Kind kind = in.isUnqualified() ? Kind.of(in.localName()) : null;
        if (kind == null) {
            throw in.unexpected("EventList", "ObjectEvent, AggregationEvent, QuantityEvent, TransactionEvent, or a"
                    + " TransformationEvent inside EventList/extension");
        }
        SourceLocation at = in.location();
        in.onlyAttributes(kind.element);
        Event12Parser p = new Event12Parser(in, kind);
        p.children(kind.element, kind.own, Level.EVENT);
        return p.build(at);
    }

    private void children(String context, List<String> allowed, Level level) {
        while (in.nextChild(context)) {
            if (in.isForeign(Epcis12Header.EPCIS_1_NS)) {
                if (level != Level.EVENT) {
                    throw in.unexpected(context, "one of " + String.join(", ", allowed) + " (user extension"
                            + " elements in a namespace of their own stand directly in the " + kind.element
                            + ", after its standard fields)");
                }
                extensions.add(ExtensionReader.element(in));
            } else if (in.isUnqualified() && allowed.contains(in.localName())) {
                field(context, in.localName(), level);
            } else {
                throw in.unexpected(context, "one of " + String.join(", ", allowed)
                        + (level == Level.EVENT ? ", or user extension elements in a namespace of their own" : "")
                        + hint(in.localName(), level));
            }
        }
    }

    /** Why a field the 1.2 layout does not expect here is not here, when that is known. */
    private String hint(String name, Level level) {
        if (Epcis12Header.EPCIS_1_NS.equals(in.namespace())) {
            return "; the fields of an event are unqualified in EPCIS 1.2 (no namespace prefix)";
        }
        if (!in.isUnqualified()) {
            return "";
        }
        if (ONLY_IN_2_0.contains(name)) {
            return "; " + name + " came with EPCIS 2.0 and does not exist in EPCIS 1.2";
        }
        if ((name.equals("eventID") || name.equals("errorDeclaration")) && level != Level.BASE_EXTENSION) {
            return "; in EPCIS 1.2 " + name + " belongs inside baseExtension";
        }
        if (level == Level.EVENT && kind.additions != null && kind.additions.contains(name)) {
            return "; in EPCIS 1.2 " + name + " belongs inside the " + kind.element + "'s extension element";
        }
        if (level != Level.EVENT && kind.own.contains(name)) {
            return "; " + name + " belongs directly in the " + kind.element;
        }
        if (name.equals("action") && kind == Kind.TRANSFORMATION) {
            return "; a TransformationEvent has no action";
        }
        return "";
    }

    private void field(String context, String name, Level level) {
        SourceLocation at = in.location();
        if (!seen.add(context + "/" + name)) {
            throw in.error("duplicate element '" + name + "' in " + context, "at most one " + name + " in "
                    + context);
        }
        String ctx = kind.element;
        switch (name) {
            case "eventTime" -> eventTime = dateTime(at, "eventTime", in.token(ctx));
            case "recordTime" -> recordTime = dateTime(at, "recordTime", in.token(ctx));
            case "eventTimeZoneOffset" -> offset = offset(at, in.token(ctx));
            case "baseExtension" -> {
                in.onlyAttributes(ctx + "/baseExtension");
                children(ctx + "/baseExtension", BASE_EXTENSION, Level.BASE_EXTENSION);
            }
            case "eventID" -> eventID = in.token(ctx);
            case "errorDeclaration" -> errorDeclaration = errorDeclaration();
            case "extension" -> {
                String wrapper = context + "/extension";
                in.onlyAttributes(wrapper);
                if (level == Level.EVENT && kind.additions != null) {
                    children(wrapper, kind.additions, Level.ADDITIONS);
                } else {
                    reserved(wrapper);
                }
            }
            case "action" -> action = action(at, in.token(ctx));
            case "parentID" -> parentID = in.token(ctx);
            case "epcList", "childEPCs", "inputEPCList" -> epcs = epcList(name);
            case "outputEPCList" -> outputEPCs = epcList(name);
            case "quantityList", "childQuantityList", "inputQuantityList" -> quantities = quantityList(name);
            case "outputQuantityList" -> outputQuantities = quantityList(name);
            case "transformationID" -> transformationID = in.token(ctx);
            case "epcClass" -> epcClass = in.token(ctx);
            case "quantity" -> quantity = count(at, in.token(ctx));
            case "bizStep" -> bizStep = cbv(at, "bizStep", in.token(ctx), BizStep::of);
            case "disposition" -> disposition = cbv(at, "disposition", in.token(ctx), Disposition::of);
            case "readPoint" -> {
                List<ExtensionElement> more = new ArrayList<>();
                readPoint = new ReadPoint(place("readPoint", more), more);
            }
            case "bizLocation" -> {
                List<ExtensionElement> more = new ArrayList<>();
                bizLocation = new BizLocation(place("bizLocation", more), more);
            }
            case "bizTransactionList" -> bizTransactions = bizTransactionList();
            case "sourceList" -> sources = sourceOrDestinationList("sourceList", "source");
            case "destinationList" -> destinations = sourceOrDestinationList("destinationList", "destination");
            case "ilmd" -> ilmd = ilmd();
            default -> throw new IllegalStateException("field list and dispatch disagree on " + name);
        }
    }

    /** The innermost {@code extension}: reserved for later versions of the standard. */
    private void reserved(String context) {
        if (in.nextChild(context)) {
            throw in.unexpected(context, "nothing: EPCIS 1.2 reserves " + context + " for later versions of the"
                    + " standard, and the EPCIS 2.0 model has no place for its content (user extensions belong in a"
                    + " namespace of their own, directly in the " + kind.element + ")");
        }
    }

    private List<String> epcList(String list) {
        in.onlyAttributes(list);
        List<String> ids = new ArrayList<>();
        while (in.nextChild(list)) {
            if (!in.is("epc")) {
                throw in.unexpected(list, "epc");
            }
            ids.add(in.token(list));
        }
        return ids;
    }

    private List<QuantityElement> quantityList(String list) {
        in.onlyAttributes(list);
        List<QuantityElement> result = new ArrayList<>();
        while (in.nextChild(list)) {
            if (!in.is("quantityElement")) {
                throw in.unexpected(list, "quantityElement");
            }
            result.add(quantityElement());
        }
        return result;
    }

    private QuantityElement quantityElement() {
        SourceLocation at = in.location();
        String ctx = "quantityElement";
        in.onlyAttributes(ctx);
        String cls = null;
        BigDecimal amount = null;
        String uom = null;
        while (in.nextChild(ctx)) {
            String name = in.isUnqualified() ? in.localName() : "";
            switch (name) {
                case "epcClass" -> cls = in.token(ctx);
                case "quantity" -> amount = decimal(in.location(), in.token(ctx));
                case "uom" -> uom = in.token(ctx);
                default -> throw in.unexpected(ctx, "epcClass, quantity, uom");
            }
        }
        if (cls == null) {
            throw new EpcisFormatException(at, "quantityElement has no epcClass",
                    "epcClass, then optionally quantity and uom");
        }
        if (uom != null && amount == null) {
            throw new EpcisFormatException(at, "quantityElement has the unit '" + uom + "' but no quantity",
                    "a uom only after a quantity");
        }
        return new QuantityElement(cls, amount, uom);
    }

    private List<BizTransaction> bizTransactionList() {
        in.onlyAttributes("bizTransactionList");
        List<BizTransaction> list = new ArrayList<>();
        while (in.nextChild("bizTransactionList")) {
            if (!in.is("bizTransaction")) {
                throw in.unexpected("bizTransactionList", "bizTransaction");
            }
            in.onlyAttributes("bizTransaction", "type");
            SourceLocation at = in.location();
            BizTransactionType type = cbv(at, "bizTransaction type", in.tokenAttribute("type"), BizTransactionType::of);
            list.add(new BizTransaction(type, in.token("bizTransactionList")));
        }
        return list;
    }

    private List<SourceDest> sourceOrDestinationList(String list, String item) {
        in.onlyAttributes(list);
        List<SourceDest> result = new ArrayList<>();
        while (in.nextChild(list)) {
            if (!in.is(item)) {
                throw in.unexpected(list, item);
            }
            in.onlyAttributes(item, "type");
            SourceLocation at = in.location();
            String type = in.tokenAttribute("type");
            if (type == null) {
                throw in.error(item + " has no type attribute",
                        "a type such as urn:epcglobal:cbv:sdt:owning_party or urn:epcglobal:cbv:sdt:location");
            }
            SourceDestType sdt = cbv(at, item + " type", type, SourceDestType::of);
            result.add(new SourceDest(sdt, in.token(list)));
        }
        return result;
    }

    /** readPoint and bizLocation: {@code id}, an optional {@code extension}, then user extensions. */
    private String place(String context, List<ExtensionElement> more) {
        in.onlyAttributes(context);
        SourceLocation at = in.location();
        String id = null;
        while (in.nextChild(context)) {
            if (in.is("id") && id == null) {
                id = in.token(context);
            } else if (in.is("extension")) {
                Header12Parser.localExtensions(in, context + "/extension", more);
            } else if (in.isForeign(Epcis12Header.EPCIS_1_NS)) {
                more.add(ExtensionReader.element(in));
            } else {
                throw in.unexpected(context, "id, extension, or user extension elements in a namespace of their own");
            }
        }
        if (id == null) {
            throw new EpcisFormatException(at, context + " has no id",
                    "id, e.g. an SGLN such as urn:epc:id:sgln:0614141.00000.0");
        }
        return id;
    }

    private Ilmd ilmd() {
        in.onlyAttributes("ilmd");
        List<ExtensionElement> elements = new ArrayList<>();
        while (in.nextChild("ilmd")) {
            if (in.is("extension")) {
                Header12Parser.localExtensions(in, "ilmd/extension", elements);
            } else if (in.isForeign(Epcis12Header.EPCIS_1_NS)) {
                elements.add(ExtensionReader.element(in));
            } else {
                throw in.unexpected("ilmd", "elements in a namespace of their own, such as cbvmda:lotNumber");
            }
        }
        return new Ilmd(elements);
    }

    private ErrorDeclaration errorDeclaration() {
        String ctx = "errorDeclaration";
        SourceLocation at = in.location();
        in.onlyAttributes(ctx);
        EpcisTime declarationTime = null;
        ErrorReason reason = null;
        List<String> corrective = new ArrayList<>();
        List<ExtensionElement> more = new ArrayList<>();
        while (in.nextChild(ctx)) {
            String name = in.isUnqualified() ? in.localName() : "";
            SourceLocation here = in.location();
            switch (name) {
                case "declarationTime" -> declarationTime = dateTime(here, "declarationTime", in.token(ctx));
                case "reason" -> reason = cbv(here, "reason", in.token(ctx), ErrorReason::of);
                case "correctiveEventIDs" -> {
                    while (in.nextChild("correctiveEventIDs")) {
                        if (!in.is("correctiveEventID")) {
                            throw in.unexpected("correctiveEventIDs", "correctiveEventID");
                        }
                        corrective.add(in.token("correctiveEventIDs"));
                    }
                }
                case "extension" -> Header12Parser.localExtensions(in, "errorDeclaration/extension", more);
                default -> {
                    if (!in.isForeign(Epcis12Header.EPCIS_1_NS)) {
                        throw in.unexpected(ctx, "declarationTime, reason, correctiveEventIDs, extension, or user"
                                + " extension elements in a namespace of their own");
                    }
                    more.add(ExtensionReader.element(in));
                }
            }
        }
        if (declarationTime == null) {
            throw new EpcisFormatException(at, "errorDeclaration has no declarationTime",
                    "declarationTime, when the event was declared erroneous");
        }
        return new ErrorDeclaration(declarationTime, reason, corrective, more);
    }

    private EpcisEvent build(SourceLocation at) {
        String name = kind.element;
        if (eventTime == null) {
            throw new EpcisFormatException(at, name + " has no eventTime", "eventTime, when the event took place");
        }
        if (offset == null) {
            throw new EpcisFormatException(at, name + " has no eventTimeZoneOffset",
                    "eventTimeZoneOffset, such as -05:00");
        }
        if (action == null && (kind == Kind.OBJECT || kind == Kind.AGGREGATION || kind == Kind.TRANSACTION)) {
            throw new EpcisFormatException(at, name + " has no action", "action ADD, OBSERVE or DELETE");
        }
        CommonFields common = new CommonFields(eventTime, offset, recordTime, eventID, errorDeclaration, null);
        Where where = new Where(readPoint, bizLocation, sources, destinations);
        Why why = new Why(bizStep, disposition, null, bizTransactions);
        return switch (kind) {
            case OBJECT -> new ObjectEvent(common, action, epcs, quantities, where, why, List.of(), ilmd,
                    extensions);
            case AGGREGATION -> new AggregationEvent(common, action, parentID, epcs, quantities, where, why,
                    List.of(), extensions);
            case TRANSACTION -> new TransactionEvent(common, action, parentID, epcs, quantities, where, why,
                    List.of(), extensions);
            case TRANSFORMATION -> new TransformationEvent(common, epcs, quantities, outputEPCs, outputQuantities,
                    transformationID, where, why, List.of(), ilmd, extensions);
            case QUANTITY -> quantityEvent(at, common, where, why);
        };
    }

    /** The replacement EPCIS 1.1 introduced for the deprecated QuantityEvent: an ObjectEvent with a quantity. */
    private ObjectEvent quantityEvent(SourceLocation at, CommonFields common, Where where, Why why) {
        if (epcClass == null) {
            throw new EpcisFormatException(at, "QuantityEvent has no epcClass", "epcClass, the class of objects");
        }
        if (quantity == null) {
            throw new EpcisFormatException(at, "QuantityEvent has no quantity", "quantity, a whole number");
        }
        return new ObjectEvent(common, Action.OBSERVE, List.of(), List.of(new QuantityElement(epcClass, quantity,
                null)), where, why, List.of(), null, extensions);
    }

    // ---- values ---------------------------------------------------------------------------------------------

    private Action action(SourceLocation at, String text) {
        try {
            return Action.parse(text);
        } catch (IllegalArgumentException e) {
            throw new EpcisFormatException(at, "action '" + text + "' in " + kind.element, "ADD, OBSERVE or DELETE",
                    e);
        }
    }

    private static EpcisTime dateTime(SourceLocation at, String field, String text) {
        try {
            return EpcisTime.parse(text);
        } catch (IllegalArgumentException e) {
            throw new EpcisFormatException(at, field + " '" + text + "' is not a valid date-time",
                    DATE_TIME_EXPECTED, e);
        }
    }

    private static TimeZoneOffset offset(SourceLocation at, String text) {
        try {
            return TimeZoneOffset.parse(text);
        } catch (IllegalArgumentException e) {
            throw new EpcisFormatException(at, "eventTimeZoneOffset '" + text + "' is not a valid time zone offset",
                    "+HH:MM or -HH:MM between -14:00 and +14:00", e);
        }
    }

    private static BigDecimal decimal(SourceLocation at, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new EpcisFormatException(at, "quantity '" + text + "' is not a number",
                    "a decimal number such as 200 or 3.5", e);
        }
    }

    private static BigDecimal count(SourceLocation at, String text) {
        try {
            return new BigDecimal(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
        } catch (NumberFormatException e) {
            throw new EpcisFormatException(at, "QuantityEvent quantity '" + text + "' is not a whole number",
                    "a whole number such as 12 (xsd:int)", e);
        }
    }

    /** A CBV value from its 1.2 spelling (a CBV URN, or any other URI, kept as given). */
    static <T> T cbv(SourceLocation at, String field, String text, Function<String, T> parse) {
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new EpcisFormatException(at, field + ": " + e.getMessage(),
                    "a CBV 1.2 URN such as urn:epcglobal:cbv:bizstep:shipping, or another absolute URI", e);
        }
    }

    private static List<String> fields(List<String> head, List<String> what, List<String> stepAndPlace,
                                       List<String> rest) {
        List<String> all = new ArrayList<>(head);
        all.addAll(what);
        all.addAll(stepAndPlace);
        all.addAll(rest);
        return List.copyOf(all);
    }
}
