package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.CbvValue;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.PersistentDisposition;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * Writes one event element in the order of the ratified EPCIS 2.0 schema ({@link EventFields}), with user
 * extensions last, directly in the event (the EPCIS 1.x {@code <extension>} wrapper is not written).
 */
final class EventWriter {
    private static final QName XSI_NIL = new QName(XmlNames.XSI_NS, "nil", "xsi");

    private final XmlOutput out;
    private final CbvXmlForm cbvForm;

    EventWriter(XmlOutput out, CbvXmlForm cbvForm) {
        this.out = out;
        this.cbvForm = cbvForm;
    }

    void write(EpcisEvent event) {
        String name = event.type().standardName();
        out.start(name);
        for (String field : EventFields.of(event.type())) {
            field(event, field);
        }
        ExtensionWriter.namespacedOnly(out, event.extensions(), name);
        out.end();
    }

    private void field(EpcisEvent e, String field) {
        CommonFields c = e.common();
        switch (field) {
            case "eventTime" -> out.simple(field, c.eventTime().toString());
            case "recordTime" -> out.simple(field, c.recordTime() == null ? null : c.recordTime().toString());
            case "eventTimeZoneOffset" -> out.simple(field, c.eventTimeZoneOffset().toString());
            case "eventID" -> out.simple(field, c.eventID());
            case "errorDeclaration" -> errorDeclaration(c.errorDeclaration());
            case "certificationInfo" -> out.simple(field, c.certificationInfo());
            case "action" -> out.simple(field, action(e));
            case "parentID" -> out.simple(field, parentID(e));
            case "epcList", "childEPCs", "inputEPCList" -> idList(field, "epc", epcs(e));
            case "outputEPCList" -> idList(field, "epc", ((TransformationEvent) e).outputEPCList());
            case "quantityList", "childQuantityList", "inputQuantityList" -> quantityList(field, quantities(e));
            case "outputQuantityList" -> quantityList(field, ((TransformationEvent) e).outputQuantityList());
            case "transformationID" -> out.simple(field, ((TransformationEvent) e).transformationID());
            case "bizStep" -> out.simple(field, xml(e.why().bizStep()));
            case "disposition" -> out.simple(field, xml(e.why().disposition()));
            case "readPoint" -> {
                if (e.readPoint() != null) {
                    idWithExtensions(field, e.readPoint().id(), e.readPoint().extensions());
                }
            }
            case "bizLocation" -> {
                if (e.bizLocation() != null) {
                    idWithExtensions(field, e.bizLocation().id(), e.bizLocation().extensions());
                }
            }
            case "bizTransactionList" -> bizTransactionList(e.why().bizTransactionList());
            case "sourceList" -> sourceDestList(field, "source", e.where().sourceList());
            case "destinationList" -> sourceDestList(field, "destination", e.where().destinationList());
            case "sensorElementList" -> SensorWriter.sensorElementList(out, e.sensorElementList(), cbvForm);
            case "persistentDisposition" -> persistentDisposition(e.why().persistentDisposition());
            case "ilmd" -> ilmd(ilmdOf(e));
            case "baseExtension", "extension" -> {
                // 1.x wrappers: the writer puts extensions directly in the event
            }
            default -> throw new IllegalStateException("no writer for " + field);
        }
    }

    private void errorDeclaration(ErrorDeclaration d) {
        if (d == null) {
            return;
        }
        out.start("errorDeclaration");
        out.simple("declarationTime", d.declarationTime().toString());
        out.simple("reason", xml(d.reason()));
        idList("correctiveEventIDs", "correctiveEventID", d.correctiveEventIDs());
        ExtensionWriter.withLocalWrapper(out, d.extensions());
        out.end();
    }

    private void idList(String list, String item, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        out.start(list);
        for (String id : ids) {
            out.simple(item, id);
        }
        out.end();
    }

