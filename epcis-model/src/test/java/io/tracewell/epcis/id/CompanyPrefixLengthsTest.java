package io.tracewell.epcis.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompanyPrefixLengthsTest {

    @Test
    void longestMatchingPrefixWins() throws Exception {
        CompanyPrefixLengths table = CompanyPrefixLengths.fixedTable().read(new StringReader("""
                # GS1 prefix ranges and single company prefixes
                40=7
                4012345 = 7   # a company
                40123=9
                061414,7
                """));
        assertThat(table.size()).isEqualTo(4);
        assertThat(table.lengthFor("4012345000054")).hasValue(7);
        assertThat(table.lengthFor("4012399000054")).hasValue(9);
        assertThat(table.lengthFor("4099999000054")).hasValue(7);
        assertThat(table.lengthFor("0614141123452")).hasValue(7);
        assertThat(table.lengthFor("5012345000054")).isEmpty();
    }

    @Test
    void malformedLinesAreReportedWithTheLineNumber(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gcp.txt");
        Files.writeString(file, "4012345=7\n\n40x=7\n");
        assertThatThrownBy(() -> CompanyPrefixLengths.fixedTable().load(file)).isInstanceOf(IdentifierException.class)
                .hasMessage("company prefix length table, line 3: company prefix table entry must be 1 to 12 digits,"
                        + " found '40x'");
        assertThatThrownBy(() -> CompanyPrefixLengths.fixedTable().read(new StringReader("4012345 7 8")))
                .hasMessage("company prefix length table, line 1: expected '<digit prefix>=<length>', found"
                        + " '4012345 7 8'");
        assertThatThrownBy(() -> CompanyPrefixLengths.fixedTable().put("40", 13))
                .hasMessage("company prefix length must be 6 to 12, found 13");
    }

    @Test
    void learnsFromEpcUrisAndRefusesContradictions() {
        CompanyPrefixLengths table = CompanyPrefixLengths.learningTable();
        assertThat(table.learning()).isTrue();
        Epc.parse("urn:epc:id:sgtin:4012345.011111.987", table);
        assertThat(table.lengthFor("4012345111118")).hasValue(7);
        // Now the Digital Link of another item of that company translates.
        Gs1Key other = (Gs1Key) Epc.parse("https://id.gs1.org/01/04012345222227/21/1", table);
        assertThat(other.toUrn()).isEqualTo("urn:epc:id:sgtin:4012345.022222.1");
        // Same company prefix again: fine. A 6-digit prefix inside it, or a longer one, contradicts it.
        assertThat(table.learn(new CompanyPrefix("4012345"))).isTrue();
        assertThat(table.learn(new CompanyPrefix("401234"))).isFalse();
        assertThat(table.learn(new CompanyPrefix("40123456"))).isFalse();
        assertThat(table.size()).isEqualTo(1);
        // Configured entries are not overridden by learning.
        table.put("50", 9);
        assertThat(table.learn(new CompanyPrefix("5012345"))).isFalse();
        assertThat(table.lengthFor("5012345000054")).hasValue(9);
    }

    @Test
    void keysWithoutKnownLengthLearnNothing() {
        CompanyPrefixLengths table = CompanyPrefixLengths.learningTable();
        assertThat(table.learn(Sgtin.of(new Gtin("04012345111118"), "1"))).isFalse();
        assertThat(table.size()).isZero();
    }

    @Test
    void theSharedEmptyTableCannotChange() {
        CompanyPrefixLengths none = CompanyPrefixLengths.none();
        assertThatThrownBy(() -> none.put("40", 7)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(none.learn(new CompanyPrefix("4012345"))).isFalse();
        Epc.parse("urn:epc:id:sgtin:4012345.011111.987", none);
        assertThat(none.size()).isZero();
        assertThat(none.lengthFor("4012345111118")).isEmpty();
    }

    @Test
    void exportsWhatItKnows() throws Exception {
        CompanyPrefixLengths table = CompanyPrefixLengths.learningTable().put("0614141", 7);
        table.learn(new CompanyPrefix("4012345"));
        StringWriter out = new StringWriter();
        table.writeTo(out);
        assertThat(out.toString()).isEqualTo("0614141=7\n4012345=7  # learned\n");
        CompanyPrefixLengths copy = CompanyPrefixLengths.fixedTable().read(new StringReader(out.toString()));
        assertThat(copy.lengthFor("4012345000054")).hasValue(7);
    }

    @Test
    void concurrentLearningKeepsOneConsistentAnswer() throws Exception {
        CompanyPrefixLengths table = CompanyPrefixLengths.learningTable();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // Alternate two contradicting prefixes: exactly one of them may win.
                String gcp = i % 2 == 0 ? "4012345" : "40123456";
                results.add(pool.submit(() -> table.learn(new CompanyPrefix(gcp))));
                int n = i;
                results.add(pool.submit(() -> table.learn(new CompanyPrefix("5" + String.format("%06d", n)))));
            }
            int accepted = 0;
            for (Future<Boolean> f : results) {
                accepted += f.get() ? 1 : 0;
            }
            // The winner of the race is one of the two lengths, and every later call agreed with it.
            assertThat(table.lengthFor("4012345600000").getAsInt()).isIn(7, 8);
            assertThat(accepted).isEqualTo(100 + 200);
            assertThat(table.size()).isEqualTo(1 + 200);
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
