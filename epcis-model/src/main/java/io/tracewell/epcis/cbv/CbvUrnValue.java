package io.tracewell.epcis.cbv;

/** A value of a vocabulary that also has a URN form (bizStep, disposition, business transaction type, ...). */
public sealed interface CbvUrnValue extends CbvValue
        permits BizStep, Disposition, BizTransactionType, SourceDestType, ErrorReason {

    /** The URN ({@code urn:epcglobal:cbv:bizstep:shipping}); other URIs unchanged. */
    default String toUrn() {
        return CbvCodec.urn(vocabulary(), uri());
    }

    @Override
    default String toXmlValue() {
        return toUrn();
    }
}