    private void quantityList(String list, List<QuantityElement> quantities) {
        if (quantities.isEmpty()) {
            return;
        }
        out.start(list);
        for (QuantityElement q : quantities) {
            out.start("quantityElement");
            out.simple("epcClass", q.epcClass());
            if (q.quantity() != null) {
                out.simple("quantity", q.quantity().toString());
            } else if (q.uom() != null) {
                // The schema needs a quantity before a uom; nil keeps the document valid and reads back as absent.
                out.start("quantity");
                out.attribute(XSI_NIL, "true");
                out.end();
            }
            out.simple("uom", q.uom());
            out.end();
        }
        out.end();
    }

    private void idWithExtensions(String element, String id, List<ExtensionElement> extensions) {
        out.start(element);
        out.simple("id", id);
        ExtensionWriter.withLocalWrapper(out, extensions);
        out.end();
    }

    private void bizTransactionList(List<BizTransaction> list) {
        if (list.isEmpty()) {
            return;
        }
        out.start("bizTransactionList");
        for (BizTransaction t : list) {
            out.start("bizTransaction");
            out.attribute("type", xml(t.type()));
            out.text(t.bizTransaction());
            out.end();
        }
        out.end();
    }

    private void sourceDestList(String list, String item, List<SourceDest> entries) {
        if (entries.isEmpty()) {
            return;
        }
        out.start(list);
        for (SourceDest s : entries) {
            out.start(item);
            out.attribute("type", xml(s.type()));
            out.text(s.id());
            out.end();
        }
        out.end();
    }

    /** A CBV value in the XML spelling chosen for this writer ({@link CbvXmlForm}), else the URI as given. */
    private String xml(CbvValue value) {
        return cbvForm.spell(value);
    }

    private void persistentDisposition(PersistentDisposition p) {
        if (p == null) {
            return;
        }
        out.start("persistentDisposition");
        for (Disposition unset : p.unset()) {
            out.simple("unset", xml(unset));
        }
        for (Disposition set : p.set()) {
            out.simple("set", xml(set));
        }
        out.end();
    }

    private void ilmd(Ilmd ilmd) {
        if (ilmd == null) {
            return;
        }
        out.start("ilmd");
        ExtensionWriter.withLocalWrapper(out, ilmd.elements());
        out.end();
    }

    private static String action(EpcisEvent e) {
        if (e instanceof ObjectEvent o) {
            return o.action().name();
        } else if (e instanceof AggregationEvent a) {
            return a.action().name();
        } else if (e instanceof TransactionEvent t) {
            return t.action().name();
        } else if (e instanceof AssociationEvent a) {
            return a.action().name();
        }
        return null;
    }

    private static String parentID(EpcisEvent e) {
        if (e instanceof AggregationEvent a) {
            return a.parentID();
        } else if (e instanceof TransactionEvent t) {
            return t.parentID();
        } else if (e instanceof AssociationEvent a) {
            return a.parentID();
        }
        return null;
    }

    /** epcList, childEPCs or inputEPCList, whichever the event type has. */
    private static List<String> epcs(EpcisEvent e) {
        if (e instanceof ObjectEvent o) {
            return o.epcList();
        } else if (e instanceof AggregationEvent a) {
            return a.childEPCs();
        } else if (e instanceof TransactionEvent t) {
            return t.epcList();
        } else if (e instanceof AssociationEvent a) {
            return a.childEPCs();
        }
        return ((TransformationEvent) e).inputEPCList();
    }

    /** quantityList, childQuantityList or inputQuantityList, whichever the event type has. */
    private static List<QuantityElement> quantities(EpcisEvent e) {
        if (e instanceof ObjectEvent o) {
            return o.quantityList();
        } else if (e instanceof AggregationEvent a) {
            return a.childQuantityList();
        } else if (e instanceof TransactionEvent t) {
            return t.quantityList();
        } else if (e instanceof AssociationEvent a) {
            return a.childQuantityList();
        }
        return ((TransformationEvent) e).inputQuantityList();
    }

    private static Ilmd ilmdOf(EpcisEvent e) {
        if (e instanceof ObjectEvent o) {
            return o.ilmd();
        } else if (e instanceof TransformationEvent t) {
            return t.ilmd();
        }
        return null;
    }
}
