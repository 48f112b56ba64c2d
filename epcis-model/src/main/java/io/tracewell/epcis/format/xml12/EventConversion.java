package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.PersistentDisposition;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * Turns an event of the EPCIS 2.0 model into the same event with everything in its EPCIS 1.2 form, or refuses it,
 * before any of it is written: identifiers become EPC URNs ({@link UrnIdentifiers}), ILMD elements in the CBV
 * master data namespace get its XML spelling {@code urn:epcglobal:cbv:mda}, and what EPCIS 1.2 has no place for is
 * refused with the event and the field named (an AssociationEvent, sensor data, a persistent disposition,
 * certification information, an unqualified event extension, a unit without a quantity).
 *
 * <p>The result is again a model event, so that {@link Event12Writer} only arranges elements.
 */
final class EventConversion {
    /** The CBV master data namespace as the CBV's XML binding writes it (prefix {@code cbvmda}). */
    static final String CBVMDA_NS = "urn:epcglobal:cbv:mda";
    static final String CBVMDA_PREFIX = "cbvmda";
    /** The same namespace as the JSON-LD context spells it, which a document may also have used in XML. */
    private static final String CBVMDA_NS_WITH_COLON = "urn:epcglobal:cbv:mda:";

    private final UrnIdentifiers ids;

    EventConversion(UrnIdentifiers ids) {
        this.ids = ids;
    }

    /**
     * How an event is named in messages: its type, its position among the events given to the writer (from 1), and
     * its eventID or, without one, its eventTime.
     */
    static String subject(EpcisEvent event, int position) {
        String id = event.eventID() != null ? "eventID " + event.eventID() : "eventTime " + event.eventTime();
        return event.type().standardName() + " #" + position + " (" + id + ")";
    }

    /** @throws Epcis12ConversionException when EPCIS 1.2 cannot carry the event as it is */
    EpcisEvent convert(EpcisEvent event, String subject) {
        if (event instanceof AssociationEvent) {
            throw new Epcis12ConversionException(subject, "type", "AssociationEvent does not exist in EPCIS 1.2"
                    + " (it came with EPCIS 2.0), so the event cannot be sent to a 1.2 partner");
        }
        refuseWhat12Lacks(event, subject);
        if (event instanceof ObjectEvent o) {
            return new ObjectEvent(o.common(), o.action(), ids.urns(o.epcList(), subject, "epcList"),
                    quantities(o.quantityList(), subject, "quantityList"), where(o.where(), subject),
                    why(o.why(), subject), List.of(), ilmd(o.ilmd()), o.extensions());
        }
        if (event instanceof AggregationEvent a) {
            return new AggregationEvent(a.common(), a.action(), ids.urn(a.parentID(), subject, "parentID"),
                    ids.urns(a.childEPCs(), subject, "childEPCs"),
                    quantities(a.childQuantityList(), subject, "childQuantityList"), where(a.where(), subject),
                    why(a.why(), subject), List.of(), a.extensions());
        }
        if (event instanceof TransactionEvent t) {
            if (t.why().bizTransactionList().isEmpty()) {
                throw new Epcis12ConversionException(subject, "bizTransactionList", "is empty; EPCIS 1.2 requires"
                        + " at least one business transaction in a TransactionEvent");
            }
            return new TransactionEvent(t.common(), t.action(), ids.urn(t.parentID(), subject, "parentID"),
                    ids.urns(t.epcList(), subject, "epcList"), quantities(t.quantityList(), subject, "quantityList"),
                    where(t.where(), subject), why(t.why(), subject), List.of(), t.extensions());
        }
        TransformationEvent x = (TransformationEvent) event;
        return new TransformationEvent(x.common(), ids.urns(x.inputEPCList(), subject, "inputEPCList"),
                quantities(x.inputQuantityList(), subject, "inputQuantityList"),
                ids.urns(x.outputEPCList(), subject, "outputEPCList"),
                quantities(x.outputQuantityList(), subject, "outputQuantityList"),
                ids.urn(x.transformationID(), subject, "transformationID"), where(x.where(), subject),
                why(x.why(), subject), List.of(), ilmd(x.ilmd()), x.extensions());
    }

