package io.tracewell.trace.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a DSCSA Verification Router Service (VRS) responder to a saleable-returns verification (GS1
 * Lightweight Messaging Standard for Verification of Product Identifiers; GS1 US guideline R1.3): whether the
 * product identifier (GTIN, serial, lot, expiry) matches what the manufacturer holds, why not, and what else the
 * requester must know (docs/verification.md, "DSCSA saleable returns").
 *
 * @param verified       the identifier matches the repository's records and the pack may be redistributed
 * @param failureReason  when not verified: {@code No_match_GTIN_Serial}, {@code No_match_GTIN_Serial_Lot},
 *                       {@code No_match_GTIN_Serial_Expiry}, {@code No_match_GTIN_Serial_Lot_Expiry} or
 *                       {@code Not_for_re-distribution}
 * @param additionalInfo {@code Recalled}, {@code Expired} or {@code Suspect}, when it applies
 */
public record VrsAnswer(boolean verified, Optional<String> failureReason, Optional<String> additionalInfo) {

    public VrsAnswer {
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(additionalInfo, "additionalInfo");
        if (verified == failureReason.isPresent()) {
            throw new IllegalArgumentException("a failure reason goes with verified false, and only with it");
        }
    }

    /**
     * The VRS answer of a verification:
     * <ul>
     *   <li>unknown GTIN and serial: {@code No_match_GTIN_Serial};</li>
     *   <li>lot or expiry not the commissioned one (or not recorded, so that it cannot be confirmed):
     *       {@code No_match_GTIN_Serial_Lot}, {@code _Expiry} or {@code _Lot_Expiry};</li>
     *   <li>dispensed or destroyed (the pack left the supply chain): {@code Not_for_re-distribution};
     *       stolen: the same, with {@code Suspect};</li>
     *   <li>recalled or expired: verified, with {@code Recalled} or {@code Expired};</li>
     *   <li>otherwise (active, in transit): verified.</li>
     * </ul>
     */
    public static VrsAnswer of(Verification v) {
        if (!v.known()) {
            return failed("No_match_GTIN_Serial", null);
        }
        boolean lot = v.lot() != Comparison.MATCH;
        boolean expiry = v.expiry() != Comparison.MATCH;
        if (lot && expiry) {
            return failed("No_match_GTIN_Serial_Lot_Expiry", null);
        }
        if (lot) {
            return failed("No_match_GTIN_Serial_Lot", null);
        }
        if (expiry) {
            return failed("No_match_GTIN_Serial_Expiry", null);
        }
        return switch (v.status()) {
            case DISPENSED, DESTROYED -> failed("Not_for_re-distribution", null);
            case STOLEN -> failed("Not_for_re-distribution", "Suspect");
            case RECALLED -> new VrsAnswer(true, Optional.empty(), Optional.of("Recalled"));
            case EXPIRED -> new VrsAnswer(true, Optional.empty(), Optional.of("Expired"));
            case ACTIVE, IN_TRANSIT -> new VrsAnswer(true, Optional.empty(), Optional.empty());
            case UNKNOWN -> failed("No_match_GTIN_Serial", null);
        };
    }

    private static VrsAnswer failed(String reason, String info) {
        return new VrsAnswer(false, Optional.of(reason), Optional.ofNullable(info));
    }
}
