package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;

/**
 * The GS1/UN/CEFACT Standard Business Document Header carried in the EPCIS header (EPCIS 2.0 §9.2). In JSON-LD
 * only {@code sender}, {@code receiver} and {@code instanceIdentifier} have standard members; see the JSON binding
 * for how the rest is carried.
 */
public record Sbdh(
        String headerVersion,
        List<Partner> senders,
        List<Partner> receivers,
        DocumentIdentification documentIdentification,
        List<Scope> businessScope) {

    public Sbdh {
        senders = Lists.copy(senders);
        receivers = Lists.copy(receivers);
        businessScope = Lists.copy(businessScope);
    }

    /** A sender or receiver: an identifier with its authority (e.g. {@code GS1}) and contact details. */
    public record Partner(String identifier, String authority, List<ContactInformation> contactInformation) {
        public Partner {
            Objects.requireNonNull(identifier, "identifier");
            contactInformation = Lists.copy(contactInformation);
        }
    }

    public record ContactInformation(String contact, String emailAddress, String faxNumber,
                                     String telephoneNumber, String contactTypeIdentifier) {
    }

    public record DocumentIdentification(String standard, String typeVersion, String instanceIdentifier,
                                         String type, Boolean multipleType, String creationDateAndTime) {
    }

    /** A business scope entry; its correlation or scope information is kept as extension elements. */
    public record Scope(String type, String instanceIdentifier, String identifier,
                        List<ExtensionElement> scopeInformation) {
        public Scope {
            scopeInformation = Lists.copy(scopeInformation);
        }
    }

    /**
     * The header the JSON-LD members {@code sender}, {@code receiver} and {@code instanceIdentifier} stand for
     * (EPCIS 2.0 §10): header version 1.0, standard EPCglobal, type version 2.0, type Events, created at the
     * document's creation date. {@code null} when all three are absent.
     */
    public static Sbdh derived(String sender, String receiver, String instanceIdentifier, EpcisTime creationDate) {
        if (sender == null && receiver == null && instanceIdentifier == null) {
            return null;
        }
        return new Sbdh("1.0",
                sender == null ? List.of() : List.of(new Partner(sender, null, List.of())),
                receiver == null ? List.of() : List.of(new Partner(receiver, null, List.of())),
                new DocumentIdentification("EPCglobal", "2.0", instanceIdentifier, "Events", null,
                        creationDate == null ? null : creationDate.toString()),
                List.of());
    }

    /**
     * Whether the header has what the SBDH schema requires: a sender, a receiver and a document identification
     * with standard, type version, instance identifier, type and creation time.
     */
    public boolean isComplete() {
        DocumentIdentification d = documentIdentification;
        return headerVersion != null && !senders.isEmpty() && !receivers.isEmpty() && d != null
                && d.standard() != null && d.typeVersion() != null && d.instanceIdentifier() != null
                && d.type() != null && d.creationDateAndTime() != null;
    }

    /** The first sender's identifier, which the JSON-LD binding calls {@code sender}. */
    public String sender() {
        return senders.isEmpty() ? null : senders.get(0).identifier();
    }

    public String receiver() {
        return receivers.isEmpty() ? null : receivers.get(0).identifier();
    }

    public String instanceIdentifier() {
        return documentIdentification == null ? null : documentIdentification.instanceIdentifier();
    }
}
