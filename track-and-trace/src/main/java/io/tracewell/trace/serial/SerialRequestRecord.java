package io.tracewell.trace.serial;

import io.tracewell.epcis.id.AiValue;
import io.tracewell.epcis.id.ElementString;
import io.tracewell.epcis.id.Gtin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A stored request for serials.
 *
 * @param id               the request's ID (a UUID)
 * @param gtin             the GTIN-14
 * @param count            how many serials it issued
 * @param scheme           random or sequential
 * @param length           random: the serials' length; sequential: the zero-padding width, if any
 * @param lot              the AI 10 batch/lot, if any
 * @param expiry           the AI 17 expiry (YYMMDD), if any
 * @param createdAt        when the serials were issued
 * @param collisionRetries random serials drawn again, or sequential ranges moved, because the GTIN had them
 * @param commission       the commissioning asked for, if any
 * @param commissionState  where commissioning stands, when asked for
 * @param commissionTime   the eventTime of the commissioning events, when asked for
 * @param eventIDs         the eventIDs of the captured commissioning events
 * @param commissionError  why commissioning failed, when it did
 */
public record SerialRequestRecord(String id, Gtin gtin, int count, SerialScheme scheme, OptionalInt length,
                                  Optional<String> lot, Optional<String> expiry, Instant createdAt,
                                  int collisionRetries, Optional<Commission> commission,
                                  Optional<CommissionState> commissionState, Optional<Instant> commissionTime,
                                  List<String> eventIDs, Optional<String> commissionError) {

    public SerialRequestRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(scheme, "scheme");
        eventIDs = List.copyOf(eventIDs);
    }

    /**
     * The GS1 element string of one of its serials, in the order the EU FMD carriers use: (01) GTIN, (17) expiry,
     * (10) lot, (21) serial.
     */
    public ElementString elementString(String serial) {
        List<AiValue> values = new ArrayList<>(4);
        values.add(new AiValue("01", gtin.value()));
        expiry.ifPresent(e -> values.add(new AiValue("17", e)));
        lot.ifPresent(l -> values.add(new AiValue("10", l)));
        values.add(new AiValue("21", serial));
        return new ElementString(values);
    }
}
