package io.tracewell.epcis.hash;

import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.PersistentDisposition;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the pre-hash string of one event: the canonical property order of the CBV 2.0 event hash ID, tokens
 * concatenated without separators, absent fields left out. Ignored by design: eventID, recordTime and the error
 * declaration (so a correcting event has the same hash ID as the event it corrects, EPCIS 2.0 §7.4.1.2).
 */
final class PreHashBuilder {
    private final HashProfile profile;
    private final ValueCanonicaliser values;
    private final ExtensionRendering extensions;
    private final SensorRendering sensors;

    PreHashBuilder(HashProfile profile, IdentifierNormaliser identifiers) {
        this.profile = profile;
        this.values = new ValueCanonicaliser(profile, identifiers);
        this.extensions = new ExtensionRendering(values, profile.masterDataNamespace());
        this.sensors = new SensorRendering(profile, values, extensions);
    }

    String build(EpcisEvent event) {
        CommonFields common = event.common();
        WhatFields what = WhatFields.of(event);
        Where where = event.where();
        Why why = event.why();
        StringBuilder sb = new StringBuilder(512);

        sb.append("eventType=").append(event.type().standardName());
        sb.append("eventTime=").append(values.time(common.eventTime()));
        sb.append("eventTimeZoneOffset=").append(common.eventTimeZoneOffset());
        if (profile.hashesCertificationInfo()) {
            sb.append(new Tokens().add("certificationInfo", values.value(common.certificationInfo())));
        }
        if (profile.epcListBeforeParentID()) {
            sb.append(identifierList("epcList", what.epcList()));
            sb.append(new Tokens().add("parentID", values.value(what.parentID())));
        } else {
            sb.append(new Tokens().add("parentID", values.value(what.parentID())));
            sb.append(identifierList("epcList", what.epcList()));
        }
        sb.append(identifierList("inputEPCList", what.inputEPCList()));
        sb.append(identifierList("childEPCs", what.childEPCs()));
        sb.append(quantityList("quantityList", what.quantityList()));
        sb.append(quantityList("childQuantityList", what.childQuantityList()));
        sb.append(quantityList("inputQuantityList", what.inputQuantityList()));
        sb.append(identifierList("outputEPCList", what.outputEPCList()));
        sb.append(quantityList("outputQuantityList", what.outputQuantityList()));

        Tokens t = new Tokens();
        t.add("action", what.action() == null ? null : what.action().name());
        t.add("transformationID", values.value(what.transformationID()));
        t.add("bizStep", values.vocabulary(why.bizStep(), CbvVocabulary.BIZ_STEP));
        t.add("disposition", values.vocabulary(why.disposition(), CbvVocabulary.DISPOSITION));
        sb.append(t);
        sb.append(persistentDisposition(why.persistentDisposition()));
        ReadPoint readPoint = where.readPoint();
        if (readPoint != null) {
            sb.append(location("readPoint", readPoint.id(), readPoint.extensions()));
        }
        BizLocation bizLocation = where.bizLocation();
        if (bizLocation != null) {
            sb.append(location("bizLocation", bizLocation.id(), bizLocation.extensions()));
        }
        String transactions = bizTransactions(why.bizTransactionList());
        String sources = sourceDestinations("sourceList", "source", where.sourceList());
        String destinations = sourceDestinations("destinationList", "destination", where.destinationList());
        List<String> sortedAtEnd = new ArrayList<>();
        if (profile.transactionAndTransferListsAfterSensors()) {
            sortedAtEnd.addAll(List.of(transactions, sources, destinations));
        } else {
            sb.append(transactions).append(sources).append(destinations);
        }
        sb.append(sensors.block(event.sensorElementList()));

        trailing(sb, event, what, where, sortedAtEnd);
        return sb.toString();
    }

