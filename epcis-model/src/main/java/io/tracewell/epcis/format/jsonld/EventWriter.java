package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.cbv.CbvValue;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.PersistentDisposition;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event as a JSON-LD object, members in the order of the standard's examples (EPCIS 2.0 §10): type, the
 * "when" fields, identity, "what", action, "why", "where", sensor data, ilmd, then user extensions.
 */
final class EventWriter {
    private EventWriter() {
    }

    /**
     * Writes one event. Namespaces the document's context does not declare get a prefix in the event's own
     * {@code @context}; with {@code standalone} the event's {@code @context} is a whole one (standard URL first).
     */
    static void write(JsonGenerator g, EpcisEvent e, WritePrefixes document, boolean standalone) throws IOException {
        WritePrefixes px = document.child();
        requireNames(e, px);
        g.writeStartObject();
        Map<String, String> own = new LinkedHashMap<>();
        if (standalone) {
            own.putAll(document.declarations());
        }
        own.putAll(px.declarations());
        if (standalone) {
            g.writeFieldName("@context");
            g.writeStartArray();
            g.writeString(StandardContext.URL);
            if (!own.isEmpty()) {
                writeObject(g, own);
            }
            g.writeEndArray();
        } else if (!own.isEmpty()) {
            g.writeFieldName("@context");
            writeObject(g, own);
        }
        g.writeStringField("type", e.type().standardName());
        common(g, e.common(), px);
        if (e instanceof ObjectEvent o) {
            epcs(g, "epcList", o.epcList(), o.quantityList().isEmpty());
            quantities(g, "quantityList", o.quantityList());
            string(g, "action", o.action().name());
        } else if (e instanceof AggregationEvent a) {
            string(g, "parentID", a.parentID());
            epcs(g, "childEPCs", a.childEPCs(), false);
            quantities(g, "childQuantityList", a.childQuantityList());
            string(g, "action", a.action().name());
        } else if (e instanceof TransactionEvent t) {
            string(g, "parentID", t.parentID());
            epcs(g, "epcList", t.epcList(), t.quantityList().isEmpty());
            quantities(g, "quantityList", t.quantityList());
            string(g, "action", t.action().name());
        } else if (e instanceof TransformationEvent t) {
            epcs(g, "inputEPCList", t.inputEPCList(), false);
            quantities(g, "inputQuantityList", t.inputQuantityList());
            epcs(g, "outputEPCList", t.outputEPCList(), false);
            quantities(g, "outputQuantityList", t.outputQuantityList());
            string(g, "transformationID", t.transformationID());
        } else if (e instanceof AssociationEvent a) {
            string(g, "parentID", a.parentID());
            epcs(g, "childEPCs", a.childEPCs(), false);
            quantities(g, "childQuantityList", a.childQuantityList());
            string(g, "action", a.action().name());
        }
        why(g, e.why());
        where(g, e.where(), e.why(), px);
        SensorWriter.write(g, e.sensorElementList(), px);
        if (e instanceof ObjectEvent o) {
            ilmd(g, o.ilmd(), px);
        } else if (e instanceof TransformationEvent t) {
            ilmd(g, t.ilmd(), px);
        }
        extensions(g, e.extensions(), px);
        g.writeEndObject();
    }

    /** Every qualified name the event uses, so that the event's {@code @context} is known before it is written. */
    private static void requireNames(EpcisEvent e, WritePrefixes px) {
        px.requireAll(e.extensions());
        if (e.errorDeclaration() != null) {
            px.requireAll(e.errorDeclaration().extensions());
        }
        if (e.readPoint() != null) {
            px.requireAll(e.readPoint().extensions());
        }
        if (e.bizLocation() != null) {
            px.requireAll(e.bizLocation().extensions());
        }
        for (SensorElement s : e.sensorElementList()) {
            px.requireAll(s.extensions());
            if (s.sensorMetadata() != null) {
                px.requireAll(s.sensorMetadata().extensions());
            }
            s.sensorReport().forEach(r -> px.requireAll(r.extensions()));
        }
        Ilmd ilmd = e instanceof ObjectEvent o ? o.ilmd() : e instanceof TransformationEvent t ? t.ilmd() : null;
        if (ilmd != null) {
            px.requireAll(ilmd.elements());
        }
    }

    private static void common(JsonGenerator g, CommonFields c, WritePrefixes px) throws IOException {
        time(g, "eventTime", c.eventTime());
        time(g, "recordTime", c.recordTime());
        g.writeStringField("eventTimeZoneOffset", c.eventTimeZoneOffset().toString());
        string(g, "eventID", c.eventID());
        string(g, "certificationInfo", c.certificationInfo());
        ErrorDeclaration d = c.errorDeclaration();
        if (d != null) {
            g.writeObjectFieldStart("errorDeclaration");
            time(g, "declarationTime", d.declarationTime());
            cbv(g, "reason", d.reason());
            epcs(g, "correctiveEventIDs", d.correctiveEventIDs(), false);
            extensions(g, d.extensions(), px);
            g.writeEndObject();
        }
    }

