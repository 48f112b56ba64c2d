package io.tracewell.epcis.id;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A GS1 Digital Link URI (GS1 Digital Link URI Syntax 1.2+): a primary key with its qualifiers in the path, data
 * attributes in the query. The host and any path before the key are not part of the value (any domain may carry a
 * Digital Link); rendering uses {@code https://id.gs1.org} unless told otherwise.
 *
 * @param path           primary key, then its qualifiers in the allowed order
 * @param dataAttributes AIs from the query string, in order
 */
public record DigitalLink(List<AiValue> path, List<AiValue> dataAttributes) {

    public DigitalLink {
        path = List.copyOf(path);
        dataAttributes = List.copyOf(dataAttributes);
        if (path.isEmpty() || !DigitalLinkKeys.isPrimaryKey(path.get(0).ai())) {
            throw new IdentifierException("a Digital Link path must start with a primary key AI");
        }
        List<String> qualifiers = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) {
            qualifiers.add(path.get(i).ai());
        }
        String bad = badQualifier(path.get(0).ai(), qualifiers);
        if (bad != null) {
            throw new IdentifierException(bad);
        }
        for (AiValue a : dataAttributes) {
            if (DigitalLinkKeys.isPathAi(a.ai())) {
                throw new IdentifierException("AI " + a.ai() + " is a key or key qualifier and belongs in the path");
            }
        }
    }

    /** Parses a Digital Link URI on any host; GTIN-8/12/13 after AI 01 are padded to 14 digits. */
    public static DigitalLink parse(String uri) {
        return DigitalLinkParser.parse(uri);
    }

    /** Whether the URI's host is id.gs1.org (then it must be a valid Digital Link). */
    static boolean onGs1Host(String uri) {
        return DigitalLinkParser.host(uri).equalsIgnoreCase("id.gs1.org");
    }

    /**
     * The Digital Link of an element string: its first primary key AI, the qualifiers of that key present in the
     * string, and every other AI as data attribute.
     */
    public static DigitalLink from(ElementString elements) {
        AiValue key = null;
        for (AiValue v : elements.values()) {
            if (DigitalLinkKeys.isPrimaryKey(v.ai())) {
                key = v;
                break;
            }
        }
        if (key == null) {
            throw new IdentifierException("no GS1 Digital Link primary key in " + elements.toBracketed());
        }
        List<AiValue> path = new ArrayList<>();
        path.add(key);
        List<AiValue> attributes = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (List<String> seq : DigitalLinkKeys.QUALIFIERS.get(key.ai())) {
            order.addAll(seq);
        }
        for (String q : order) {
            elements.get(q).ifPresent(value -> path.add(new AiValue(q, value)));
        }
        for (AiValue v : elements.values()) {
            if (v != key && !order.contains(v.ai()) && !v.ai().equals(key.ai())) {
                attributes.add(v);
            }
        }
        return new DigitalLink(path, attributes);
    }

    public AiValue primaryKey() {
        return path.get(0);
    }

    public Optional<String> qualifier(String ai) {
        for (int i = 1; i < path.size(); i++) {
            if (path.get(i).ai().equals(ai)) {
                return Optional.of(path.get(i).value());
            }
        }
        return Optional.empty();
    }

    public ElementString toElementString() {
        List<AiValue> all = new ArrayList<>(path);
        all.addAll(dataAttributes);
        return new ElementString(all);
    }

    /** {@code https://id.gs1.org/...} with numeric AIs, all qualifiers and the data attributes as query. */
    public String toUri() {
        return toUri(Keys.ID_GS1_ORG);
    }

    public String toUri(String resolverBase) {
        String[] pairs = new String[path.size() * 2];
        for (int i = 0; i < path.size(); i++) {
            pairs[2 * i] = path.get(i).ai();
            pairs[2 * i + 1] = path.get(i).value();
        }
        StringBuilder sb = new StringBuilder(Keys.dl(resolverBase, pairs));
        char sep = '?';
        for (AiValue a : dataAttributes) {
            sb.append(sep).append(a.ai()).append('=').append(PercentCodec.escape(a.value()));
            sep = '&';
        }
        return sb.toString();
    }

    /**
     * The GS1 key at the finest identification level the path gives (constrained canonical Digital Link of the
     * CBV 2.0 event hash rules): serial over lot ({@code /01/x/10/l/21/s} is an SGTIN), consumer product variant (22),
     * UIC extension (7040) and SRIN (8019) not kept, data attributes not kept. The company prefix length is taken
     * from {@code lengths} when known there.
     */
    public Gs1Key toKey(CompanyPrefixLengths lengths) {
        String ai = primaryKey().ai();
        String v = primaryKey().value();
        Optional<String> serial = qualifier("21");
        Optional<String> lot = qualifier("10");
        Gs1Key key = switch (ai) {
            case "00" -> Sscc.of(v);
            case "01" -> gtinKey(new Gtin(v), serial, lot, qualifier("235"));
            case "253" -> new Gdti(v.substring(0, 13), rest(v, 13), OptionalInt.empty());
            case "255" -> new Sgcn(v.substring(0, 13), rest(v, 13), OptionalInt.empty());
            case "401" -> Ginc.of(v);
            case "402" -> Gsin.of(v);
            case "414" -> new Sgln(new Gln(v), qualifier("254"), OptionalInt.empty());
            case "417" -> Pgln.of(new Gln(v));
            case "8003" -> new Grai(v.substring(1, 14), rest(v, 14), OptionalInt.empty());
            case "8004" -> Giai.of(v);
            case "8006" -> new Itip(v, serial, serial.isPresent() ? Optional.empty() : lot, OptionalInt.empty());
            case "8010" -> new Cpi(v, qualifier("8011"), OptionalInt.empty());
            case "8017" -> Gsrnp.of(v);
            case "8018" -> Gsrn.of(v);
            default -> throw new IllegalStateException("no EPC scheme for primary key AI " + ai);
        };
        OptionalInt l = lengths.lengthFor(key.prefixedDigits());
        if (l.isPresent()) {
            try {
                return key.withGcpLength(l.getAsInt());
            } catch (IdentifierException e) {
                // The table's length does not fit this key; translateToUrn reports it.
                return key;
            }
        }
        return key;
    }

    private static Gs1Key gtinKey(Gtin gtin, Optional<String> serial, Optional<String> lot, Optional<String> tpx) {
        if (serial.isPresent()) {
            return Sgtin.of(gtin, serial.get());
        }
        if (tpx.isPresent()) {
            return Upui.of(gtin, tpx.get());
        }
        return lot.isPresent() ? Lgtin.of(gtin, lot.get()) : ProductClass.of(gtin);
    }

    private static Optional<String> rest(String v, int from) {
        return v.length() > from ? Optional.of(v.substring(from)) : Optional.empty();
    }

    /** Null if the qualifiers fit one of the key's qualifier sequences in order, else the reason. */
    static String badQualifier(String key, List<String> qualifiers) {
        List<List<String>> alternatives = DigitalLinkKeys.QUALIFIERS.get(key);
        for (List<String> seq : alternatives) {
            int at = -1;
            boolean fits = true;
            for (String q : qualifiers) {
                int idx = seq.indexOf(q);
                if (idx <= at) {
                    fits = false;
                    break;
                }
                at = idx;
            }
            if (fits) {
                return null;
            }
        }
        if (qualifiers.isEmpty()) {
            return null;
        }
        return "qualifiers " + String.join(", ", qualifiers) + " not allowed after AI " + key + " (allowed in order: "
                + DigitalLinkKeys.describe(key) + ")";
    }

    @Override
    public String toString() {
        return toUri();
    }
}
