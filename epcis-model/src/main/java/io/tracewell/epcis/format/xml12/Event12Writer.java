package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.cbv.CbvUrnValue;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Where;
import java.util.List;

/**
 * Writes one event, already converted by {@link EventConversion}, in the EPCIS 1.2 layout: eventID and
 * errorDeclaration inside {@code baseExtension}; the fields 1.1 added to the 1.0 event types (quantity lists,
 * sources, destinations, ILMD) inside the event's {@code extension}; the TransformationEvent inside an
 * {@code extension} element of the event list; the epcList of Object and Transaction events and the childEPCs of an
 * AggregationEvent always present, empty when the event has none; user extensions last. CBV values are written as
 * their URNs ({@code urn:epcglobal:cbv:bizstep:shipping}); a value that is no CBV term is written as given.
 */
final class Event12Writer {
    private final Xml12Output out;

    Event12Writer(Xml12Output out) {
        this.out = out;
    }

    void write(EpcisEvent event) {
        if (event instanceof ObjectEvent o) {
            objectEvent(o);
        } else if (event instanceof AggregationEvent a) {
            aggregationEvent(a);
        } else if (event instanceof TransactionEvent t) {
            transactionEvent(t);
        } else if (event instanceof TransformationEvent x) {
            out.start("extension");
            transformationEvent(x);
            out.end();
        } else {
            throw new IllegalStateException("not an EPCIS 1.2 event: " + event.type());
        }
    }

    private void objectEvent(ObjectEvent o) {
        out.start("ObjectEvent");
        head(o.common());
        epcList("epcList", o.epcList(), true);
        out.simple("action", o.action().name());
        stepAndPlace(o);
        bizTransactionList(o.why().bizTransactionList());
        if (!o.quantityList().isEmpty() || hasSourcesOrDestinations(o.where()) || o.ilmd() != null) {
            out.start("extension");
            quantityList("quantityList", o.quantityList());
            sourcesAndDestinations(o.where());
            ilmd(o.ilmd());
            out.end();
        }
        Extensions12.namespaced(out, o.extensions());
        out.end();
    }

    private void aggregationEvent(AggregationEvent a) {
        out.start("AggregationEvent");
        head(a.common());
        out.simple("parentID", a.parentID());
        epcList("childEPCs", a.childEPCs(), true);
        out.simple("action", a.action().name());
        stepAndPlace(a);
        bizTransactionList(a.why().bizTransactionList());
        if (!a.childQuantityList().isEmpty() || hasSourcesOrDestinations(a.where())) {
            out.start("extension");
            quantityList("childQuantityList", a.childQuantityList());
            sourcesAndDestinations(a.where());
            out.end();
        }
        Extensions12.namespaced(out, a.extensions());
        out.end();
    }

    private void transactionEvent(TransactionEvent t) {
        out.start("TransactionEvent");
        head(t.common());
        bizTransactionList(t.why().bizTransactionList());
        out.simple("parentID", t.parentID());
        epcList("epcList", t.epcList(), true);
        out.simple("action", t.action().name());
        stepAndPlace(t);
        if (!t.quantityList().isEmpty() || hasSourcesOrDestinations(t.where())) {
            out.start("extension");
            quantityList("quantityList", t.quantityList());
            sourcesAndDestinations(t.where());
            out.end();
        }
        Extensions12.namespaced(out, t.extensions());
        out.end();
    }

    /** New in 1.1 as a whole, so its own fields need no extension wrapper. */
    private void transformationEvent(TransformationEvent x) {
        out.start("TransformationEvent");
        head(x.common());
        epcList("inputEPCList", x.inputEPCList(), false);
        quantityList("inputQuantityList", x.inputQuantityList());
        epcList("outputEPCList", x.outputEPCList(), false);
        quantityList("outputQuantityList", x.outputQuantityList());
        out.simple("transformationID", x.transformationID());
        stepAndPlace(x);
        bizTransactionList(x.why().bizTransactionList());
        sourcesAndDestinations(x.where());
        ilmd(x.ilmd());
        Extensions12.namespaced(out, x.extensions());
        out.end();
    }

