package io.tracewell.epcis.id;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads GS1 Digital Link URIs. The primary key is found by scanning the path for a key AI (number or short name)
 * followed by an even number of segments; segments before it are the resolver's own path (e.g.
 * {@code https://example.com/shop/01/...}). Values are percent-decoded and checked like any AI value.
 */
final class DigitalLinkParser {

    private DigitalLinkParser() {
    }

    static String host(String uri) {
        int start = schemeEnd(uri);
        if (start < 0) {
            return "";
        }
        int end = start;
        while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
            end++;
        }
        return uri.substring(start, end);
    }

    /** Index after {@code http://} or {@code https://}, or -1. */
    private static int schemeEnd(String uri) {
        if (uri.regionMatches(true, 0, "https://", 0, 8)) {
            return 8;
        }
        if (uri.regionMatches(true, 0, "http://", 0, 7)) {
            return 7;
        }
        return -1;
    }

    static DigitalLink parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        int start = schemeEnd(uri);
        if (start < 0) {
            throw new IdentifierException("a GS1 Digital Link must be an http or https URI", uri, 0);
        }
        int n = uri.length();
        int pathStart = start;
        while (pathStart < n && "/?#".indexOf(uri.charAt(pathStart)) < 0) {
            pathStart++;
        }
        int pathEnd = pathStart;
        while (pathEnd < n && uri.charAt(pathEnd) != '?' && uri.charAt(pathEnd) != '#') {
            pathEnd++;
        }
        List<int[]> segments = new ArrayList<>();
        int s = pathStart;
        while (s < pathEnd) {
            int e = uri.indexOf('/', s + 1);
            if (e < 0 || e > pathEnd) {
                e = pathEnd;
            }
            segments.add(new int[] {s + 1, e});
            s = e;
        }
        IdentifierException last = null;
        int oddKey = -1;
        for (int i = 0; i < segments.size(); i++) {
            String ai = DigitalLinkKeys.aiCode(text(uri, segments.get(i)));
            if (ai == null || !DigitalLinkKeys.isPrimaryKey(ai)) {
                continue;
            }
            int remaining = segments.size() - i;
            if (remaining < 2 || remaining % 2 != 0) {
                if (oddKey < 0) {
                    oddKey = i;
                }
                continue;
            }
            try {
                return read(uri, segments, i, pathEnd);
            } catch (IdentifierException e) {
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        if (oddKey >= 0) {
            throw new IdentifierException("primary key AI " + text(uri, segments.get(oddKey))
                    + " is not followed by value/AI pairs (a '/' inside a value must be written %2F)", uri,
                    segments.get(oddKey)[0]);
        }
        throw new IdentifierException("no GS1 primary key AI in the Digital Link path", uri, pathStart);
    }

    private static DigitalLink read(String uri, List<int[]> segments, int first, int pathEnd) {
        List<AiValue> path = new ArrayList<>();
        String key = DigitalLinkKeys.aiCode(text(uri, segments.get(first)));
        path.add(value(key, uri, segments.get(first + 1)));
        List<String> qualifiers = new ArrayList<>();
        for (int i = first + 2; i < segments.size(); i += 2) {
            int[] seg = segments.get(i);
            String ai = DigitalLinkKeys.aiCode(text(uri, seg));
            if (ai == null) {
                throw new IdentifierException("'" + text(uri, seg) + "' is not an AI (key qualifier of AI " + key
                        + " expected: " + DigitalLinkKeys.describe(key) + ")", uri, seg[0]);
            }
            qualifiers.add(ai);
            String bad = DigitalLink.badQualifier(key, qualifiers);
            if (bad != null) {
                throw new IdentifierException(bad, uri, seg[0]);
            }
            path.add(value(ai, uri, segments.get(i + 1)));
        }
        List<AiValue> attributes = new ArrayList<>();
        if (pathEnd < uri.length() && uri.charAt(pathEnd) == '?') {
            readQuery(uri, pathEnd + 1, attributes);
        }
        try {
            return new DigitalLink(path, attributes);
        } catch (IdentifierException e) {
            throw e.relocate(uri, pathEnd);
        }
    }

    /** Query {@code k=v&...}: AIs (numbers or short names) are data attributes, other parameters are ignored. */
    private static void readQuery(String uri, int from, List<AiValue> attributes) {
        int end = uri.indexOf('#', from);
        if (end < 0) {
            end = uri.length();
        }
        int p = from;
        while (p < end) {
            int amp = uri.indexOf('&', p);
            if (amp < 0 || amp > end) {
                amp = end;
            }
            int eq = uri.indexOf('=', p);
            if (eq > p && eq < amp) {
                String name = uri.substring(p, eq);
                boolean numeric = name.chars().allMatch(c -> c >= '0' && c <= '9');
                String ai = DigitalLinkKeys.aiCode(name);
                if (numeric && ai == null) {
                    throw new IdentifierException("unknown AI " + name + " in the query", uri, p);
                }
                if (ai != null) {
                    if (DigitalLinkKeys.isPathAi(ai)) {
                        throw new IdentifierException("AI " + ai + " is a key or key qualifier and belongs in the path",
                                uri, p);
                    }
                    attributes.add(value(ai, uri, new int[] {eq + 1, amp}));
                }
            }
            p = amp + 1;
        }
    }

    private static String text(String uri, int[] seg) {
        return uri.substring(seg[0], seg[1]);
    }

    private static AiValue value(String ai, String uri, int[] seg) {
        String value = PercentCodec.decodeUri(uri, seg[0], seg[1], Loc.in(uri, seg[0]));
        int pad = 0;
        if (ai.equals("01") && (value.length() == 8 || value.length() == 12 || value.length() == 13)
                && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // GTIN-8, -12 and -13 may be written without leading zeros (GS1 Digital Link URI Syntax).
            pad = 14 - value.length();
            value = "00000000000000".substring(value.length()) + value;
        }
        try {
            return new AiValue(ai, value);
        } catch (IdentifierException e) {
            int rel = Math.max(e.relativeIndex(), 0) - pad;
            int raw = PercentCodec.rawIndex(uri, seg[0], Math.max(rel, 0));
            throw e.relocate(uri, seg[0] + raw - Math.max(e.relativeIndex(), 0));
        }
    }
}
