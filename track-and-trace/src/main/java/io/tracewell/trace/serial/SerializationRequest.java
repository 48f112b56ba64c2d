package io.tracewell.trace.serial;

import io.tracewell.epcis.id.Gtin;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A checked request for serials ({@link SerializationRequestReader} reads and checks one from JSON).
 *
 * @param gtin       the GTIN-14
 * @param count      how many serials
 * @param scheme     random or sequential
 * @param lot        the batch/lot (an AI 10 value), if any
 * @param expiry     the expiry date as AI 17 value (YYMMDD), if any
 * @param length     random: the length of every serial; sequential: the width numbers are padded to with zeros,
 *                   empty for no padding
 * @param commission the commissioning event to capture, if asked for
 */
public record SerializationRequest(Gtin gtin, int count, SerialScheme scheme, Optional<String> lot,
                                   Optional<String> expiry, OptionalInt length, Optional<Commission> commission) {

    public SerializationRequest {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(commission, "commission");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (scheme == SerialScheme.RANDOM && length.isEmpty()) {
            throw new IllegalArgumentException("a random request has a length");
        }
    }
}
