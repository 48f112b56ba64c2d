package io.tracewell.epcis.hash;

import java.util.Comparator;
import java.util.List;

/**
 * Case-sensitive order by Unicode code point, which is the same as the order of the UTF-8 bytes. The hash ID sorts
 * list members this way (CBV 2.0 event hash ID: "lexical order"). {@link String#compareTo} compares UTF-16 units and
 * puts a supplementary character (a surrogate pair, U+D800..) before U+E000..U+FFFF, which UTF-8 order does not.
 */
final class CodePointOrder implements Comparator<String> {
    static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                // Only where the first difference involves a surrogate does UTF-16 order differ from code point order.
                if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Sorts the strings and concatenates them, without separators. */
    static String sortedConcat(List<String> members) {
        if (members.isEmpty()) {
            return "";
        }
        if (members.size() == 1) {
            return members.get(0);
        }
        members.sort(INSTANCE);
        StringBuilder sb = new StringBuilder();
        for (String m : members) {
            sb.append(m);
        }
        return sb.toString();
    }
}
