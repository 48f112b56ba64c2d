package io.tracewell.epcis.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Single-threaded throughput of identifier translation: EPC URI to canonical Digital Link (parse + render) and Digital
 * Link to EPC URI (parse with a company prefix table + render), over a mix of all GS1 key schemes. Run as JUnit test
 * with the {@code benchmark} tag, or through {@link #main} (optional argument: seconds to measure per direction).
 *
 * <p>Besides wall-clock throughput it reports throughput per second of CPU time of the measuring thread, which stays
 * meaningful on a machine shared with other work.
 */
@Tag("benchmark")
class IdentifierTranslationBenchmark {

    static final String[] URNS = {
        "urn:epc:id:sgtin:4012345.011111.987",
        "urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()",
        "urn:epc:id:sscc:4012345.3111111111",
        "urn:epc:id:sgln:4012345.00005.0",
        "urn:epc:id:sgln:4012345.00005.122",
        "urn:epc:id:grai:4012345.00022.334455",
        "urn:epc:id:giai:4012345.ABC345",
        "urn:epc:id:gsrn:4012345.0000006765",
        "urn:epc:id:gsrnp:4012345.0000000007",
        "urn:epc:id:gdti:4012345.00009.PO-4711",
        "urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234",
        "urn:epc:id:sgcn:1234567890.12.1234",
        "urn:epc:id:ginc:0614141.xyz47%2F11",
        "urn:epc:id:gsin:4012345.222333444",
        "urn:epc:id:itip:4012345.011111.01.02.987",
        "urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7SDB",
        "urn:epc:id:pgln:4000001.00000",
        "urn:epc:class:lgtin:4012345.012345.998877",
        "urn:epc:idpat:sgtin:4012345.012345.*",
    };

    /** Operations per wall-clock second and per CPU second of the measuring thread. */
    record Rate(double perSecond, double perCpuSecond) {
    }

    record Result(Rate urnToDigitalLink, Rate digitalLinkToUrn) {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        print(run(seconds));
    }

    @Test
    void measure() {
        Result r = run(3);
        print(r);
        assertThat(r.urnToDigitalLink().perSecond()).isPositive();
        assertThat(r.digitalLinkToUrn().perSecond()).isPositive();
    }

    static Result run(double seconds) {
        CompanyPrefixLengths table = CompanyPrefixLengths.fixedTable();
        String[] dls = new String[URNS.length];
        for (int i = 0; i < URNS.length; i++) {
            Gs1Key key = (Gs1Key) Epc.parse(URNS[i]);
            dls[i] = key.toDigitalLink();
            // put, not learn: two of the sample prefixes overlap (1234567 and 1234567890), which learning refuses.
            table.put(key.companyPrefix().orElseThrow().digits(), key.gcpLength().getAsInt());
        }
        for (int i = 0; i < URNS.length; i++) {
            // Correctness first: the measured loop must produce the right answer.
            assertThat(((Gs1Key) Epc.parse(dls[i], table)).toUrn()).isEqualTo(URNS[i]);
        }
        Rate urnToDl = throughput(seconds, i -> Epc.parse(URNS[i % URNS.length]).canonical());
        Rate dlToUrn = throughput(seconds, i -> Epc.parse(dls[i % dls.length], table).translateToUrn(table).uri());
        return new Result(urnToDl, dlToUrn);
    }

    interface Op {
        String apply(int i);
    }

    /** Operations per second after a warm-up of half the measuring time; results are consumed to stay live. */
    static Rate throughput(double seconds, Op op) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            sink += op.apply(i++).length();
        }
        long ops = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            for (int k = 0; k < 1000; k++) {
                sink += op.apply(i++).length();
            }
            ops += 1000;
            now = System.nanoTime();
        } while (now < end);
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        if (sink == 42) {
            System.out.println("unlikely");
        }
        return new Rate(ops / ((now - start) / 1e9), ops / (cpu / 1e9));
    }

    static void print(Result r) {
        System.out.printf(Locale.ROOT, "Identifier translation, single thread, %d-scheme mix:%n", URNS.length);
        System.out.printf(Locale.ROOT, "  EPC URI -> Digital Link: %,.0f translations/s (%,.0f per CPU second)%n",
                r.urnToDigitalLink().perSecond(), r.urnToDigitalLink().perCpuSecond());
        System.out.printf(Locale.ROOT, "  Digital Link -> EPC URI: %,.0f translations/s (%,.0f per CPU second)%n",
                r.digitalLinkToUrn().perSecond(), r.digitalLinkToUrn().perCpuSecond());
    }
}
