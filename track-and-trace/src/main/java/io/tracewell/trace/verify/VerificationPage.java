package io.tracewell.trace.verify;

import io.tracewell.epcis.model.EpcisTime;

/**
 * The answer as a small self-contained HTML page for a browser (no scripts, no external styles or images). Every
 * value that comes from the scan or the store is escaped: a code is whatever its sender typed.
 */
final class VerificationPage {

    private VerificationPage() {
    }

    static String render(Verification v) {
        StringBuilder html = new StringBuilder(2048);
        String verdict = verdict(v);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Pack verification: ").append(escape(verdict)).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:1.5em;max-width:40em}")
                .append("th{text-align:left;padding-right:1em}.ok{color:#176a1d}.warn{color:#a31515}</style>")
                .append("</head><body>\n<h1 class=\"").append(good(v) ? "ok" : "warn").append("\">")
                .append(escape(verdict)).append("</h1>\n<table>\n");
        row(html, "GTIN", v.code().sgtin().gtin().value());
        row(html, "Serial number", v.code().sgtin().serial());
        row(html, "Lot", v.code().lot().orElse("(not in the code)") + " - " + v.lot().word().replace('_', ' '));
        row(html, "Expiry", v.code().expiry().map(Object::toString).orElse("(not in the code)") + " - "
                + v.expiry().word().replace('_', ' '));
        row(html, "Status", v.status().label());
        row(html, "First scan", v.first() ? "yes" : "no");
        row(html, "Scans so far", Integer.toString(v.scans()));
        v.firstScan().ifPresent(first -> {
            row(html, "First scanned at", EpcisTime.of(first.time()).toString());
            row(html, "First scanned where", first.readPoint().orElse("(no location given)"));
        });
        html.append("</table>\n</body></html>\n");
        return html.toString();
    }

    private static boolean good(Verification v) {
        return v.known() && v.status() == Status.ACTIVE && v.lot() != Comparison.MISMATCH
                && v.expiry() != Comparison.MISMATCH;
    }

    private static String verdict(Verification v) {
        if (!v.known()) {
            return "Unknown code: this pack is not in the repository";
        }
        if (v.lot() == Comparison.MISMATCH || v.expiry() == Comparison.MISMATCH) {
            return "Code does not match the pack's records";
        }
        return "Known pack, status " + v.status().label();
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value))
                .append("</td></tr>\n");
    }

    /** HTML text and attribute escaping; control characters (a code's GS separators) become U+FFFD. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
