package io.tracewell.epcis.hash;

import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.PersistentDisposition;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;

/** Builds events for the hash tests in a few lines; everything not set is absent. */
final class TestEvents {
    static final String EXAMPLE_NS = "https://ns.example.com/epcis/";

    private TestEvents() {
    }

    static QName ex(String local) {
        return new QName(EXAMPLE_NS, local, "example");
    }

    static ExtensionElement text(String local, String value) {
        return ExtensionElement.text(ex(local), value);
    }

    static ExtensionElement number(String local, String value) {
        return new ExtensionElement(ex(local), List.of(), new ExtensionElement.Simple(value, Datatypes.DECIMAL));
    }

    static ExtensionElement complex(String local, ExtensionElement... children) {
        return ExtensionElement.of(ex(local), List.of(children));
    }

    static ObjectEventBuilder objectEvent(String eventTime, String offset) {
        return new ObjectEventBuilder(eventTime, offset);
    }

    /** A mutable builder for ObjectEvents; the tests of other event types build records directly. */
    static final class ObjectEventBuilder {
        private CommonFields common;
        private Action action = Action.OBSERVE;
        private final List<String> epcs = new ArrayList<>();
        private final List<QuantityElement> quantities = new ArrayList<>();
        private String bizStep;
        private String disposition;
        private PersistentDisposition persistentDisposition;
        private ReadPoint readPoint;
        private BizLocation bizLocation;
        private final List<BizTransaction> bizTransactions = new ArrayList<>();
        private final List<SourceDest> sources = new ArrayList<>();
        private final List<SourceDest> destinations = new ArrayList<>();
        private final List<SensorElement> sensors = new ArrayList<>();
        private Ilmd ilmd;
        private final List<ExtensionElement> extensions = new ArrayList<>();

        ObjectEventBuilder(String eventTime, String offset) {
            common = CommonFields.of(EpcisTime.parse(eventTime), TimeZoneOffset.parse(offset));
        }

        ObjectEventBuilder common(CommonFields c) {
            common = c;
            return this;
        }

        ObjectEventBuilder action(Action a) {
            action = a;
            return this;
        }

        ObjectEventBuilder epcs(String... values) {
            epcs.addAll(List.of(values));
            return this;
        }

        ObjectEventBuilder quantity(QuantityElement q) {
            quantities.add(q);
            return this;
        }

        ObjectEventBuilder bizStep(String v) {
            bizStep = v;
            return this;
        }

        ObjectEventBuilder disposition(String v) {
            disposition = v;
            return this;
        }

        ObjectEventBuilder persistentDisposition(List<String> set, List<String> unset) {
            persistentDisposition = new PersistentDisposition(set.stream().map(Disposition::of).toList(),
                    unset.stream().map(Disposition::of).toList());
            return this;
        }

        ObjectEventBuilder readPoint(String id, ExtensionElement... ext) {
            readPoint = new ReadPoint(id, List.of(ext));
            return this;
        }

        ObjectEventBuilder bizLocation(String id, ExtensionElement... ext) {
            bizLocation = new BizLocation(id, List.of(ext));
            return this;
        }

        ObjectEventBuilder bizTransaction(String type, String id) {
            bizTransactions.add(new BizTransaction(type == null ? null : BizTransactionType.of(type), id));
            return this;
        }

        ObjectEventBuilder source(String type, String id) {
            sources.add(new SourceDest(SourceDestType.of(type), id));
            return this;
        }

        ObjectEventBuilder destination(String type, String id) {
            destinations.add(new SourceDest(SourceDestType.of(type), id));
            return this;
        }

        ObjectEventBuilder sensor(SensorElement e) {
            sensors.add(e);
            return this;
        }

        ObjectEventBuilder ilmd(ExtensionElement... elements) {
            ilmd = new Ilmd(List.of(elements));
            return this;
        }

        ObjectEventBuilder extension(ExtensionElement e) {
            extensions.add(e);
            return this;
        }

        ObjectEvent build() {
            return new ObjectEvent(common, action, epcs, quantities,
                    new Where(readPoint, bizLocation, sources, destinations),
                    new Why(bizStep == null ? null : BizStep.of(bizStep),
                            disposition == null ? null : Disposition.of(disposition), persistentDisposition, bizTransactions), sensors, ilmd,
                    extensions);
        }
    }
}
