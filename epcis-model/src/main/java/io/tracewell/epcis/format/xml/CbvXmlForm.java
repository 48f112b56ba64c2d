package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.cbv.CbvUrnValue;
import io.tracewell.epcis.cbv.CbvValue;

/**
 * How {@link XmlEventWriter} spells CBV values (business step, disposition, business transaction type, source and
 * destination type, error reason, sensor types and components). EPCIS 2.0 XML admits the URN and the Web URI of a
 * standard term alike; the REST binding lets a client choose with the {@code GS1-CBV-XML-Format} header. Values
 * that are not standard terms are written as given in either form.
 */
public enum CbvXmlForm {
    /**
     * The URN ({@code urn:epcglobal:cbv:bizstep:shipping}) where the vocabulary has one; the sensor vocabularies,
     * which have none, keep the compact form of the standard's XML examples ({@code gs1:Temperature}).
     */
    URN,
    /** The Web URI ({@code https://ref.gs1.org/cbv/BizStep-shipping}, {@code https://gs1.org/voc/Temperature}). */
    WEB_URI;

    /** {@code value} in this form; {@code null} for {@code null}. */
    public String spell(CbvValue value) {
        if (value == null) {
            return null;
        }
        if (this == WEB_URI) {
            return value.toWebUri();
        }
        return value instanceof CbvUrnValue urnValue ? urnValue.toUrn() : value.toXmlValue();
    }
}