    /**
     * After the standard fields: ILMD, then (CBV 2.0) the user extensions found inside readPoint, bizLocation and
     * the sensor elements behind the names of their enclosing elements, then the event-level user extensions,
     * sorted together with whatever the profile hashes like an extension.
     */
    private void trailing(StringBuilder sb, EpcisEvent event, WhatFields what, Where where,
                          List<String> sortedAtEnd) {
        String ilmd = what.ilmd() == null || what.ilmd().elements().isEmpty()
                ? "" : "ilmd" + extensions.sorted(what.ilmd().elements());
        if (profile.transactionAndTransferListsAfterSensors()) {
            sortedAtEnd.add(ilmd);
        } else {
            sb.append(ilmd);
        }
        if (!profile.nestedExtensionsInline()) {
            if (where.readPoint() != null && !where.readPoint().extensions().isEmpty()) {
                sb.append("readPoint").append(extensions.sorted(where.readPoint().extensions()));
            }
            if (where.bizLocation() != null && !where.bizLocation().extensions().isEmpty()) {
                sb.append("bizLocation").append(extensions.sorted(where.bizLocation().extensions()));
            }
            sb.append(sensors.nestedExtensions(event.sensorElementList()));
        }
        for (ExtensionElement e : event.extensions()) {
            if (ExtensionRendering.isHashed(e)) {
                sortedAtEnd.add(extensions.render(e));
            }
        }
        if (profile.hashesSensorReportBizRules()) {
            sortedAtEnd.add(sensors.reportFieldsOutsideOrder(event.sensorElementList()));
        }
        sortedAtEnd.removeIf(String::isEmpty);
        sb.append(CodePointOrder.sortedConcat(sortedAtEnd));
    }

    private String identifierList(String container, List<String> identifiers) {
        if (identifiers.isEmpty()) {
            return "";
        }
        List<String> members = new ArrayList<>(identifiers.size());
        for (String id : identifiers) {
            String v = values.value(id);
            if (v != null && !v.isEmpty()) {
                members.add("epc=" + v);
            }
        }
        return members.isEmpty() ? "" : container + CodePointOrder.sortedConcat(members);
    }

    private String quantityList(String container, List<QuantityElement> elements) {
        if (elements.isEmpty()) {
            return "";
        }
        List<String> members = new ArrayList<>(elements.size());
        for (QuantityElement q : elements) {
            Tokens t = new Tokens()
                    .add("epcClass", values.value(q.epcClass()))
                    .add("quantity", values.number(q.quantity()))
                    .add("uom", values.value(q.uom()));
            if (!t.isEmpty()) {
                members.add("quantityElement" + t);
            }
        }
        return members.isEmpty() ? "" : container + CodePointOrder.sortedConcat(members);
    }

    private String persistentDisposition(PersistentDisposition pd) {
        if (pd == null) {
            return "";
        }
        String set = vocabularyMembers("set", pd.set());
        String unset = vocabularyMembers("unset", pd.unset());
        return set.isEmpty() && unset.isEmpty() ? "" : "persistentDisposition" + set + unset;
    }

    private String vocabularyMembers(String name, List<io.tracewell.epcis.cbv.Disposition> dispositions) {
        List<String> members = new ArrayList<>(dispositions.size());
        for (io.tracewell.epcis.cbv.Disposition d : dispositions) {
            String v = values.vocabulary(d, CbvVocabulary.DISPOSITION);
            if (v != null && !v.isEmpty()) {
                members.add(name + "=" + v);
            }
        }
        return CodePointOrder.sortedConcat(members);
    }

    private String location(String name, String id, List<ExtensionElement> nested) {
        Tokens t = new Tokens().add("id", values.value(id));
        if (profile.nestedExtensionsInline()) {
            t.append(extensions.sorted(nested));
        }
        return t.isEmpty() ? "" : name + t;
    }

    /** Members render type first, then the identifier, and are sorted by that string (the published vectors). */
    private String bizTransactions(List<BizTransaction> transactions) {
        if (transactions.isEmpty()) {
            return "";
        }
        List<String> members = new ArrayList<>(transactions.size());
        for (BizTransaction b : transactions) {
            Tokens t = new Tokens()
                    .add("type", values.vocabulary(b.type(), CbvVocabulary.BUSINESS_TRANSACTION_TYPE))
                    .add("bizTransaction", values.value(b.bizTransaction()));
            if (!t.isEmpty()) {
                members.add(t.toString());
            }
        }
        return members.isEmpty() ? "" : "bizTransactionList" + CodePointOrder.sortedConcat(members);
    }

    private String sourceDestinations(String container, String member, List<SourceDest> list) {
        if (list.isEmpty()) {
            return "";
        }
        List<String> members = new ArrayList<>(list.size());
        for (SourceDest s : list) {
            Tokens t = new Tokens()
                    .add("type", values.vocabulary(s.type(), CbvVocabulary.SOURCE_DESTINATION_TYPE))
                    .add(member, values.value(s.id()));
            if (!t.isEmpty()) {
                members.add(t.toString());
            }
        }
        return members.isEmpty() ? "" : container + CodePointOrder.sortedConcat(members);
    }
}
