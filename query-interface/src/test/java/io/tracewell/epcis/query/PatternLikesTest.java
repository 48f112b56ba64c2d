package io.tracewell.epcis.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.EpcPattern;
import io.tracewell.epcis.id.EpcScheme;
import io.tracewell.epcis.id.Gs1Key;
import io.tracewell.epcis.id.IdentifierException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The LIKE patterns of {@link PatternLikes} select exactly the identifiers {@link EpcPattern#matches} selects:
 * checked for every pattern that can be cut from a set of identifiers of all GS1 key schemes (each rendered with
 * every company prefix length that fits it, with 0 to all components fixed) against every identifier of the set.
 */
class PatternLikesTest {

    /** Identifiers of every scheme, with near misses: other indicator digits, UPUI beside SGTIN, lots, escapes. */
    static final List<String> IDENTIFIERS = List.of(
            "urn:epc:id:sgtin:0614141.107346.2017",
            "urn:epc:id:sgtin:0614141.107346.A_1",
            "urn:epc:id:sgtin:0614141.207346.2017",
            "urn:epc:id:sgtin:0614141.107347.x%2Fy%25z",
            "urn:epc:id:sgtin:061414.1107346.2017",
            "urn:epc:id:sgtin:0614142.107346.2017",
            "https://id.gs1.org/01/00614141999996/21/1",
            "https://id.gs1.org/01/10614141073464",
            "https://id.gs1.org/01/10614141073464/10/LOT_1",
            "urn:epc:class:lgtin:0614141.107346.L%2F2",
            "urn:epc:id:upui:0614141.107346.TPX1",
            "https://id.gs1.org/01/10614141073464/235/TPX2",
            "urn:epc:id:sscc:0614141.1234567890",
            "urn:epc:id:sscc:0614141.2234567890",
            "urn:epc:id:sscc:06141411.234567890",
            "urn:epc:id:sgln:0614141.12345.400",
            "urn:epc:id:sgln:0614141.12345.0",
            "urn:epc:id:sgln:0614141.12346.E_1",
            "urn:epc:id:pgln:0614141.12345",
            "urn:epc:id:grai:0614141.12345.400",
            "urn:epc:id:grai:0614141.12346.A%2F1",
            "urn:epc:idpat:grai:0614141.12345.*",
            "urn:epc:id:giai:0614141.12345400",
            "urn:epc:id:giai:0614141.AB_C%2F1",
            "urn:epc:id:giai:061414112.X",
            "urn:epc:id:gsrn:0614141.1234567890",
            "urn:epc:id:gsrnp:0614141.1234567890",
            "urn:epc:id:gdti:0614141.12345.400",
            "urn:epc:id:gdti:0614141.12346.ABC",
            "urn:epc:id:cpi:0614141.123ABC.123456789",
            "urn:epc:id:cpi:0614141.1-A%23%2FB.1",
            "urn:epc:idpat:cpi:0614141.123ABC.*",
            "urn:epc:id:sgcn:4012345.67890.04711",
            "urn:epc:id:ginc:0614141.xyz47%2F11",
            "urn:epc:id:gsin:0614141.123456789",
            "urn:epc:id:itip:4012345.012345.01.02.987",
            "urn:epc:id:itip:4012345.012345.02.02.987",
            "urn:epc:idpat:itip:4012345.012345.01.02.*",
            "https://id.gs1.org/8006/040123451234560102/10/LOT1",
            "https://id.gs1.org/8006/040123451234560102/10/LOT1/21/5",
            "urn:epc:id:gid:95100000.12345.400",
            "urn:example:not-a-gs1-key");

    @Test
    void everyPatternSelectsWhatEpcPatternMatchesSelects() {
        List<Epc> candidates = IDENTIFIERS.stream().map(Epc::parse).toList();
        Set<EpcPattern> patterns = new LinkedHashSet<>();
        for (Epc candidate : candidates) {
            patterns.addAll(patternsFrom(candidate));
        }
        assertThat(patterns).hasSizeGreaterThan(200);
        int matched = 0;
        for (EpcPattern pattern : patterns) {
            List<Pattern> likes = PatternLikes.of(pattern).stream().map(PatternLikesTest::likeRegex).toList();
            for (Epc candidate : candidates) {
                boolean sql = likes.stream().anyMatch(l -> l.matcher(candidate.canonical()).matches());
                assertThat(sql).as("%s on %s (LIKE %s)", pattern, candidate.canonical(), PatternLikes.of(pattern))
                        .isEqualTo(pattern.matches(candidate));
                matched += sql ? 1 : 0;
            }
        }
        // Not a vacuous agreement: many pairs match, many do not.
        assertThat(matched).isGreaterThan(500).isLessThan(patterns.size() * candidates.size() / 2);
    }

    @Test
    void patternsOfEachShapeAgreeOnStoredSgtins() {
        Epc sgtin = Epc.parse("https://id.gs1.org/01/00614141073467/21/2017");
        Epc otherItem = Epc.parse("urn:epc:id:sgtin:0614141.007347.2017");
        Epc otherCompany = Epc.parse("urn:epc:id:sgtin:0614142.007346.2017");
        for (String p : List.of("urn:epc:idpat:sgtin:0614141.007346.2017", "urn:epc:idpat:sgtin:0614141.007346.*",
                "urn:epc:idpat:sgtin:0614141.*.*", "urn:epc:idpat:sgtin:*.*.*")) {
            assertThat(selects(p, sgtin)).as(p).isTrue();
        }
        assertThat(selects("urn:epc:idpat:sgtin:0614141.007346.*", otherItem)).isFalse();
        assertThat(selects("urn:epc:idpat:sgtin:0614141.*.*", otherItem)).isTrue();
        assertThat(selects("urn:epc:idpat:sgtin:0614141.*.*", otherCompany)).isFalse();
        assertThat(selects("urn:epc:idpat:sgtin:*.*.*", otherCompany)).isTrue();
        assertThat(selects("urn:epc:idpat:sscc:*.*", otherCompany)).isFalse();
    }

    @Test
    void everyLikeKeepsAFixedLeadingPartBeyondTheHost() {
        for (String id : IDENTIFIERS) {
            for (EpcPattern pattern : patternsFrom(Epc.parse(id))) {
                for (String like : PatternLikes.of(pattern)) {
                    String fixed = like.split("(?<!\\\\)[%_]", 2)[0];
                    // https://id.gs1.org/<AI>/ at least, and the company prefix too when the pattern has one.
                    assertThat(fixed).as(like).matches("https://id\\.gs1\\.org/\\d+/.*");
                    if (pattern.fixedComponents() > 0) {
                        assertThat(fixed).as(like).contains(pattern.components().get(0));
                    }
                }
            }
        }
    }

    @Test
    void valuesAreEscaped() {
        assertThat(PatternLikes.escape("a_b%c\\d")).isEqualTo("a\\_b\\%c\\\\d");
        assertThat(PatternLikes.of(EpcPattern.parse("urn:epc:idpat:sgtin:0614141.107346.A_1")))
                .containsExactly("https://id.gs1.org/01/10614141073464/21/A\\_1");
    }

    private static boolean selects(String pattern, Epc candidate) {
        EpcPattern p = EpcPattern.parse(pattern);
        boolean sql = PatternLikes.of(p).stream().map(PatternLikesTest::likeRegex)
                .anyMatch(l -> l.matcher(candidate.canonical()).matches());
        assertThat(sql).as("%s on %s", pattern, candidate).isEqualTo(p.matches(candidate));
        return sql;
    }

    /** The patterns with 0 to all components fixed, for each company prefix length the key can be rendered with. */
    static Set<EpcPattern> patternsFrom(Epc candidate) {
        Set<EpcPattern> patterns = new LinkedHashSet<>();
        if (!(candidate instanceof Gs1Key key) || key.scheme() == EpcScheme.LGTIN) {
            return patterns;
        }
        EpcScheme scheme = key.scheme();
        for (int l = 6; l <= 12; l++) {
            String urn;
            try {
                urn = key.withGcpLength(l).toUrn();
            } catch (IdentifierException e) {
                continue;
            }
            int p = 0;
            for (int c = 0; c < 4; c++) {
                p = urn.indexOf(':', p) + 1;
            }
            List<String> components = Arrays.asList(urn.substring(p).split("\\.", scheme.components()));
            for (int k = 0; k <= components.size(); k++) {
                List<String> fixed = new ArrayList<>(components.subList(0, k));
                if (fixed.contains("*")) {
                    break;
                }
                while (fixed.size() < components.size()) {
                    fixed.add("*");
                }
                patterns.add(EpcPattern.parse(scheme.patternPrefix() + String.join(".", fixed)));
            }
        }
        return patterns;
    }

    /** SQL LIKE with MariaDB's default escape character as a regular expression over the whole value. */
    static Pattern likeRegex(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
