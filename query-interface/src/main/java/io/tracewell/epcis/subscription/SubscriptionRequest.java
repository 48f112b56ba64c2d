package io.tracewell.epcis.subscription;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.model.EpcisTime;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /queries/{name}/subscriptions} (EPCIS 2.0 REST binding), read and checked by our own
 * rules: {@code dest} (required, an absolute http or https URI), {@code signatureToken}, {@code initialRecordTime}
 * (default: now), and exactly one of {@code schedule} (with the optional {@code reportIfEmpty}) or
 * {@code stream: true}. Tracewell adds {@code mediaType}, the media type of the notifications:
 * {@code application/ld+json} (the default), {@code application/json} or {@code application/xml}.
 *
 * @param initialRecordTime null when the client gave none
 */
public record SubscriptionRequest(String dest, String signatureToken, Instant initialRecordTime,
                                  boolean reportIfEmpty, QuerySchedule schedule, String mediaType) {

    /** The media types notifications can be written in. */
    public static final List<String> MEDIA_TYPES = List.of("application/ld+json", "application/json",
            "application/xml");
    private static final Set<String> MEMBERS = Set.of("dest", "signatureToken", "initialRecordTime",
            "reportIfEmpty", "schedule", "stream", "mediaType");
    private static final int MAX_TOKEN = 1024;
    private static final int MAX_DEST = 2048;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A body that cannot be a subscription: the member (as a JSON pointer), why, and what was expected. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String pointer;
        private final String expected;
        private final boolean badUri;

        Invalid(String pointer, String message, String expected, boolean badUri) {
            super(message, null, false, false);
            this.pointer = pointer;
            this.expected = expected;
            this.badUri = badUri;
        }

        public String pointer() {
            return pointer;
        }

        public String expected() {
            return expected;
        }

        /** Whether {@code dest} is what is wrong (InvalidURIException rather than SubscriptionControlsException). */
        public boolean badUri() {
            return badUri;
        }
    }

    public boolean stream() {
        return schedule == null;
    }

    /** Reads a body. */
    public static SubscriptionRequest read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Invalid("", "the body is not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), "a JSON object {\"dest\": ..., ...}", false);
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array failed", e);
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("", "the body is not a JSON object", "a JSON object {\"dest\": ..., ...}", false);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw new Invalid("/" + name, "\"" + name + "\" is not a member of a subscription",
                        "the members " + String.join(", ", List.of("dest", "signatureToken", "initialRecordTime",
                                "schedule", "reportIfEmpty", "stream", "mediaType")), false);
            }
        }
        String dest = dest(root.get("dest"));
        String token = null;
        JsonNode t = root.get("signatureToken");
        if (t != null && !t.isNull()) {
            if (!t.isTextual() || t.asText().isEmpty() || t.asText().length() > MAX_TOKEN) {
                throw new Invalid("/signatureToken", "signatureToken is not a string of 1 to " + MAX_TOKEN
                        + " characters", "a secret string the server signs notifications with", false);
            }
            token = t.asText();
        }
        Instant initial = null;
        JsonNode i = root.get("initialRecordTime");
        if (i != null && !i.isNull()) {
            try {
                if (!i.isTextual()) {
                    throw new IllegalArgumentException("it is not a string");
                }
                initial = EpcisTime.parse(i.asText()).instant();
            } catch (IllegalArgumentException e) {
                throw new Invalid("/initialRecordTime", "initialRecordTime " + i + " is not a date-time with a time"
                        + " zone", "a date-time such as 2024-05-01T10:15:30.000+02:00", false);
            }
        }
        boolean streamGiven = false;
        JsonNode s = root.get("stream");
        if (s != null && !s.isNull()) {
            if (!s.isBoolean()) {
                throw new Invalid("/stream", "stream is " + s + ", not true or false", "true, for a streaming"
                        + " subscription", false);
            }
            streamGiven = s.asBoolean();
        }
        QuerySchedule schedule = null;
        JsonNode sc = root.get("schedule");
        if (sc != null && !sc.isNull()) {
            schedule = schedule(sc);
        }
        if (streamGiven && schedule != null) {
            throw new Invalid("/stream", "a subscription has a schedule or streams, not both",
                    "either \"schedule\": {...} or \"stream\": true", false);
        }
        if (!streamGiven && schedule == null) {
            throw new Invalid("", "the subscription has neither a schedule nor \"stream\": true",
                    "either \"schedule\": {...} or \"stream\": true (streaming must be asked for explicitly)", false);
        }
        boolean reportIfEmpty = false;
        JsonNode r = root.get("reportIfEmpty");
        if (r != null && !r.isNull()) {
            if (!r.isBoolean()) {
                throw new Invalid("/reportIfEmpty", "reportIfEmpty is " + r + ", not true or false",
                        "true or false", false);
            }
            if (schedule == null && r.asBoolean()) {
                throw new Invalid("/reportIfEmpty", "reportIfEmpty applies to scheduled subscriptions only; a"
                        + " streaming one reports when there are events", "no reportIfEmpty with \"stream\": true",
                        false);
            }
            reportIfEmpty = r.asBoolean();
        }
        String mediaType = MEDIA_TYPES.get(0);
        JsonNode m = root.get("mediaType");
        if (m != null && !m.isNull()) {
            String v = m.isTextual() ? m.asText().trim().toLowerCase(Locale.ROOT) : "";
            if (!MEDIA_TYPES.contains(v)) {
                throw new Invalid("/mediaType", "mediaType " + m + " is not one the server writes",
                        "one of " + String.join(", ", MEDIA_TYPES), false);
            }
            mediaType = v;
        }
        return new SubscriptionRequest(dest, token, initial, reportIfEmpty, schedule, mediaType);
    }

    private static String dest(JsonNode node) {
        String expected = "an absolute http or https URI of at most " + MAX_DEST + " characters, such as"
                + " https://client.example.com/epcis/callback";
        if (node == null || node.isNull()) {
            throw new Invalid("/dest", "the subscription has no dest", expected, true);
        }
        if (!node.isTextual()) {
            throw new Invalid("/dest", "dest is " + node + ", not a string", expected, true);
        }
        String text = node.asText();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new Invalid("/dest", "dest \"" + text + "\" is not a URI: " + e.getReason(), expected, true);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (text.length() > MAX_DEST || !scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                || uri.getRawFragment() != null) {
            throw new Invalid("/dest", "dest \"" + text + "\" is not an absolute http or https URI with a host"
                    + " and no fragment", expected, true);
        }
        return text;
    }

    private static QuerySchedule schedule(JsonNode node) {
        if (!node.isObject()) {
            throw new Invalid("/schedule", "schedule is " + node + ", not an object",
                    "an object of second, minute, hour, dayOfMonth, month, dayOfWeek", false);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (v.isTextual() || v.isIntegralNumber()) {
                fields.put(f.getKey(), v.asText());
            } else if (v.isNull()) {
                fields.put(f.getKey(), null); // omitted, but its name is still checked
            } else {
                throw new Invalid("/schedule/" + f.getKey(), "schedule " + f.getKey() + " is " + v
                        + ", not a string", "a string such as \"0,30\" or \"[8-17]\"", false);
            }
        }
        try {
            return QuerySchedule.parse(fields);
        } catch (ScheduleException e) {
            throw new Invalid("/schedule" + (e.field().equals("schedule") ? "" : "/" + e.field()), e.getMessage(),
                    e.expected(), false);
        }
    }
}
