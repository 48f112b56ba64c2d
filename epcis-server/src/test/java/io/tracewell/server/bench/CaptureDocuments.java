package io.tracewell.server.bench;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.format.EpcisEventWriter;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The capture benchmark's JSON-LD documents: shipping ObjectEvents with ten SGTINs each, made from the event's
 * index alone, so that any range of a million-event document can be written without keeping anything, and the
 * JDBC baseline can rebuild the very event a capture stored.
 *
 * <p>No two events are equal: event {@code i} has eventTime start + {@code i} ms and the serials
 * {@code 10i .. 10i+9}, so every EPC of every document is distinct as long as the index ranges do not overlap.
 * The SGTINs are GS1 Digital Links with valid GTIN check digits, spread over {@link #PRODUCTS} products of one
 * company. Events carry no eventID: the server gives each its hash ID.
 */
final class CaptureDocuments {

    /** EPCs per event, as the benchmark's issue fixes it. */
    static final int EPCS_PER_EVENT = 10;
    static final int PRODUCTS = 16;
    static final Namespaces NAMESPACES = Namespaces.NONE;

    private static final String COMPANY_PREFIX = "4012345";
    private static final Instant START = Instant.parse("2025-03-01T06:00:00Z");
    private static final TimeZoneOffset OFFSET = TimeZoneOffset.parse("+01:00");
    private static final String[] GTINS = new String[PRODUCTS];
    private static final Why WHY = new Why(BizStep.SHIPPING, Disposition.IN_TRANSIT, null, List.of());
    private static final Where WHERE = new Where(ReadPoint.of("urn:epc:id:sgln:" + COMPANY_PREFIX + ".00001.12"),
            BizLocation.of("urn:epc:id:sgln:" + COMPANY_PREFIX + ".00001.0"), List.of(), List.of());

    static {
        for (int p = 0; p < PRODUCTS; p++) {
            // indicator 0, company prefix, five-digit item reference
            GTINS[p] = gtin("0" + COMPANY_PREFIX + String.format("%05d", 100 + p));
        }
    }

    private CaptureDocuments() {
    }

    /** Event number {@code index} (0-based, any non-negative long whose serials fit in 20 digits). */
    static ObjectEvent event(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("event index must not be negative: " + index);
        }
        String gtin = GTINS[(int) (index % PRODUCTS)];
        List<String> epcs = new ArrayList<>(EPCS_PER_EVENT);
        for (int i = 0; i < EPCS_PER_EVENT; i++) {
            epcs.add("https://id.gs1.org/01/" + gtin + "/21/" + (index * EPCS_PER_EVENT + i));
        }
        EpcisTime eventTime = new EpcisTime(START.plusMillis(index).atOffset(OFFSET.offset()));
        return new ObjectEvent(CommonFields.of(eventTime, OFFSET), Action.OBSERVE, epcs, List.of(), WHERE, WHY,
                List.of(), null, List.of());
    }

    static DocumentHeader header() {
        return DocumentHeader.document(EpcisTime.of(START), NAMESPACES);
    }

    /** Writes the EPCISDocument of events {@code first .. first+count-1} and closes {@code out}. */
    static void write(long first, long count, OutputStream out) {
        try (EpcisEventWriter writer = EpcisFormats.writer(Format.JSON_LD, out)) {
            writer.begin(header());
            for (long i = first; i < first + count; i++) {
                writer.write(event(i));
            }
            writer.end();
        }
    }

    /** The document in memory; for the benchmark's 1,000-event documents (about 1 MB). */
    static byte[] document(long first, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 1100 + 512);
        write(first, count, out);
        return out.toByteArray();
    }

    /** Streams the document to a file, one event at a time, and returns its size in bytes. */
    static long write(long first, long count, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        write(first, count, new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        return Files.size(file);
    }

    /** The 13 digits followed by their GS1 mod-10 check digit (GS1 General Specifications §7.9). */
    static String gtin(String thirteenDigits) {
        if (!thirteenDigits.matches("\\d{13}")) {
            throw new IllegalArgumentException("expected 13 digits, got '" + thirteenDigits + "'");
        }
        int sum = 0;
        // From the right, the digits are weighted 3, 1, 3, ...
        for (int i = 0; i < 13; i++) {
            int digit = thirteenDigits.charAt(12 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return thirteenDigits + (10 - sum % 10) % 10;
    }
}