    private static void refuseWhat12Lacks(EpcisEvent event, String subject) {
        if (!event.sensorElementList().isEmpty()) {
            throw new Epcis12ConversionException(subject, "sensorElementList", "holds "
                    + event.sensorElementList().size() + " sensor element(s); EPCIS 1.2 has no sensor data (it came"
                    + " with EPCIS 2.0)");
        }
        PersistentDisposition pd = event.why().persistentDisposition();
        if (pd != null && (!pd.set().isEmpty() || !pd.unset().isEmpty())) {
            throw new Epcis12ConversionException(subject, "persistentDisposition", "is set; EPCIS 1.2 has no"
                    + " persistent disposition (it came with EPCIS 2.0)");
        }
        if (event.certificationInfo() != null) {
            throw new Epcis12ConversionException(subject, "certificationInfo", "is set ('"
                    + event.certificationInfo() + "'); EPCIS 1.2 has no certification information (it came with"
                    + " EPCIS 2.0)");
        }
        for (ExtensionElement e : event.extensions()) {
            String ns = e.name().getNamespaceURI();
            if (ns.isEmpty() || ns.equals(Epcis12Header.EPCIS_1_NS)) {
                throw new Epcis12ConversionException(subject, "extension '" + e.name() + "'", "needs a namespace"
                        + " of its own: EPCIS 1.2 admits only user extensions of other namespaces in an event");
            }
        }
    }

    private List<QuantityElement> quantities(List<QuantityElement> list, String subject, String field) {
        List<QuantityElement> result = new ArrayList<>(list.size());
        for (QuantityElement q : list) {
            if (q.quantity() == null && q.uom() != null) {
                throw new Epcis12ConversionException(subject, field, "has the unit '" + q.uom() + "' for "
                        + q.epcClass() + " without a quantity; EPCIS 1.2 writes a unit only after a quantity");
            }
            result.add(new QuantityElement(ids.urn(q.epcClass(), subject, field), q.quantity(), q.uom()));
        }
        return result;
    }

    private Where where(Where w, String subject) {
        ReadPoint readPoint = w.readPoint() == null ? null
                : new ReadPoint(ids.urn(w.readPoint().id(), subject, "readPoint"), w.readPoint().extensions());
        BizLocation bizLocation = w.bizLocation() == null ? null
                : new BizLocation(ids.urn(w.bizLocation().id(), subject, "bizLocation"),
                        w.bizLocation().extensions());
        return new Where(readPoint, bizLocation, sourcesOrDestinations(w.sourceList(), subject, "sourceList"),
                sourcesOrDestinations(w.destinationList(), subject, "destinationList"));
    }

    private List<SourceDest> sourcesOrDestinations(List<SourceDest> list, String subject, String field) {
        List<SourceDest> result = new ArrayList<>(list.size());
        for (SourceDest s : list) {
            result.add(new SourceDest(s.type(), ids.urn(s.id(), subject, field)));
        }
        return result;
    }

    private Why why(Why w, String subject) {
        List<BizTransaction> transactions = new ArrayList<>(w.bizTransactionList().size());
        for (BizTransaction t : w.bizTransactionList()) {
            transactions.add(new BizTransaction(t.type(), ids.urn(t.bizTransaction(), subject, "bizTransactionList")));
        }
        return new Why(w.bizStep(), w.disposition(), null, transactions);
    }

    private static Ilmd ilmd(Ilmd ilmd) {
        return ilmd == null ? null : new Ilmd(cbvMasterDataSpelling(ilmd.elements()));
    }

    /** Elements in the CBV master data namespace, at any depth, in its XML spelling and with its usual prefix. */
    static List<ExtensionElement> cbvMasterDataSpelling(List<ExtensionElement> elements) {
        List<ExtensionElement> result = new ArrayList<>(elements.size());
        for (ExtensionElement e : elements) {
            QName name = e.name();
            String ns = name.getNamespaceURI();
            if (ns.equals(CBVMDA_NS) || ns.equals(CBVMDA_NS_WITH_COLON)) {
                name = new QName(CBVMDA_NS, name.getLocalPart(), CBVMDA_PREFIX);
            }
            ExtensionElement.ExtensionValue value = e.value();
            if (value instanceof ExtensionElement.Complex complex) {
                value = new ExtensionElement.Complex(cbvMasterDataSpelling(complex.children()));
            }
            result.add(new ExtensionElement(name, e.attributes(), value));
        }
        return result;
    }
}
