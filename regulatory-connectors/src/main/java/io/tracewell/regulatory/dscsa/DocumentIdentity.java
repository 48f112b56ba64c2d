package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.model.EpcisTime;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * What makes one DSCSA document that document: the SBDH {@code InstanceIdentifier} and the creation time (the
 * document's {@code creationDate} and the SBDH {@code CreationDateAndTime}). The caller fixes both when it creates
 * the delivery and keeps them with it, so that building the document again gives the same bytes (an AS2 resend
 * must carry identical content).
 *
 * @param instanceIdentifier the SBDH instance identifier, e.g. a UUID
 * @param creationDate       when the document was created
 */
public record DocumentIdentity(String instanceIdentifier, EpcisTime creationDate) {

    public DocumentIdentity {
        if (instanceIdentifier == null || instanceIdentifier.isBlank()) {
            throw new IllegalArgumentException("DocumentIdentity instanceIdentifier is missing or blank");
        }
        Objects.requireNonNull(creationDate, "creationDate");
    }

    /** A new identity: a random UUID, created now (to the millisecond). */
    public static DocumentIdentity create(Clock clock) {
        return new DocumentIdentity(UUID.randomUUID().toString(),
                EpcisTime.of(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }
}
