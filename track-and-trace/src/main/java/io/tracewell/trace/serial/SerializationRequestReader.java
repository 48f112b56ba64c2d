package io.tracewell.trace.serial;

import static io.tracewell.trace.serial.SerializationRequestException.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.id.AiValue;
import io.tracewell.epcis.id.ElementString;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.Gtin;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.id.Sgln;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the JSON body of {@code POST /serialization/requests} into a {@link SerializationRequest}, checking every
 * member with the GS1 rules of the identifier package (GTIN check digit, AI 10 and AI 17 formats, SGLNs) and the
 * service's bounds; all problems of a body are reported together, each at its JSON pointer.
 *
 * <pre>
 * {"gtin": "09506000134352", "count": 100, "scheme": "random" | "sequential",
 *  "lot"?: "L-1", "expiry"?: "271231" | "2027-12-31", "length"?: 12,
 *  "commission"?: {"readPoint": sgln, "bizLocation": sgln, "epcFormat"?: "digitalLink" | "urn",
 *                  "companyPrefixLength"?: 7}}
 * </pre>
 */
public final class SerializationRequestReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MEMBERS = Set.of("gtin", "count", "scheme", "lot", "expiry", "length",
            "commission");
    private static final Set<String> COMMISSION_MEMBERS = Set.of("readPoint", "bizLocation", "epcFormat",
            "companyPrefixLength");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd");

    private final SerializationSettings settings;

    public SerializationRequestReader(SerializationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Reads and checks a body.
     *
     * @throws SerializationRequestException listing every problem found, each at its JSON pointer
     */
    public SerializationRequest read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw SerializationRequestException.at("", "the body is not JSON: " + e.getOriginalMessage(),
                    "a JSON object such as {\"gtin\": \"09506000134352\", \"count\": 10, \"scheme\": \"random\"}");
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array failed", e);
        }
        if (root == null || !root.isObject()) {
            throw SerializationRequestException.at("", "the body is not a JSON object",
                    "a JSON object such as {\"gtin\": \"09506000134352\", \"count\": 10, \"scheme\": \"random\"}");
        }
        List<ProblemError> errors = new ArrayList<>();
        unknownMembers(root, "", MEMBERS, errors);
        Gtin gtin = gtin(root, errors);
        Integer count = count(root, errors);
        SerialScheme scheme = scheme(root, errors);
        Optional<String> lot = lot(root, errors);
        Optional<String> expiry = expiry(root, errors);
        OptionalInt length = length(root, scheme, errors);
        Optional<Commission> commission = commission(root, errors);
        if (!errors.isEmpty()) {
            throw new SerializationRequestException(errors);
        }
        return new SerializationRequest(gtin, count, scheme, lot, expiry, length, commission);
    }

    private static void unknownMembers(JsonNode object, String at, Set<String> known, List<ProblemError> errors) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(error(at + "/" + pointerToken(name), "\"" + name + "\" is not a member here",
                        "only " + String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    private static Gtin gtin(JsonNode root, List<ProblemError> errors) {
        String text = requiredString(root, "gtin", "/gtin",
                "a GTIN of 8, 12, 13 or 14 digits with a valid check digit", errors);
        if (text == null) {
            return null;
        }
        try {
            return Gtin.parse(text);
        } catch (IdentifierException e) {
            errors.add(error("/gtin", "\"" + text + "\" is not a GTIN: " + e.getMessage(),
                    "a GTIN of 8, 12, 13 or 14 digits with a valid check digit"));
            return null;
        }
    }

    private Integer count(JsonNode root, List<ProblemError> errors) {
        String expected = "a whole number from 1 to " + settings.maxCount();
        JsonNode node = root.get("count");
        if (node == null || node.isNull()) {
            errors.add(error("/count", "count is missing", expected));
            return null;
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong()
                || node.asLong() < 1 || node.asLong() > settings.maxCount()) {
            errors.add(error("/count", "count " + node + " is not " + expected, expected));
            return null;
        }
        return (int) node.asLong();
    }

    private static SerialScheme scheme(JsonNode root, List<ProblemError> errors) {
        String expected = "\"random\" or \"sequential\"";
        String text = requiredString(root, "scheme", "/scheme", expected, errors);
        if (text == null) {
            return null;
        }
        Optional<SerialScheme> scheme = SerialScheme.ofWord(text);
        if (scheme.isEmpty()) {
            errors.add(error("/scheme", "scheme \"" + text + "\" is not known", expected));
            return null;
        }
        return scheme.get();
    }

    private static Optional<String> lot(JsonNode root, List<ProblemError> errors) {
        String expected = "a batch/lot of 1 to 20 characters of GS1 character set 82 (AI 10)";
        String text = optionalString(root, "lot", "/lot", expected, errors);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AiValue("10", text).value());
        } catch (IdentifierException e) {
            errors.add(error("/lot", "lot \"" + text + "\" is not an AI 10 value: " + e.getMessage(), expected));
            return Optional.empty();
        }
    }

    /** YYMMDD as AI 17 takes it (DD = 00 is the month's last day), or an ISO date that YYMMDD can carry. */
    private static Optional<String> expiry(JsonNode root, List<ProblemError> errors) {
        String expected = "an AI 17 date YYMMDD (DD 00 for the end of the month) or a date YYYY-MM-DD that YYMMDD"
                + " can carry under the GS1 century rule";
        String text = optionalString(root, "expiry", "/expiry", expected, errors);
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() == 6) {
            try {
                return Optional.of(new AiValue("17", text).value());
            } catch (IdentifierException e) {
                errors.add(error("/expiry", "expiry \"" + text + "\" is not an AI 17 date: " + e.getMessage(),
                        expected));
                return Optional.empty();
            }
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(error("/expiry", "expiry \"" + text + "\" is neither YYMMDD nor YYYY-MM-DD", expected));
            return Optional.empty();
        }
        String yymmdd = date.format(YYMMDD);
        LocalDate readBack = ElementString.of(new AiValue("17", yymmdd)).expiry().orElseThrow();
        if (!readBack.equals(date)) {
            errors.add(error("/expiry", "expiry " + date + " cannot be written as AI 17: " + yymmdd + " reads as "
                    + readBack + " under the GS1 century rule", expected));
            return Optional.empty();
        }
        return Optional.of(yymmdd);
    }

    private OptionalInt length(JsonNode root, SerialScheme scheme, List<ProblemError> errors) {
        JsonNode node = root.get("length");
        boolean random = scheme != SerialScheme.SEQUENTIAL;
        int min = random ? SerializationSettings.MIN_RANDOM_LENGTH : 1;
        String expected = random
                ? "for random serials a length from " + min + " to " + SerializationSettings.MAX_LENGTH
                        + " (default " + settings.defaultRandomLength() + ")"
                : "for sequential serials a width from 1 to " + SerializationSettings.MAX_LENGTH
                        + " to pad the numbers to with zeros, or no length";
        if (node == null || node.isNull()) {
            return random ? OptionalInt.of(settings.defaultRandomLength()) : OptionalInt.empty();
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToInt()
                || node.asInt() < min || node.asInt() > SerializationSettings.MAX_LENGTH) {
            errors.add(error("/length", "length " + node + " is not allowed", expected));
            return OptionalInt.empty();
        }
        return OptionalInt.of(node.asInt());
    }

    private static Optional<Commission> commission(JsonNode root, List<ProblemError> errors) {
        JsonNode node = root.get("commission");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            errors.add(error("/commission", "commission is not an object",
                    "{\"readPoint\": sgln, \"bizLocation\": sgln}"));
            return Optional.empty();
        }
        int before = errors.size();
        unknownMembers(node, "/commission", COMMISSION_MEMBERS, errors);
        String readPoint = sgln(node, "readPoint", errors);
        String bizLocation = sgln(node, "bizLocation", errors);
        String formatExpected = "\"digitalLink\" (the default) or \"urn\"";
        String format = optionalString(node, "epcFormat", "/commission/epcFormat", formatExpected, errors);
        if (format != null && !format.equals("digitalLink") && !format.equals("urn")) {
            errors.add(error("/commission/epcFormat", "epcFormat \"" + format + "\" is not known", formatExpected));
        }
        boolean urn = "urn".equals(format);
        JsonNode lengthNode = node.get("companyPrefixLength");
        OptionalInt prefixLength = OptionalInt.empty();
        String lengthExpected = "the GTIN's GS1 company prefix length, 6 to 12, with epcFormat \"urn\"";
        if (lengthNode != null && !lengthNode.isNull()) {
            if (!lengthNode.canConvertToExactIntegral() || lengthNode.asInt() < 6 || lengthNode.asInt() > 12) {
                errors.add(error("/commission/companyPrefixLength", "companyPrefixLength " + lengthNode
                        + " is not a whole number from 6 to 12", lengthExpected));
            } else if (!urn) {
                errors.add(error("/commission/companyPrefixLength",
                        "companyPrefixLength is only used for EPC URIs", lengthExpected));
            } else {
                prefixLength = OptionalInt.of(lengthNode.asInt());
            }
        } else if (urn) {
            errors.add(error("/commission/companyPrefixLength",
                    "EPC URIs need the GS1 company prefix length, and none is given", lengthExpected));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Commission(readPoint, bizLocation, prefixLength));
    }

    private static String sgln(JsonNode commission, String member, List<ProblemError> errors) {
        String pointer = "/commission/" + member;
        String expected = "an SGLN as EPC URI (urn:epc:id:sgln:...) or GS1 Digital Link (.../414/{gln}[/254/{ext}])";
        String text = requiredString(commission, member, pointer, expected, errors);
        if (text == null) {
            return null;
        }
        try {
            if (Epc.parse(text) instanceof Sgln) {
                return text.strip();
            }
            errors.add(error(pointer, member + " \"" + text + "\" is not an SGLN", expected));
        } catch (IdentifierException e) {
            errors.add(error(pointer, member + " \"" + text + "\" is not an identifier: " + e.getMessage(),
                    expected));
        }
        return null;
    }

    private static String requiredString(JsonNode object, String member, String pointer, String expected,
                                         List<ProblemError> errors) {
        JsonNode node = object.get(member);
        if (node == null || node.isNull()) {
            errors.add(error(pointer, member + " is missing", expected));
            return null;
        }
        return string(node, member, pointer, expected, errors);
    }

    private static String optionalString(JsonNode object, String member, String pointer, String expected,
                                         List<ProblemError> errors) {
        JsonNode node = object.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        return string(node, member, pointer, expected, errors);
    }

    private static String string(JsonNode node, String member, String pointer, String expected,
                                 List<ProblemError> errors) {
        if (!node.isTextual()) {
            errors.add(error(pointer, member + " is not a string", expected));
            return null;
        }
        return node.textValue();
    }

    /** RFC 6901 §3: '~' is written ~0 and '/' ~1 in a reference token. */
    private static String pointerToken(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
