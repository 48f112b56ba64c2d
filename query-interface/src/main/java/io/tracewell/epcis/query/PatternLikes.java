package io.tracewell.epcis.query;

import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.EpcPattern;
import io.tracewell.epcis.id.EpcScheme;
import java.util.ArrayList;
import java.util.List;

/**
 * An EPC pattern ({@code urn:epc:idpat:}) as SQL LIKE patterns (escape character {@code \}) on the canonical
 * Digital Links the store indexes, selecting the same identifiers as {@link EpcPattern#matches}.
 *
 * <p>Why this works: a canonical Digital Link ({@code https://id.gs1.org/<AI>/<key>[/<AI>/<qualifier>]}) has one
 * fixed layout per kind of key: the primary key AI names the scheme, numeric keys have a fixed number of digits,
 * and a {@code /} inside a value is always written {@code %2F}, so the path segments never run into each other.
 * It carries no company prefix length, and neither does the comparison of {@code EpcPattern.matches}, which renders
 * the candidate with the pattern's prefix length: the company prefix component of a pattern is then simply the
 * digits of the key that follow the indicator (GTIN, ITIP), extension (SSCC) or filler (GRAI) digit. The further
 * components fix more of the key (whose check digit follows from them) and then the serial.
 *
 * <p>Where the pattern fixes the company prefix but the key begins with a digit the pattern leaves open (indicator
 * or extension digit), there is one LIKE for each of the ten digits, so that each still starts with a fixed part
 * that reaches into the company prefix and the {@code (canonical_id, role)} index reads only that range.
 *
 * <p>The kinds of key each pattern takes are those of {@code EpcPattern.matches}: an sgtin pattern also takes the
 * GTIN alone and GTIN + lot (class level) when its serial is '*', but not a UPUI; a upui pattern takes the GTIN
 * alone likewise; an ITIP with batch/lot has no EPC URI and only the all-wildcard itip pattern takes it. Stored
 * values that are not canonical Digital Links (other URIs, or identifiers the parser rejected, which the capture
 * interface does not let through) are not GS1 keys to {@code matches} either, and start with something else.
 */
final class PatternLikes {

    private static final String BASE = "https://id.gs1.org/";

    private PatternLikes() {}

    /** The LIKE patterns; an identifier falls under the pattern when its canonical form is LIKE one of them. */
    static List<String> of(EpcPattern pattern) {
        List<String> c = pattern.components();
        int k = pattern.fixedComponents();
        int n = c.size();
        EpcScheme scheme = pattern.scheme();
        if (k == n) {
            // Every component fixed: one instance, whose canonical form the identifier parser gives.
            return List.of(escape(Epc.canonicalOf(scheme.urnPrefix() + String.join(".", c))));
        }
        String prefix = k == 0 ? null : c.get(0);
        int l = k == 0 ? 0 : prefix.length();
        return switch (scheme) {
            case SGTIN -> gtinBased(pattern, "/21/%", "/10/%");
            case UPUI -> gtinBased(pattern, "/235/%");
            case ITIP -> itip(pattern);
            case SSCC -> k == 0 ? List.of(BASE + "00/%") : tenDigits(BASE + "00/", prefix, any(17 - l));
            case SGLN -> {
                if (k == 0) {
                    yield List.of(BASE + "414/%");
                }
                String head = k == 1 ? BASE + "414/" + prefix + any(13 - l)
                        : escape(Epc.canonicalOf("urn:epc:id:sgln:" + c.get(0) + "." + c.get(1) + ".0"));
                yield List.of(head, head + "/254/%");
            }
            case PGLN -> numeric("417/", prefix, 13 - l);
            case GSRN -> numeric("8018/", prefix, 18 - l);
            case GSRNP -> numeric("8017/", prefix, 18 - l);
            case GSIN -> numeric("402/", prefix, 17 - l);
            // Key digits, then the serial in the same segment (absent at class level).
            case GRAI -> serialInSegment(pattern, "8003/0");
            case GDTI -> serialInSegment(pattern, "253/");
            case SGCN -> serialInSegment(pattern, "255/");
            // Company prefix, then an alphanumeric reference: any continuation.
            case GIAI -> List.of(BASE + "8004/" + (k == 0 ? "" : prefix) + "%");
            case GINC -> List.of(BASE + "401/" + (k == 0 ? "" : prefix) + "%");
            case CPI -> {
                if (k < 2) {
                    yield List.of(BASE + "8010/" + (k == 0 ? "" : prefix) + "%");
                }
                String head = escape(classLevel(pattern));
                yield List.of(head, head + "/8011/%");
            }
            case LGTIN -> throw new IllegalArgumentException("LGTIN has no EPC pattern form");
        };
    }

