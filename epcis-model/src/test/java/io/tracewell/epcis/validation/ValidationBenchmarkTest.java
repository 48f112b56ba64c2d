package io.tracewell.epcis.validation;

import io.tracewell.epcis.format.Format;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput and memory on large documents: a million events, streamed through a small heap. Run with
 * {@code -Dgroups=benchmark -DexcludedGroups= -Dtest=ValidationBenchmarkTest -DargLine=-Xmx256m}.
 */
@Tag("benchmark")
class ValidationBenchmarkTest {

    private static final int EVENTS = 1_000_000;

    @Test
    void xmlMillionEvents() {
        run(Format.XML);
    }

    @Test
    void jsonMillionEvents() {
        run(Format.JSON_LD);
    }

    private static void run(Format format) {
        DocumentValidator.warmUp();
        long start = System.nanoTime();
        List<Violation> violations = DocumentValidator.create().validate(format == Format.XML
                ? GeneratedDocuments.xml(EVENTS, EVENTS - 1) : GeneratedDocuments.json(EVENTS, EVENTS - 1), format);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%s: %,d events in %,d ms (%,.0f events/s), heap in use %,d MB of max %,d MB%n", format,
                EVENTS, millis, EVENTS * 1000.0 / Math.max(1, millis),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        assertThat(violations).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("MOVE"));
    }
}
