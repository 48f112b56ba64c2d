package io.tracewell.epcis.store.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which stored events a {@link Caller} may read, as an SQL condition on an {@code epcis_event} row (docs/security.md,
 * "Visibility"). Every read path ANDs it to its own condition, so no query parameter, page token or resource can
 * reach an event outside it.
 *
 * <ul>
 *   <li>{@link Caller.Role#REGULATOR}: every event. No condition at all ({@link #events} is empty), so the SQL a
 *       regulator runs is exactly the SQL the query benchmark measures.</li>
 *   <li>{@link Caller.Role#QUERY}: the events its own organisation captured.</li>
 *   <li>{@link Caller.Role#PARTNER}: the events that name one of its GLNs as a source or destination of any type
 *       (owning party, possessing party, location), and the history of the items in them: every event that
 *       names, in any role (EPC list, parent, child, input, output, or a quantity's class), an identifier that
 *       such an event names, or that an aggregation event lists as a child (or child quantity) of such an
 *       identifier as its parent: the packs of a case shipped under its SSCC. Nothing further is followed.</li>
 *   <li>A caller with several of these roles sees the union; one with none of them sees nothing.</li>
 * </ul>
 *
 * <p>GLNs are matched in the form the store keeps sources and destinations in, the canonical Digital Link
 * (docs/identifiers.md): {@code urn:epc:id:pgln:...} and {@code https://id.gs1.org/417/...} as
 * {@code https://id.gs1.org/417/<gln>}, {@code urn:epc:id:sgln:...} and {@code /414/} as
 * {@code https://id.gs1.org/414/<gln>}, with {@code /254/<extension>} for a location with an extension.
 */
public final class Visibility {

    /** How the canonical Digital Links of a GLN begin (Keys.ID_GS1_ORG in epcis-model). */
    static final String PARTY = "https://id.gs1.org/417/";
    static final String LOCATION = "https://id.gs1.org/414/";

    private static final Pattern GLN = Pattern.compile("[0-9]{13}");

    private Visibility() {}

    /** An SQL condition and the arguments of its placeholders, in order. */
    public record Condition(String sql, List<Object> arguments) {
        public Condition {
            Objects.requireNonNull(sql, "sql");
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * The condition on the {@code epcis_event} row called {@code alias} that keeps the events {@code caller} may
     * read; empty when it may read every event.
     */
    public static Optional<Condition> events(Caller caller, String alias) {
        Objects.requireNonNull(caller, "caller");
        if (caller.readsAll()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (caller.has(Caller.Role.QUERY)) {
            parts.add(alias + ".organisation = ?");
            arguments.add(caller.organisation());
        }
        List<String> glns = glns(caller);
        if (caller.has(Caller.Role.PARTNER) && !glns.isEmpty()) {
            // The events naming the partner: a look-up of the GLN forms on the canonical_id index.
            parts.add("EXISTS (SELECT 1 FROM epcis_event_source_dest vsd WHERE vsd.event_row_id = " + alias
                    + ".id AND " + glnMatch("vsd", glns, arguments) + ")");
            // The history of their items: any event naming an identifier that one of those events names, or that
            // an aggregation lists as a child of such an identifier (the packs of a case shipped by its SSCC).
            String items = namedItems("1", glns, arguments);
            String contents = "SELECT vc.canonical_id FROM epcis_event_epc vp JOIN epcis_event_epc vc"
                    + " ON vc.event_row_id = vp.event_row_id AND vc.role IN ('CHILD', 'CHILD_QUANTITY')"
                    + " WHERE vp.role = 'PARENT' AND vp.canonical_id IN (" + namedItems("2", glns, arguments) + ")";
            parts.add("EXISTS (SELECT 1 FROM epcis_event_epc vi WHERE vi.event_row_id = " + alias + ".id"
                    + " AND (vi.canonical_id IN (" + items + ") OR vi.canonical_id IN (" + contents + ")))");
        }
        if (parts.isEmpty()) {
            return Optional.of(new Condition("1 = 0", List.of()));
        }
        return Optional.of(new Condition(parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")",
                arguments));
    }

    /**
     * Whether {@code caller} may see what an organisation owns as a whole (its capture jobs, named queries,
     * subscriptions): its own organisation's, or everything for a regulator.
     */
    public static boolean owns(Caller caller, String organisation) {
        return caller.readsAll() || caller.organisation().equals(organisation);
    }

    /** The caller's valid 13-digit GLNs, sorted (so equal callers give equal SQL); others are ignored. */
    static List<String> glns(Caller caller) {
        TreeSet<String> valid = new TreeSet<>();
        for (String gln : caller.partnerGlns()) {
            if (gln != null && GLN.matcher(gln).matches()) {
                valid.add(gln);
            }
        }
        return List.copyOf(valid);
    }

    /** The identifiers of the events naming one of the GLNs; {@code suffix} keeps the aliases apart. */
    private static String namedItems(String suffix, List<String> glns, List<Object> arguments) {
        return "SELECT vn" + suffix + ".canonical_id FROM epcis_event_source_dest vs" + suffix
                + " JOIN epcis_event_epc vn" + suffix + " ON vn" + suffix + ".event_row_id = vs" + suffix
                + ".event_row_id WHERE " + glnMatch("vs" + suffix, glns, arguments);
    }

    private static String glnMatch(String alias, List<String> glns, List<Object> arguments) {
        StringBuilder in = new StringBuilder(alias).append(".canonical_id IN (");
        StringBuilder like = new StringBuilder();
        for (int i = 0; i < glns.size(); i++) {
            String gln = glns.get(i);
            in.append(i == 0 ? "?, ?" : ", ?, ?");
            arguments.add(PARTY + gln);
            arguments.add(LOCATION + gln);
        }
        in.append(')');
        for (String gln : glns) {
            like.append(" OR ").append(alias).append(".canonical_id LIKE ?");
            arguments.add(LOCATION + gln + "/254/%");
        }
        return "(" + in + like + ")";
    }
}
