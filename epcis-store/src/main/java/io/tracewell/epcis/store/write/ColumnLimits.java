package io.tracewell.epcis.store.write;

import io.tracewell.epcis.cbv.CbvValue;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.PersistentDisposition;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorMetadata;
import io.tracewell.epcis.model.SensorReport;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import java.util.List;

/**
 * Checks the lengths of the values that go into fixed-width columns of V1__events.sql, so that an over-long
 * value is reported with its place in the batch rather than as the database's "Data too long for column"
 * for a row of a multi-row INSERT. Free text that is only indexed (extension values) is truncated instead.
 */
final class ColumnLimits {

    static final int URI = 512;
    static final int WRITTEN_ID = 2048;
    static final int TEXT = 1024;
    static final int UOM = 16;
    static final int NAME = 255;
    static final int CERTIFICATION_INFO = 2048;
    /** Canonical forms of GS1 keys and patterns stay far below {@link #URI}; only long other URIs can pass it. */
    private static final int CANONICAL_CHECK_FROM = 256;

    private ColumnLimits() {}

    static void check(int index, EpcisEvent event) {
        String at = "events[" + index + "]";
        max(at + ".eventID", event.eventID(), URI);
        max(at + ".certificationInfo", event.certificationInfo(), CERTIFICATION_INFO);
        cbv(at + ".bizStep", event.bizStep());
        cbv(at + ".disposition", event.disposition());
        if (event.readPoint() != null) {
            identifier(at + ".readPoint.id", event.readPoint().id(), URI);
            extensions(at + ".readPoint", event.readPoint().extensions());
        }
        if (event.bizLocation() != null) {
            identifier(at + ".bizLocation.id", event.bizLocation().id(), URI);
            extensions(at + ".bizLocation", event.bizLocation().extensions());
        }
        identifiers(at, event);
        why(at, event);
        sourcesAndDestinations(at + ".sourceList", event.where().sourceList());
        sourcesAndDestinations(at + ".destinationList", event.where().destinationList());
        ErrorDeclaration error = event.errorDeclaration();
        if (error != null) {
            cbv(at + ".errorDeclaration.reason", error.reason());
            list(at + ".errorDeclaration.correctiveEventIDs", error.correctiveEventIDs(), URI);
            extensions(at + ".errorDeclaration", error.extensions());
        }
        extensions(at, event.extensions());
        sensors(at + ".sensorElementList", event.sensorElementList());
    }

    private static void identifiers(String at, EpcisEvent event) {
        if (event instanceof ObjectEvent o) {
            epcs(at + ".epcList", o.epcList());
            quantities(at + ".quantityList", o.quantityList());
            if (o.ilmd() != null) {
                extensions(at + ".ilmd", o.ilmd().elements());
            }
        } else if (event instanceof AggregationEvent a) {
            identifier(at + ".parentID", a.parentID(), URI);
            epcs(at + ".childEPCs", a.childEPCs());
            quantities(at + ".childQuantityList", a.childQuantityList());
        } else if (event instanceof AssociationEvent a) {
            identifier(at + ".parentID", a.parentID(), URI);
            epcs(at + ".childEPCs", a.childEPCs());
            quantities(at + ".childQuantityList", a.childQuantityList());
        } else if (event instanceof TransactionEvent t) {
            identifier(at + ".parentID", t.parentID(), URI);
            epcs(at + ".epcList", t.epcList());
            quantities(at + ".quantityList", t.quantityList());
        } else if (event instanceof TransformationEvent t) {
            epcs(at + ".inputEPCList", t.inputEPCList());
            quantities(at + ".inputQuantityList", t.inputQuantityList());
            epcs(at + ".outputEPCList", t.outputEPCList());
            quantities(at + ".outputQuantityList", t.outputQuantityList());
            max(at + ".transformationID", t.transformationID(), URI);
            if (t.ilmd() != null) {
                extensions(at + ".ilmd", t.ilmd().elements());
            }
        }
    }

    private static void why(String at, EpcisEvent event) {
        List<BizTransaction> transactions = event.why().bizTransactionList();
        for (int i = 0; i < transactions.size(); i++) {
            cbv(at + ".bizTransactionList[" + i + "].type", transactions.get(i).type());
            max(at + ".bizTransactionList[" + i + "].bizTransaction", transactions.get(i).bizTransaction(), URI);
        }
        PersistentDisposition persistent = event.why().persistentDisposition();
        if (persistent != null) {
            for (int i = 0; i < persistent.set().size(); i++) {
                cbv(at + ".persistentDisposition.set[" + i + "]", persistent.set().get(i));
            }
            for (int i = 0; i < persistent.unset().size(); i++) {
                cbv(at + ".persistentDisposition.unset[" + i + "]", persistent.unset().get(i));
            }
        }
    }

