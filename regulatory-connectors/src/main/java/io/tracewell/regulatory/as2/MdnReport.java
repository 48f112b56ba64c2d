package io.tracewell.regulatory.as2;

/**
 * The fields of an MDN's machine-readable part ({@code message/disposition-notification}, RFC 3798 and RFC 4130
 * 7.4.3), as received; a field the MDN does not carry is {@code null}.
 *
 * @param originalMessageId  Original-Message-ID: the Message-ID the MDN answers
 * @param disposition        Disposition, e.g. {@code automatic-action/MDN-sent-automatically; processed}
 * @param receivedContentMic Received-Content-MIC, e.g. {@code "<base64>, sha-256"}
 * @param originalRecipient  Original-Recipient
 * @param finalRecipient     Final-Recipient
 * @param reportingUa        Reporting-UA
 * @param text               the human-readable part, if any
 */
public record MdnReport(
        String originalMessageId,
        String disposition,
        String receivedContentMic,
        String originalRecipient,
        String finalRecipient,
        String reportingUa,
        String text) {

    /**
     * True when the disposition type is "processed" without an error or failure modifier; a warning modifier still
     * counts as processed (RFC 4130 7.4.3: the message was processed, the warning is informational).
     */
    public boolean processed() {
        if (disposition == null) {
            return false;
        }
        int semicolon = disposition.indexOf(';');
        if (semicolon < 0) {
            return false;
        }
        String type = disposition.substring(semicolon + 1).strip();
        int slash = type.indexOf('/');
        String name = (slash < 0 ? type : type.substring(0, slash)).strip();
        if (!name.equalsIgnoreCase("processed")) {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        String modifier = type.substring(slash + 1).strip();
        return modifier.regionMatches(true, 0, "warning", 0, "warning".length());
    }
}