    /** GTIN alone, or GTIN with one of the qualifiers; the serial component is '*'. */
    private static List<String> gtinBased(EpcPattern pattern, String... qualifiers) {
        int k = pattern.fixedComponents();
        List<String> heads;
        if (k == 0) {
            heads = List.of(BASE + "01/" + any(14));
        } else if (k == 1) {
            String prefix = pattern.components().get(0);
            heads = tenDigits(BASE + "01/", prefix, any(13 - prefix.length()));
        } else {
            heads = List.of(escape(classLevel(pattern)));
        }
        List<String> likes = new ArrayList<>();
        for (String head : heads) {
            likes.add(head);
            for (String q : qualifiers) {
                likes.add(head + q);
            }
        }
        return likes;
    }

    /** ITIP: GTIN, piece, total, then an optional serial; a batch/lot ({@code /10/}) has no EPC URI. */
    private static List<String> itip(EpcPattern pattern) {
        int k = pattern.fixedComponents();
        List<String> c = pattern.components();
        if (k == 0) {
            return List.of(BASE + "8006/%");
        }
        List<String> heads;
        if (k == 1) {
            heads = tenDigits(BASE + "8006/", c.get(0), any(17 - c.get(0).length()));
        } else if (k == 4) {
            heads = List.of(escape(classLevel(pattern)));
        } else {
            String gtin = gtin(c.get(0), c.get(1));
            heads = List.of(BASE + "8006/" + gtin + (k == 3 ? c.get(2) + any(2) : any(4)));
        }
        List<String> likes = new ArrayList<>();
        for (String head : heads) {
            likes.add(head);
            likes.add(head + "/21/%");
        }
        return likes;
    }

    /** Keys of a fixed number of digits that start with the company prefix and have no qualifier. */
    private static List<String> numeric(String ai, String prefix, int rest) {
        return List.of(prefix == null ? BASE + ai + "%" : BASE + ai + prefix + any(rest));
    }

    /** GRAI, GDTI, GCN: 13 key digits (company prefix first) directly followed by an optional serial. */
    private static List<String> serialInSegment(EpcPattern pattern, String ai) {
        int k = pattern.fixedComponents();
        if (k == 0) {
            return List.of(BASE + ai + "%");
        }
        if (k == 1) {
            String prefix = pattern.components().get(0);
            return List.of(BASE + ai + prefix + any(13 - prefix.length()) + "%");
        }
        return List.of(escape(classLevel(pattern)) + "%");
    }

    /** {@code base + d + prefix + rest} for each digit d: the key's first digit is not part of the pattern. */
    private static List<String> tenDigits(String base, String prefix, String rest) {
        List<String> likes = new ArrayList<>(10);
        for (char d = '0'; d <= '9'; d++) {
            likes.add(base + d + prefix + rest);
        }
        return likes;
    }

    /** The Digital Link of the pattern's class-level key (its components up to the last one fixed). */
    private static String classLevel(EpcPattern pattern) {
        List<String> c = pattern.components();
        int k = pattern.fixedComponents();
        List<String> fixed = new ArrayList<>(c.subList(0, k));
        fixed.add("*");
        // Only the last component is '*' now: a class-level pattern, which the identifier parser reads as a key.
        return Epc.canonicalOf(pattern.scheme().patternPrefix() + String.join(".", fixed));
    }

    /** The GTIN-14 of company prefix and indicator + item reference, check digit included. */
    private static String gtin(String companyPrefix, String indicatorAndItem) {
        String dl = Epc.canonicalOf("urn:epc:idpat:sgtin:" + companyPrefix + "." + indicatorAndItem + ".*");
        return dl.substring(dl.lastIndexOf('/') + 1);
    }

    private static String any(int n) {
        return "_".repeat(n);
    }

    /** The value as a LIKE pattern that matches only itself. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
