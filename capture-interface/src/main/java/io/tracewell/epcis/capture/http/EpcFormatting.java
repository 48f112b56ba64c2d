package io.tracewell.epcis.capture.http;

import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.id.UrnTranslation;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Where;
import java.util.List;
import java.util.Objects;

/**
 * Renders the identifiers of an event in the form a client asked for with {@code GS1-EPC-Format}. The event model
 * holds identifiers as written at capture (docs/identifiers.md §3), so the form is chosen on the way out, here.
 *
 * <p>Identifiers concerned: {@code epcList}, {@code childEPCs}, {@code parentID}, {@code inputEPCList},
 * {@code outputEPCList}, the {@code epcClass} of every quantity list, the read point and business location ids and
 * the source and destination ids. Business transaction ids, event ids, sensor and extension values are never
 * touched: they are not EPCs, or not known to be.
 *
 * <ul>
 *   <li>{@link EpcFormat#ALWAYS_GS1_DIGITAL_LINK}: every GS1 key as its canonical Digital Link
 *       ({@code https://id.gs1.org/}, numeric AIs, the key qualifiers of its identification level only). Identifiers
 *       without a Digital Link form (other URIs, EPC URIs of schemes without GS1 key, patterns with wildcards other
 *       than the serial) stay as written.</li>
 *   <li>{@link EpcFormat#ALWAYS_EPC_URN}: every GS1 key as EPC URI. A Digital Link only becomes one when the company
 *       prefix length is known (from the table given here); an identifier that cannot be translated without guessing
 *       (length unknown or not fitting, no EPC URI form such as an ITIP with lot, not a GS1 key) stays as written.</li>
 *   <li>{@link EpcFormat#NEVER_TRANSLATES} and {@link EpcFormat#NO_PREFERENCE}: the event unchanged.</li>
 * </ul>
 *
 * <p>An identifier that does not parse (which capture validation should have prevented) stays as written.
 * Thread-safe when the prefix length table is.
 */
public final class EpcFormatting {

    private final EpcFormat format;
    private final CompanyPrefixLengths lengths;

    /** @param lengths where company prefix lengths of Digital Links are looked up for {@code Always_EPC_URN} */
    public EpcFormatting(EpcFormat format, CompanyPrefixLengths lengths) {
        this.format = Objects.requireNonNull(format, "format");
        this.lengths = Objects.requireNonNull(lengths, "lengths");
    }

    public EpcFormat format() {
        return format;
    }

    /** The event with its identifiers in the chosen form; the same instance when nothing is translated. */
    public EpcisEvent apply(EpcisEvent event) {
        if (format == EpcFormat.NEVER_TRANSLATES || format == EpcFormat.NO_PREFERENCE) {
            return event;
        }
        Where where = where(event.where());
        // Java 17: the sealed event types are told apart with instanceof.
        if (event instanceof ObjectEvent e) {
            return new ObjectEvent(e.common(), e.action(), ids(e.epcList()), quantities(e.quantityList()), where,
                    e.why(), e.sensorElementList(), e.ilmd(), e.extensions());
        } else if (event instanceof AggregationEvent e) {
            return new AggregationEvent(e.common(), e.action(), id(e.parentID()), ids(e.childEPCs()),
                    quantities(e.childQuantityList()), where, e.why(), e.sensorElementList(), e.extensions());
        } else if (event instanceof TransactionEvent e) {
            return new TransactionEvent(e.common(), e.action(), id(e.parentID()), ids(e.epcList()),
                    quantities(e.quantityList()), where, e.why(), e.sensorElementList(), e.extensions());
        } else if (event instanceof AssociationEvent e) {
            return new AssociationEvent(e.common(), e.action(), id(e.parentID()), ids(e.childEPCs()),
                    quantities(e.childQuantityList()), where, e.why(), e.sensorElementList(), e.extensions());
        }
        TransformationEvent e = (TransformationEvent) event;
        return new TransformationEvent(e.common(), ids(e.inputEPCList()), quantities(e.inputQuantityList()),
                ids(e.outputEPCList()), quantities(e.outputQuantityList()), e.transformationID(), where, e.why(),
                e.sensorElementList(), e.ilmd(), e.extensions());
    }

    /** One identifier in the chosen form; {@code null} stays {@code null}. */
    public String id(String written) {
        if (written == null || format == EpcFormat.NEVER_TRANSLATES || format == EpcFormat.NO_PREFERENCE) {
            return written;
        }
        try {
            if (format == EpcFormat.ALWAYS_GS1_DIGITAL_LINK) {
                return Epc.digitalLinkOf(written).orElse(written);
            }
            UrnTranslation urn = Epc.parse(written).translateToUrn(lengths);
            return urn.urnIfTranslated().orElse(written);
        } catch (IdentifierException e) {
            return written;
        }
    }

    private List<String> ids(List<String> written) {
        return written.stream().map(this::id).toList();
    }

    private List<QuantityElement> quantities(List<QuantityElement> written) {
        return written.stream().map(q -> new QuantityElement(id(q.epcClass()), q.quantity(), q.uom())).toList();
    }

    private List<SourceDest> sourceDest(List<SourceDest> written) {
        return written.stream().map(s -> new SourceDest(s.type(), id(s.id()))).toList();
    }

    private Where where(Where w) {
        ReadPoint readPoint = w.readPoint() == null ? null
                : new ReadPoint(id(w.readPoint().id()), w.readPoint().extensions());
        BizLocation bizLocation = w.bizLocation() == null ? null
                : new BizLocation(id(w.bizLocation().id()), w.bizLocation().extensions());
        return new Where(readPoint, bizLocation, sourceDest(w.sourceList()), sourceDest(w.destinationList()));
    }
}