    private void head(CommonFields c) {
        out.simple("eventTime", c.eventTime().toString());
        out.simple("recordTime", c.recordTime() == null ? null : c.recordTime().toString());
        out.simple("eventTimeZoneOffset", c.eventTimeZoneOffset().toString());
        if (c.eventID() != null || c.errorDeclaration() != null) {
            out.start("baseExtension");
            out.simple("eventID", c.eventID());
            errorDeclaration(c.errorDeclaration());
            out.end();
        }
    }

    private void errorDeclaration(ErrorDeclaration d) {
        if (d == null) {
            return;
        }
        out.start("errorDeclaration");
        out.simple("declarationTime", d.declarationTime().toString());
        out.simple("reason", urn(d.reason()));
        if (!d.correctiveEventIDs().isEmpty()) {
            out.start("correctiveEventIDs");
            for (String id : d.correctiveEventIDs()) {
                out.simple("correctiveEventID", id);
            }
            out.end();
        }
        Extensions12.withLocalWrapper(out, d.extensions());
        out.end();
    }

    private void stepAndPlace(EpcisEvent e) {
        out.simple("bizStep", urn(e.bizStep()));
        out.simple("disposition", urn(e.disposition()));
        if (e.readPoint() != null) {
            place("readPoint", e.readPoint().id(), e.readPoint().extensions());
        }
        if (e.bizLocation() != null) {
            place("bizLocation", e.bizLocation().id(), e.bizLocation().extensions());
        }
    }

    private void place(String element, String id, List<ExtensionElement> extensions) {
        out.start(element);
        out.simple("id", id);
        Extensions12.withLocalWrapper(out, extensions);
        out.end();
    }

    /** An EPC list; an empty one only where the 1.2 schema requires the element. */
    private void epcList(String element, List<String> epcs, boolean required) {
        if (epcs.isEmpty() && !required) {
            return;
        }
        out.start(element);
        for (String epc : epcs) {
            out.simple("epc", epc);
        }
        out.end();
    }

    /** Quantities are xsd:decimal in 1.2, so never in exponent notation. */
    private void quantityList(String element, List<QuantityElement> quantities) {
        if (quantities.isEmpty()) {
            return;
        }
        out.start(element);
        for (QuantityElement q : quantities) {
            out.start("quantityElement");
            out.simple("epcClass", q.epcClass());
            if (q.quantity() != null) {
                out.simple("quantity", q.quantity().toPlainString());
                out.simple("uom", q.uom());
            }
            out.end();
        }
        out.end();
    }

    private void bizTransactionList(List<BizTransaction> transactions) {
        if (transactions.isEmpty()) {
            return;
        }
        out.start("bizTransactionList");
        for (BizTransaction t : transactions) {
            out.start("bizTransaction");
            out.attribute("type", urn(t.type()));
            out.text(t.bizTransaction());
            out.end();
        }
        out.end();
    }

    private static boolean hasSourcesOrDestinations(Where w) {
        return !w.sourceList().isEmpty() || !w.destinationList().isEmpty();
    }

    private void sourcesAndDestinations(Where w) {
        sourceOrDestinationList("sourceList", "source", w.sourceList());
        sourceOrDestinationList("destinationList", "destination", w.destinationList());
    }

    private void sourceOrDestinationList(String list, String item, List<SourceDest> entries) {
        if (entries.isEmpty()) {
            return;
        }
        out.start(list);
        for (SourceDest s : entries) {
            out.start(item);
            out.attribute("type", urn(s.type()));
            out.text(s.id());
            out.end();
        }
        out.end();
    }

    private void ilmd(Ilmd ilmd) {
        if (ilmd == null) {
            return;
        }
        out.start("ilmd");
        Extensions12.withLocalWrapper(out, ilmd.elements());
        out.end();
    }

    /** The CBV 1.2 spelling of a standard term; any other URI as given. */
    private static String urn(CbvUrnValue value) {
        return value == null ? null : value.toUrn();
    }
}