    private static void why(JsonGenerator g, Why why) throws IOException {
        cbv(g, "bizStep", why.bizStep());
        cbv(g, "disposition", why.disposition());
        PersistentDisposition pd = why.persistentDisposition();
        if (pd != null) {
            g.writeObjectFieldStart("persistentDisposition");
            cbvs(g, "set", pd.set());
            cbvs(g, "unset", pd.unset());
            g.writeEndObject();
        }
    }

    /** Read point and business location, then business transactions, sources and destinations (§7.3.5). */
    private static void where(JsonGenerator g, Where where, Why why, WritePrefixes px) throws IOException {
        if (where.readPoint() != null) {
            g.writeObjectFieldStart("readPoint");
            g.writeStringField("id", where.readPoint().id());
            extensions(g, where.readPoint().extensions(), px);
            g.writeEndObject();
        }
        if (where.bizLocation() != null) {
            g.writeObjectFieldStart("bizLocation");
            g.writeStringField("id", where.bizLocation().id());
            extensions(g, where.bizLocation().extensions(), px);
            g.writeEndObject();
        }
        if (!why.bizTransactionList().isEmpty()) {
            g.writeArrayFieldStart("bizTransactionList");
            for (BizTransaction t : why.bizTransactionList()) {
                g.writeStartObject();
                cbv(g, "type", t.type());
                g.writeStringField("bizTransaction", t.bizTransaction());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        sourceDest(g, "sourceList", "source", where.sourceList());
        sourceDest(g, "destinationList", "destination", where.destinationList());
    }

    private static void sourceDest(JsonGenerator g, String list, String idKey, List<SourceDest> entries)
            throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(list);
        for (SourceDest s : entries) {
            g.writeStartObject();
            g.writeStringField("type", s.type().toJsonValue());
            g.writeStringField(idKey, s.id());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void ilmd(JsonGenerator g, Ilmd ilmd, WritePrefixes px) throws IOException {
        if (ilmd != null) {
            g.writeObjectFieldStart("ilmd");
            extensions(g, ilmd.elements(), px);
            g.writeEndObject();
        }
    }

    private static void quantities(JsonGenerator g, String key, List<QuantityElement> list) throws IOException {
        if (list.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(key);
        for (QuantityElement q : list) {
            g.writeStartObject();
            g.writeStringField("epcClass", q.epcClass());
            decimal(g, "quantity", q.quantity());
            string(g, "uom", q.uom());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** An array of identifiers; empty arrays are left out unless {@code always} (a list the binding requires). */
    /** A CBV value in the JSON-LD spelling: the bare word for a standard term (EPCIS 2.0 §10), else the URI. */
    static void cbv(JsonGenerator g, String key, CbvValue value) throws IOException {
        if (value != null) {
            g.writeStringField(key, value.toJsonValue());
        }
    }

    static void cbvs(JsonGenerator g, String key, List<? extends CbvValue> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(key);
        for (CbvValue v : values) {
            g.writeString(v.toJsonValue());
        }
        g.writeEndArray();
    }

    static void epcs(JsonGenerator g, String key, List<String> values, boolean always) throws IOException {
        if (values.isEmpty() && !always) {
            return;
        }
        g.writeArrayFieldStart(key);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Extensions of an EPCIS structure, which must be namespaced (XML: {@code ##other}). */
    static void extensions(JsonGenerator g, List<ExtensionElement> ext, WritePrefixes px) throws IOException {
        for (ExtensionElement x : ext) {
            if (x.name().getNamespaceURI().isEmpty()) {
                throw new IllegalArgumentException("extension " + x.name().getLocalPart()
                        + " has no namespace; only elements inside an extension may be unqualified");
            }
        }
        ExtensionWriter.writeMembers(g, ext, px);
    }

    static void string(JsonGenerator g, String key, String value) throws IOException {
        if (value != null) {
            g.writeStringField(key, value);
        }
    }

    static void time(JsonGenerator g, String key, EpcisTime value) throws IOException {
        if (value != null) {
            g.writeStringField(key, value.toString());
        }
    }

    /** A decimal with its scale: {@code BigDecimal.toString()} is a valid JSON number that reads back equal. */
    static void decimal(JsonGenerator g, String key, BigDecimal value) throws IOException {
        if (value != null) {
            g.writeFieldName(key);
            g.writeNumber(value.toString());
        }
    }

    static void writeObject(JsonGenerator g, Map<String, String> members) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, String> m : members.entrySet()) {
            g.writeStringField(m.getKey(), m.getValue());
        }
        g.writeEndObject();
    }
}
