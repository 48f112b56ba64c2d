package io.tracewell.epcis.conformance;

import io.tracewell.epcis.conformance.NormalizedXml.Attribute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two EPCIS XML documents by meaning ({@link XmlNormalizer} says what counts as "the same") and reports the
 * first difference (or all of them, up to a limit) with an XPath-like path, spelled with the expected document's
 * prefixes: {@code /epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[2]/bizStep} for an element,
 * {@code .../sensorReport/@value} for an attribute. Parses with the JDK's DOM parser only, independent of the
 * project's XML reader.
 */
public final class XmlSemanticComparator {

    /** The first difference, in the expected document's order. */
    public Optional<Difference> compare(byte[] expected, byte[] actual) {
        return differences(expected, actual, 1).stream().findFirst();
    }

    public Optional<Difference> compare(String expected, String actual) {
        return compare(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** Up to {@code limit} differences, the first one first; a differing subtree counts once. */
    public List<Difference> differences(byte[] expected, byte[] actual, int limit) {
        NormalizedXml e = XmlNormalizer.normalize(SafeXml.parse(expected, "expected"));
        NormalizedXml a = XmlNormalizer.normalize(SafeXml.parse(actual, "actual"));
        String path = "/" + e.writtenName();
        List<Difference> found = new ArrayList<>();
        if (!e.key().equals(a.key())) {
            found.add(new Difference(path, "different root element", e.key(), a.key()));
        } else {
            compare(e, a, path, found, limit);
        }
        return found;
    }

    private static void compare(NormalizedXml e, NormalizedXml a, String path, List<Difference> found,
                                int limit) {
        if (found.size() >= limit) {
            return;
        }
        for (Map.Entry<String, Attribute> attr : e.attributes().entrySet()) {
            Attribute other = a.attributes().get(attr.getKey());
            String at = path + "/@" + attr.getValue().writtenName();
            if (other == null) {
                found.add(new Difference(at, "attribute missing (" + attr.getKey() + ")",
                        attr.getValue().written(), Difference.NOTHING));
            } else if (!attr.getValue().canonical().equals(other.canonical())) {
                found.add(new Difference(at, "attribute values differ", attr.getValue().written(),
                        other.written()));
            }
        }
        for (Map.Entry<String, Attribute> attr : a.attributes().entrySet()) {
            if (!e.attributes().containsKey(attr.getKey())) {
                found.add(new Difference(path + "/@" + attr.getValue().writtenName(),
                        "unexpected attribute (" + attr.getKey() + ")", Difference.NOTHING,
                        attr.getValue().written()));
            }
        }
        if (!e.text().equals(a.text())) {
            found.add(new Difference(path, "text differs", quote(e.writtenText()), quote(a.writtenText())));
        }
        Map<String, List<NormalizedXml>> expectedGroups = groups(e.children());
        Map<String, List<NormalizedXml>> actualGroups = groups(a.children());
        for (Map.Entry<String, List<NormalizedXml>> group : expectedGroups.entrySet()) {
            List<NormalizedXml> es = group.getValue();
            List<NormalizedXml> as = actualGroups.getOrDefault(group.getKey(), List.of());
            boolean indexed = Math.max(es.size(), as.size()) > 1;
            int common = Math.min(es.size(), as.size());
            for (int i = 0; i < common; i++) {
                compare(es.get(i), as.get(i), step(path, es.get(i), i, indexed), found, limit);
            }
            if (es.size() > common) {
                NormalizedXml missing = es.get(common);
                found.add(new Difference(step(path, missing, common, indexed),
                        "element missing (" + missing.key() + ")", show(missing), Difference.NOTHING));
            } else if (as.size() > common) {
                NormalizedXml extra = as.get(common);
                found.add(new Difference(step(path, extra, common, indexed),
                        "unexpected element (" + extra.key() + ")", Difference.NOTHING, show(extra)));
            }
        }
        for (Map.Entry<String, List<NormalizedXml>> group : actualGroups.entrySet()) {
            if (!expectedGroups.containsKey(group.getKey())) {
                NormalizedXml extra = group.getValue().get(0);
                found.add(new Difference(step(path, extra, 0, group.getValue().size() > 1),
                        "unexpected element (" + extra.key() + ")", Difference.NOTHING, show(extra)));
            }
        }
    }

    private static Map<String, List<NormalizedXml>> groups(List<NormalizedXml> children) {
        Map<String, List<NormalizedXml>> groups = new LinkedHashMap<>();
        for (NormalizedXml child : children) {
            groups.computeIfAbsent(child.key(), k -> new ArrayList<>()).add(child);
        }
        return groups;
    }

    private static String step(String path, NormalizedXml element, int index, boolean indexed) {
        return path + "/" + element.writtenName() + (indexed ? "[" + (index + 1) + "]" : "");
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    /** A short rendering of an element: its name, attributes and text, and how many children it has. */
    private static String show(NormalizedXml element) {
        StringBuilder sb = new StringBuilder("<").append(element.writtenName());
        element.attributes().values().forEach(a ->
                sb.append(' ').append(a.writtenName()).append("=\"").append(a.written()).append('"'));
        sb.append('>');
        if (!element.writtenText().isEmpty()) {
            sb.append(element.writtenText());
        }
        if (!element.children().isEmpty()) {
            sb.append("…(").append(element.children().size()).append(" child elements)");
        }
        return sb.toString();
    }
}