    private static void sourcesAndDestinations(String at, List<SourceDest> list) {
        for (int i = 0; i < list.size(); i++) {
            cbv(at + "[" + i + "].type", list.get(i).type());
            identifier(at + "[" + i + "].id", list.get(i).id(), URI);
        }
    }

    private static void epcs(String at, List<String> epcs) {
        for (int i = 0; i < epcs.size(); i++) {
            identifier(at + "[" + i + "]", epcs.get(i), URI);
        }
    }

    private static void quantities(String at, List<QuantityElement> quantities) {
        for (int i = 0; i < quantities.size(); i++) {
            identifier(at + "[" + i + "].epcClass", quantities.get(i).epcClass(), URI);
            max(at + "[" + i + "].uom", quantities.get(i).uom(), UOM);
        }
    }

    private static void sensors(String at, List<SensorElement> elements) {
        for (int e = 0; e < elements.size(); e++) {
            String element = at + "[" + e + "]";
            SensorMetadata m = elements.get(e).sensorMetadata();
            if (m != null) {
                String meta = element + ".sensorMetadata";
                max(meta + ".deviceID", m.deviceID(), URI);
                max(meta + ".deviceMetadata", m.deviceMetadata(), TEXT);
                max(meta + ".rawData", m.rawData(), TEXT);
                max(meta + ".dataProcessingMethod", m.dataProcessingMethod(), TEXT);
                max(meta + ".bizRules", m.bizRules(), TEXT);
                extensions(meta, m.extensions());
            }
            List<SensorReport> reports = elements.get(e).sensorReport();
            for (int r = 0; r < reports.size(); r++) {
                String report = element + ".sensorReport[" + r + "]";
                SensorReport s = reports.get(r);
                cbv(report + ".type", s.type());
                cbv(report + ".exception", s.exception());
                cbv(report + ".component", s.component());
                max(report + ".deviceID", s.deviceID(), URI);
                max(report + ".deviceMetadata", s.deviceMetadata(), TEXT);
                max(report + ".rawData", s.rawData(), TEXT);
                max(report + ".dataProcessingMethod", s.dataProcessingMethod(), TEXT);
                max(report + ".bizRules", s.bizRules(), TEXT);
                max(report + ".microorganism", s.microorganism(), URI);
                max(report + ".chemicalSubstance", s.chemicalSubstance(), URI);
                max(report + ".stringValue", s.stringValue(), TEXT);
                max(report + ".hexBinaryValue", s.hexBinaryValue(), TEXT);
                max(report + ".uriValue", s.uriValue(), TEXT);
                max(report + ".uom", s.uom(), UOM);
                max(report + ".coordinateReferenceSystem", s.coordinateReferenceSystem(), URI);
                extensions(report, s.extensions());
            }
            extensions(element, elements.get(e).extensions());
        }
    }

    private static void extensions(String at, List<ExtensionElement> elements) {
        for (ExtensionElement element : elements) {
            String name = at + "." + element.name();
            max(name + " (namespace)", element.name().getNamespaceURI(), NAME);
            max(name + " (local name)", element.name().getLocalPart(), NAME);
            if (element.value() instanceof ExtensionElement.Complex complex) {
                extensions(name, complex.children());
            }
        }
    }

    private static void list(String at, List<String> values, int limit) {
        for (int i = 0; i < values.size(); i++) {
            max(at + "[" + i + "]", values.get(i), limit);
        }
    }

    private static void cbv(String at, CbvValue value) {
        if (value != null) {
            max(at, value.uri(), URI);
        }
    }

    /** The written form goes to a wider column; the canonical form to the indexed one. */
    private static void identifier(String at, String written, int canonicalLimit) {
        if (written == null) {
            return;
        }
        max(at, written, WRITTEN_ID);
        if (written.length() > CANONICAL_CHECK_FROM) {
            max(at + " (canonical form)", SqlValues.canonical(written), canonicalLimit);
        }
    }

    private static void max(String at, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw new StoreLimitException(at, value.length(), limit);
        }
    }
}
