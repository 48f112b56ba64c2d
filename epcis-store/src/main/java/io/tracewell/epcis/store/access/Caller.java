package io.tracewell.epcis.store.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, once authenticated: the subject (a token's {@code sub}, an API key's id), the organisation it
 * acts for, its roles, and, for a trading partner, the GLNs that identify it in events.
 *
 * <p>Every stored event records the organisation that captured it; the read paths decide from a caller what it
 * may see (docs/security.md): {@link Role#QUERY} its own organisation's events, {@link Role#PARTNER} the events
 * that name one of its GLNs as a source or destination owning party or location and the history of the items in
 * them, {@link Role#REGULATOR} everything.
 *
 * @param subject      who authenticated, for the log and audit (never a secret)
 * @param organisation the organisation the caller acts for; never blank
 * @param roles        what the caller may do
 * @param partnerGlns  the 13-digit GLNs of a partner (empty for other callers)
 */
public record Caller(String subject, String organisation, Set<Role> roles, Set<String> partnerGlns) {

    /** What a caller may do. */
    public enum Role {
        /** Submit events and documents, request serial numbers, recall. */
        CAPTURE,
        /** Read its own organisation's events. */
        QUERY,
        /** Read the events that name its GLNs and the history of the items in them. */
        PARTNER,
        /** Read every organisation's events. */
        REGULATOR,
        /** Manage keys, partners, connectors and their deliveries. */
        ADMIN
    }

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(organisation, "organisation");
        if (organisation.isBlank()) {
            throw new IllegalArgumentException("a caller acts for an organisation");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        partnerGlns = Set.copyOf(partnerGlns);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller reads every organisation's events. */
    public boolean readsAll() {
        return has(Role.REGULATOR);
    }
}
