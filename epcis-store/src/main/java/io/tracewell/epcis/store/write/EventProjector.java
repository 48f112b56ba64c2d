package io.tracewell.epcis.store.write;

import static io.tracewell.epcis.store.write.SqlValues.canonical;
import static io.tracewell.epcis.store.write.SqlValues.decimal;
import static io.tracewell.epcis.store.write.SqlValues.utc;

import io.tracewell.epcis.cbv.CbvValue;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.cbv.Disposition;
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
import java.sql.SQLException;
import java.util.List;

/** Turns one stored event into the rows of the projection tables (docs/store.md, "Projection tables"). */
final class EventProjector {

    private final ProjectionStatements rows;

    EventProjector(ProjectionStatements rows) {
        this.rows = rows;
    }

    void project(long rowId, EpcisEvent event) throws SQLException {
        identifiers(rowId, event);
        why(rowId, event);
        sourcesAndDestinations(rowId, event.where().sourceList(), "SOURCE");
        sourcesAndDestinations(rowId, event.where().destinationList(), "DESTINATION");
        ExtensionFields fields = new ExtensionFields(rowId);
        fields.add("EVENT", event.extensions());
        if (event.readPoint() != null) {
            fields.add("READ_POINT", event.readPoint().extensions());
        }
        if (event.bizLocation() != null) {
            fields.add("BIZ_LOCATION", event.bizLocation().extensions());
        }
        if (event instanceof ObjectEvent o && o.ilmd() != null) {
            fields.add("ILMD", o.ilmd().elements());
        } else if (event instanceof TransformationEvent t && t.ilmd() != null) {
            fields.add("ILMD", t.ilmd().elements());
        }
        ErrorDeclaration error = event.errorDeclaration();
        if (error != null) {
            fields.add("ERROR_DECLARATION", error.extensions());
            for (int i = 0; i < error.correctiveEventIDs().size(); i++) {
                rows.add(rows.correctiveId, rowId, i, error.correctiveEventIDs().get(i));
            }
        }
        sensors(rowId, event.sensorElementList(), fields);
    }

    private void identifiers(long rowId, EpcisEvent event) throws SQLException {
        if (event instanceof ObjectEvent o) {
            epcs(rowId, "EPC_LIST", o.epcList());
            quantities(rowId, "QUANTITY", o.quantityList());
        } else if (event instanceof AggregationEvent a) {
            parent(rowId, a.parentID());
            epcs(rowId, "CHILD", a.childEPCs());
            quantities(rowId, "CHILD_QUANTITY", a.childQuantityList());
        } else if (event instanceof AssociationEvent a) {
            parent(rowId, a.parentID());
            epcs(rowId, "CHILD", a.childEPCs());
            quantities(rowId, "CHILD_QUANTITY", a.childQuantityList());
        } else if (event instanceof TransactionEvent t) {
            parent(rowId, t.parentID());
            epcs(rowId, "EPC_LIST", t.epcList());
            quantities(rowId, "QUANTITY", t.quantityList());
        } else if (event instanceof TransformationEvent t) {
            epcs(rowId, "INPUT", t.inputEPCList());
            quantities(rowId, "INPUT_QUANTITY", t.inputQuantityList());
            epcs(rowId, "OUTPUT", t.outputEPCList());
            quantities(rowId, "OUTPUT_QUANTITY", t.outputQuantityList());
        }
    }

    private void parent(long rowId, String parentID) throws SQLException {
        if (parentID != null) {
            rows.add(rows.epc, rowId, "PARENT", 0, canonical(parentID), parentID, null, null);
        }
    }

    private void epcs(long rowId, String role, List<String> epcs) throws SQLException {
        for (int i = 0; i < epcs.size(); i++) {
            String epc = epcs.get(i);
            rows.add(rows.epc, rowId, role, i, canonical(epc), epc, null, null);
        }
    }

    private void quantities(long rowId, String role, List<QuantityElement> quantities) throws SQLException {
        for (int i = 0; i < quantities.size(); i++) {
            QuantityElement q = quantities.get(i);
            rows.add(rows.epc, rowId, role, i, canonical(q.epcClass()), q.epcClass(), decimal(q.quantity()), q.uom());
        }
    }

