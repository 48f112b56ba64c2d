package io.tracewell.trace.serial;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a request asks for its serials' commissioning event: an ObjectEvent ADD, bizStep commissioning,
 * disposition active, at this read point and business location.
 *
 * @param readPoint           the SGLN of the read point, as given (EPC URI or Digital Link)
 * @param bizLocation         the SGLN of the business location, as given
 * @param companyPrefixLength when present, the EPCs are written as EPC URIs ({@code urn:epc:id:sgtin:...}) with
 *                            this GS1 company prefix length; otherwise as GS1 Digital Links
 */
public record Commission(String readPoint, String bizLocation, OptionalInt companyPrefixLength) {

    public Commission {
        Objects.requireNonNull(readPoint, "readPoint");
        Objects.requireNonNull(bizLocation, "bizLocation");
        Objects.requireNonNull(companyPrefixLength, "companyPrefixLength");
    }
}
