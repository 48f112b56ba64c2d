package io.tracewell.regulatory.fmd;

/** When a batch is uploaded to the hub: it must be there before the batch is released for sale (DR 2016/161 Art. 33). */
public enum ReleaseRule {
    /** At once: each commissioning event's packs are uploaded as soon as it is stored. */
    COMMISSIONING,
    /** On the first shipping event that ships packs of the batch: the packs commissioned until then, in one upload. */
    FIRST_SHIPMENT
}