    private void why(long rowId, EpcisEvent event) throws SQLException {
        List<BizTransaction> transactions = event.why().bizTransactionList();
        for (int i = 0; i < transactions.size(); i++) {
            BizTransaction t = transactions.get(i);
            rows.add(rows.bizTransaction, rowId, i, t.type() == null ? "" : t.type().uri(), t.bizTransaction());
        }
        PersistentDisposition persistent = event.why().persistentDisposition();
        if (persistent != null) {
            persistentDispositions(rowId, "SET", persistent.set());
            persistentDispositions(rowId, "UNSET", persistent.unset());
        }
    }

    private void persistentDispositions(long rowId, String kind, List<Disposition> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            rows.add(rows.persistentDisposition, rowId, kind, i, values.get(i).uri());
        }
    }

    private void sourcesAndDestinations(long rowId, List<SourceDest> list, String direction) throws SQLException {
        for (int i = 0; i < list.size(); i++) {
            SourceDest s = list.get(i);
            rows.add(rows.sourceDest, rowId, direction, i, s.type().uri(), canonical(s.id()), s.id());
        }
    }

    private void sensors(long rowId, List<SensorElement> elements, ExtensionFields fields) throws SQLException {
        for (int e = 0; e < elements.size(); e++) {
            SensorElement element = elements.get(e);
            fields.add("SENSOR_ELEMENT", element.extensions());
            SensorMetadata m = element.sensorMetadata();
            if (m != null) {
                rows.add(rows.sensorElement, rowId, e, utc(m.time()), utc(m.startTime()), utc(m.endTime()),
                        m.deviceID(), m.deviceMetadata(), m.rawData(), m.dataProcessingMethod(), m.bizRules());
                fields.add("SENSOR_METADATA", m.extensions());
            } else {
                rows.add(rows.sensorElement, rowId, e, null, null, null, null, null, null, null, null);
            }
            for (int r = 0; r < element.sensorReport().size(); r++) {
                SensorReport s = element.sensorReport().get(r);
                rows.add(rows.sensorReport, rowId, e, r, uri(s.type()), uri(s.exception()), s.deviceID(),
                        s.deviceMetadata(), s.rawData(), s.dataProcessingMethod(), s.bizRules(), utc(s.time()),
                        s.microorganism(), s.chemicalSubstance(), decimal(s.value()), uri(s.component()),
                        s.stringValue(), s.booleanValue(), s.hexBinaryValue(), s.uriValue(), decimal(s.minValue()),
                        decimal(s.maxValue()), decimal(s.meanValue()), decimal(s.sDev()), decimal(s.percRank()),
                        decimal(s.percValue()), s.uom(), s.coordinateReferenceSystem());
                fields.add("SENSOR_REPORT", s.extensions());
            }
        }
    }

    private static String uri(CbvValue value) {
        return value == null ? null : value.uri();
    }

    /** Numbers the extension elements of one event across all scopes, parents before children. */
    private final class ExtensionFields {

        private final long rowId;
        private int next;

        ExtensionFields(long rowId) {
            this.rowId = rowId;
        }

        void add(String scope, List<ExtensionElement> elements) throws SQLException {
            for (ExtensionElement element : elements) {
                add(scope, element, null, 0);
            }
        }

        private void add(String scope, ExtensionElement element, Integer parent, int depth) throws SQLException {
            int position = next++;
            String lexical = null;
            if (element.value() instanceof ExtensionElement.Simple simple) {
                lexical = simple.lexical();
            }
            rows.add(rows.field, rowId, position, parent, scope, depth,
                    element.name().getNamespaceURI(), element.name().getLocalPart(),
                    SqlValues.truncate(lexical, SqlValues.FIELD_STRING_LENGTH),
                    lexical == null ? null : SqlValues.number(lexical),
                    lexical == null ? null : SqlValues.time(lexical),
                    lexical == null ? null : SqlValues.bool(lexical));
            if (element.value() instanceof ExtensionElement.Complex complex) {
                for (ExtensionElement child : complex.children()) {
                    add(scope, child, position, depth + 1);
                }
            }
        }
    }
}
