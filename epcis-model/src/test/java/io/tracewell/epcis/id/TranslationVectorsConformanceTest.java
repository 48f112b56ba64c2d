package io.tracewell.epcis.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every translation pair of {@code gs1/translation-vectors/} (see its README): the RalphTro Digital Link
 * normaliser pairs and the openepcis converter pairs. Vector spellings that differ from ours only in percent-encoding
 * are normalised as described in docs/identifiers.md; pairs we deliberately do not follow are listed in
 * {@link #EXCLUDED} with the reason, and the test checks that they fail exactly in the documented way.
 */
@Tag("conformance")
class TranslationVectorsConformanceTest {

    /** Input of a vector pair -> why we differ and what we do instead; each outcome is asserted. */
    static final Map<String, Exclusions.Exclusion> EXCLUDED = Exclusions.ALL;

    private static Path vectors() {
        String dir = System.getProperty("gs1.dir");
        if (dir == null) {
            fail("system property gs1.dir (GS1 reference folder) is not set");
        }
        Path p = Path.of(dir, "translation-vectors");
        assertThat(p).isDirectory();
        return p;
    }

    private static List<String[]> tsv(String name) throws IOException {
        List<String> lines = Files.readAllLines(vectors().resolve(name), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> ralphTroNormaliserPairs() throws IOException {
        List<String[]> rows = tsv("RalphTro-dl_normaliser-test-pairs.tsv");
        assertThat(rows).hasSize(71);
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (String[] row : rows) {
            String input = row[0];
            String expected = row[1];
            tests.add(DynamicTest.dynamicTest("RalphTro " + (++i) + ": " + input, () -> {
                Exclusions.Exclusion excluded = EXCLUDED.get(input);
                if (excluded != null) {
                    assertExcluded(input, excluded, () -> input.startsWith("urn:") ? Epc.parse(input).canonical()
                            : DigitalLink.parse(input).toKey(CompanyPrefixLengths.none()).canonical());
                } else if (expected.isEmpty()) {
                    // "not a GS1 key": no Digital Link reading, and no GS1 key from the general parser either.
                    assertThatThrownBy(() -> DigitalLink.parse(input)).isInstanceOf(IdentifierException.class);
                    Epc epc;
                    try {
                        epc = Epc.parse(input);
                    } catch (IdentifierException e) {
                        return;
                    }
                    assertThat(epc).isInstanceOf(OtherUri.class);
                } else {
                    Epc epc = Epc.parse(input);
                    assertThat(epc.canonical()).isEqualTo(Vectors.withoutSubDelimEscapes(expected));
                    assertValidUri(epc.canonical());
                    if (input.startsWith("urn:")) {
                        // Both directions: the canonical Digital Link, read with the URN's prefix length, gives
                        // back the (canonically escaped) URN.
                        Gs1Key key = (Gs1Key) Epc.parse(epc.canonical());
                        String urn = key.withGcpLength(((Gs1Key) epc).gcpLength().getAsInt()).toUrn();
                        assertThat(urn).isEqualTo(((Gs1Key) epc).toUrn());
                        assertThat(Vectors.decodeLenient(urn)).isEqualTo(Vectors.decodeLenient(input)
                                .replace("urn:epc:idpat:upui:", "urn:epc:idpat:sgtin:"));
                    }
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> openepcisConverterPairs() throws IOException {
        List<String[]> rows = tsv("openepcis-converter-test-pairs.tsv");
        assertThat(rows).hasSize(212);
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (String[] row : rows) {
            String source = row[0];
            String method = row[1];
            String input = row[2];
            String gcpArg = row[3];
            String expected = row[5];
            tests.add(DynamicTest.dynamicTest("openepcis " + (++i) + " " + source + " " + method + ": " + input, () -> {
                Exclusions.Exclusion excluded = EXCLUDED.get(input);
                if (method.startsWith("toURI")) {
                    String urn = Vectors.escapeRawUrn(input);
                    if (excluded != null) {
                        assertExcluded(input, excluded, () -> Epc.parse(urn).canonical());
                        return;
                    }
                    Epc epc = Epc.parse(urn);
                    String dl = epc.digitalLink().orElseThrow();
                    assertValidUri(dl);
                    assertThat(Vectors.decodeLenient(dl)).isEqualTo(Vectors.decodeLenient(expected));
                    // Back again with the URN's own prefix length.
                    Gs1Key back = ((Gs1Key) Epc.parse(dl)).withGcpLength(((Gs1Key) epc).gcpLength().getAsInt());
                    assertThat(back.toUrn()).isEqualTo(((Gs1Key) epc).toUrn());
                    assertThat(back).isEqualTo(epc);
                } else {
                    String dl = Vectors.escapeRawUri(input);
                    // Without a gcp_length argument the vector's library took the length from its own GCP table,
                    // which we do not have: the length is read off the expected URN instead (the position of its
                    // first '.'), which still checks every other part of the translation.
                    int length = gcpArg.isEmpty() ? Vectors.gcpLengthOf(expected) : Integer.parseInt(gcpArg);
                    if (excluded != null) {
                        assertExcluded(input, excluded, () -> DigitalLink.parse(dl).toKey(CompanyPrefixLengths.none())
                                .withGcpLength(length).toUrn());
                        return;
                    }
                    CompanyPrefixLengths table = CompanyPrefixLengths.fixedTable();
                    Gs1Key unknown = (Gs1Key) Epc.parse(dl);
                    assertThat(unknown.gcpLength()).isEmpty();
                    assertThat(unknown.translateToUrn(table)).isInstanceOfSatisfying(
                            UrnTranslation.NotTranslated.class, n -> assertThat(n.reason())
                                    .isEqualTo(UrnTranslation.Reason.COMPANY_PREFIX_LENGTH_UNKNOWN));
                    table.put(unknown.prefixedDigits().substring(0, length), length);
                    Gs1Key key = (Gs1Key) Epc.parse(dl, table);
                    String urn = key.toUrn();
                    assertThat(key.translateToUrn(table).uri()).isEqualTo(urn);
                    assertThat(Vectors.decodeLenient(urn)).isEqualTo(Vectors.decodeLenient(expected));
                    // Back again: the URN gives the same canonical Digital Link.
                    assertThat(Epc.parse(urn).canonical()).isEqualTo(key.canonical());
                }
            }));
        }
        return tests.stream();
    }

    private static void assertExcluded(String input, Exclusions.Exclusion excluded, Callable<String> translation)
            throws Exception {
        assertThat(excluded.reason()).isNotBlank();
        if (excluded.expectedError() != null) {
            assertThatThrownBy(translation::call).as("excluded vector %s (%s)", input, excluded.reason())
                    .isInstanceOf(IdentifierException.class).hasMessageContaining(excluded.expectedError());
        } else {
            assertThat(translation.call()).as("excluded vector %s (%s)", input, excluded.reason())
                    .isEqualTo(excluded.ourResult());
        }
    }

    private static void assertValidUri(String uri) {
        try {
            assertThat(new URI(uri).isAbsolute()).isTrue();
        } catch (URISyntaxException e) {
            fail("not a valid URI: " + uri + " (" + e.getMessage() + ")");
        }
    }
}
