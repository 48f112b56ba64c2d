package io.tracewell.epcis.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tracewell.epcis.id.AiComponent.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our AI table and Digital Link key table against the GS1 Barcode Syntax Dictionary
 * ({@code gs1/translation-vectors/gs1-syntax-dictionary.txt}), read at test time: for every AI we define, the same
 * lengths, character sets, check digit and date rules and the same need for an FNC1 separator; for every Digital Link
 * primary key, the same qualifier sequences.
 */
@Tag("conformance")
class AiTableConformanceTest {

    /** One dictionary entry, reduced to what our table models. */
    record Entry(boolean predefined, List<String> components, List<String> attributes) {
    }

    private static Map<String, Entry> dictionary() throws IOException {
        String dir = System.getProperty("gs1.dir");
        if (dir == null) {
            fail("system property gs1.dir (GS1 reference folder) is not set");
        }
        Map<String, Entry> entries = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(dir, "translation-vectors", "gs1-syntax-dictionary.txt"),
                StandardCharsets.UTF_8)) {
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (body.isEmpty()) {
                continue;
            }
            String[] tokens = body.split("\\s+");
            int t = 1;
            boolean predefined = false;
            if (t < tokens.length && tokens[t].matches("[*?!\"$%&'()+,\\-./:;<=>@\\[\\\\\\]^_`{|}~]+")
                    && !tokens[t].startsWith("[")) {
                predefined = tokens[t].contains("*");
                t++;
            }
            List<String> components = new ArrayList<>();
            List<String> attributes = new ArrayList<>();
            for (; t < tokens.length; t++) {
                if (tokens[t].matches("\\[?[NXYZ][0-9.]+\\]?(,\\w+)*")) {
                    components.add(tokens[t]);
                } else {
                    attributes.add(tokens[t]);
                }
            }
            Entry entry = new Entry(predefined, components, attributes);
            String ais = tokens[0];
            if (ais.contains("-")) {
                String[] range = ais.split("-");
                for (int ai = Integer.parseInt(range[0]); ai <= Integer.parseInt(range[1]); ai++) {
                    entries.put(String.format("%0" + range[0].length() + "d", ai), entry);
                }
            } else {
                entries.put(ais, entry);
            }
        }
        assertThat(entries).hasSizeGreaterThan(400);
        return entries;
    }

    @Test
    void everyAiWeDefineHasTheDictionarysFormat() throws IOException {
        Map<String, Entry> dictionary = dictionary();
        Set<String> ours = new TreeSet<>(AiTable.codes());
        assertThat(dictionary.keySet()).containsAll(ours);
        for (String code : ours) {
            ApplicationIdentifier ai = AiTable.get(code);
            Entry entry = dictionary.get(code);
            String what = "AI " + code;
            assertThat(!ai.needsSeparator()).as(what + " predefined length").isEqualTo(entry.predefined());
            int min = 0;
            int max = 0;
            Set<CharacterSet> sets = new TreeSet<>();
            Set<String> rules = new TreeSet<>();
            for (String c : entry.components()) {
                boolean optional = c.startsWith("[");
                String spec = c.replace("[", "").replace("]", "");
                String[] parts = spec.split(",");
                String type = parts[0];
                sets.add(switch (type.charAt(0)) {
                    case 'N' -> CharacterSet.NUMERIC;
                    case 'X' -> CharacterSet.CSET82;
                    case 'Y' -> CharacterSet.CSET39;
                    default -> CharacterSet.CSET64;
                });
                int cMax = Integer.parseInt(type.substring(type.startsWith(type.charAt(0) + "..") ? 3 : 1));
                int cMin = type.contains("..") ? 1 : cMax;
                max += cMax;
                min += optional ? 0 : cMin;
                for (int i = 1; i < parts.length; i++) {
                    rules.add(parts[i]);
                }
            }
            int ourMin = ai.components().stream().filter(c -> !c.optional()).mapToInt(AiComponent::min).sum();
            Set<CharacterSet> ourSets = new TreeSet<>();
            Set<Rule> ourRules = new TreeSet<>();
            ai.components().forEach(c -> {
                ourSets.add(c.set());
                ourRules.add(c.rule());
            });
            assertThat(ai.maxLength()).as(what + " max length").isEqualTo(max);
            assertThat(ourMin).as(what + " min length").isEqualTo(min);
            assertThat(ourSets).as(what + " character sets").isEqualTo(sets);
            assertThat(ourRules.contains(Rule.CHECK_DIGIT)).as(what + " check digit").isEqualTo(rules.contains("csum"));
            assertThat(ourRules.contains(Rule.DATE_YYMMD0)).as(what + " day 00").isEqualTo(rules.contains("yymmd0"));
            assertThat(ourRules.contains(Rule.DATE_YYMMDD)).as(what + " date").isEqualTo(rules.contains("yymmdd"));
            assertThat(ourRules.contains(Rule.PIECE_OF_TOTAL)).as(what).isEqualTo(rules.contains("pieceoftotal"));
            assertThat(ourRules.contains(Rule.NO_ZERO_PREFIX)).as(what).isEqualTo(rules.contains("nozeroprefix"));
        }
    }

    @Test
    void digitalLinkKeysHaveTheDictionarysQualifiers() throws IOException {
        Map<String, Entry> dictionary = dictionary();
        Set<String> keysWithoutEpcScheme = Set.of("415", "8013");
        int compared = 0;
        for (Map.Entry<String, Entry> e : dictionary.entrySet()) {
            for (String attribute : e.getValue().attributes()) {
                if (!attribute.startsWith("dlpkey")) {
                    continue;
                }
                String ai = e.getKey();
                if (keysWithoutEpcScheme.contains(ai)) {
                    assertThat(DigitalLinkKeys.isPrimaryKey(ai)).isFalse();
                    continue;
                }
                List<List<String>> expected = new ArrayList<>();
                if (attribute.startsWith("dlpkey=")) {
                    for (String seq : attribute.substring(7).split("\\|")) {
                        expected.add(List.of(seq.split(",")));
                    }
                }
                assertThat(DigitalLinkKeys.QUALIFIERS.get(ai)).as("qualifiers of AI " + ai).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(DigitalLinkKeys.QUALIFIERS.size());
    }
}
