package io.tracewell.server.bench;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.format.EpcisEventWriter;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The query benchmark's data: the life of cases of ten packs each, so that a pack's history is a handful of
 * events, as in a real supply chain rather than ten random SGTINs per event. Case {@code c} (0-based) has four
 * events: commissioning of its ten SGTINs (ObjectEvent ADD, 10 EPC rows), packing into an SSCC (AggregationEvent
 * ADD, 1 parent + 10 child rows) half an hour later, shipping a day later and receiving two days and three hours
 * later (ObjectEvent OBSERVE, 10 rows each): 41 identifier rows per four events.
 *
 * <p>Case starts are spread evenly over {@link #SPREAD} from {@link #START}, so with a million events a day of
 * eventTime in the middle of the range holds about 36,000 events. Everything is computed from the case number:
 * pack {@code i} of case {@code c} has serial {@code 10c + i}, product {@code c mod 16}.
 */
final class PackHistories {

    static final int PACKS_PER_CASE = 10;
    static final int EVENTS_PER_CASE = 4;
    static final int IDENTIFIER_ROWS_PER_CASE = 4 * PACKS_PER_CASE + 1;
    static final Instant START = Instant.parse("2025-04-01T00:00:00Z");
    static final Duration SPREAD = Duration.ofDays(28);

    private static final String COMPANY_PREFIX = "4012345";
    private static final int PRODUCTS = 16;
    private static final TimeZoneOffset OFFSET = TimeZoneOffset.parse("+01:00");
    private static final Where PLANT = where("00001");
    private static final Where WAREHOUSE = where("00002");
    private static final Where PHARMACY = where("00003");

    private final long cases;

    /** @param events the number of events to generate, rounded down to whole cases */
    PackHistories(long events) {
        if (events < EVENTS_PER_CASE) {
            throw new IllegalArgumentException("at least " + EVENTS_PER_CASE + " events, got " + events);
        }
        this.cases = events / EVENTS_PER_CASE;
    }

    long cases() {
        return cases;
    }

    long events() {
        return cases * EVENTS_PER_CASE;
    }

    long identifierRows() {
        return cases * IDENTIFIER_ROWS_PER_CASE;
    }

    /** The first day of eventTime that lies wholly inside the generated range's steady part (day 14). */
    static Instant windowStart() {
        return START.plus(Duration.ofDays(14));
    }

    /** The four events of case {@code c}, in time order. */
    List<EpcisEvent> events(long c) {
        Instant start = START.plusMillis(Math.multiplyExact(c, SPREAD.toMillis()) / cases);
        List<String> packs = new ArrayList<>(PACKS_PER_CASE);
        for (int i = 0; i < PACKS_PER_CASE; i++) {
            packs.add(packDigitalLink(c, i));
        }
        return List.of(
                new ObjectEvent(common(start), Action.ADD, packs, List.of(), PLANT,
                        new Why(BizStep.COMMISSIONING, Disposition.ACTIVE, null, List.of()), List.of(), null,
                        List.of()),
                new AggregationEvent(common(start.plus(Duration.ofMinutes(30))), Action.ADD, sscc(c), packs,
                        List.of(), PLANT, new Why(BizStep.PACKING, Disposition.IN_PROGRESS, null, List.of()),
                        List.of(), List.of()),
                new ObjectEvent(common(start.plus(Duration.ofDays(1))), Action.OBSERVE, packs, List.of(), PLANT,
                        new Why(BizStep.SHIPPING, Disposition.IN_TRANSIT, null, List.of()), List.of(), null,
                        List.of()),
                new ObjectEvent(common(start.plus(Duration.ofHours(51))), Action.OBSERVE, packs, List.of(),
                        c % 2 == 0 ? WAREHOUSE : PHARMACY,
                        new Why(BizStep.RECEIVING, Disposition.IN_PROGRESS, null, List.of()), List.of(), null,
                        List.of()));
    }

    /** The JSON-LD EPCISDocument of cases {@code first .. first+count-1} (4 events each). */
    byte[] document(long first, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * EVENTS_PER_CASE * 1000 + 512);
        try (EpcisEventWriter writer = EpcisFormats.writer(Format.JSON_LD, out)) {
            writer.begin(DocumentHeader.document(EpcisTime.of(START), Namespaces.NONE));
            for (long c = first; c < first + count; c++) {
                for (EpcisEvent e : events(c)) {
                    writer.write(e);
                }
            }
            writer.end();
        }
        return out.toByteArray();
    }

    /** Pack {@code i} of case {@code c} as a GS1 Digital Link (the form it is captured in). */
    static String packDigitalLink(long c, int i) {
        return "https://id.gs1.org/01/" + gtin(c) + "/21/" + serial(c, i);
    }

    /** The same pack as an EPC URI: a query may name it either way. */
    static String packUrn(long c, int i) {
        return "urn:epc:id:sgtin:" + COMPANY_PREFIX + ".0" + itemReference(c) + "." + serial(c, i);
    }

    private static long serial(long c, int i) {
        return c * PACKS_PER_CASE + i;
    }

    private static String itemReference(long c) {
        return String.format("%05d", 100 + c % PRODUCTS);
    }

    private static String gtin(long c) {
        return withCheckDigit("0" + COMPANY_PREFIX + itemReference(c));
    }

    private static String sscc(long c) {
        return "https://id.gs1.org/00/" + withCheckDigit("0" + COMPANY_PREFIX + String.format("%09d", c));
    }

    /** The digits followed by their GS1 mod-10 check digit (weights 3, 1, 3, ... from the right). */
    static String withCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return digits + (10 - sum % 10) % 10;
    }

    private static CommonFields common(Instant eventTime) {
        return CommonFields.of(new EpcisTime(eventTime.atOffset(OFFSET.offset())), OFFSET);
    }

    private static Where where(String location) {
        return new Where(ReadPoint.of("urn:epc:id:sgln:" + COMPANY_PREFIX + "." + location + ".1"),
                BizLocation.of("urn:epc:id:sgln:" + COMPANY_PREFIX + "." + location + ".0"), List.of(), List.of());
    }
}
