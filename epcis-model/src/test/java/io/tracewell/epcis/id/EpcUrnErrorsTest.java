package io.tracewell.epcis.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed EPC URIs: each error says what is wrong and where (0-based position in the input). */
class EpcUrnErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            urn:epc:id:sgtin:4012345.011111.123456789012345678901 | serial (AI 21) longer than 20 characters | 52
            urn:epc:id:sgtin:4012345.011111.                      | serial (AI 21) is empty | 32
            urn:epc:id:sgtin:4012345.011111.12"4                  | character '"' must be written %22 in an EPC URI | 34
            urn:epc:id:sgtin:4012345.011111.12%234                | character '#' not allowed in AI 21 (GS1 character set 82) | 34
            urn:epc:id:sgtin:4012345.011111.1%2G                  | malformed percent-encoding '%2G' | 33
            urn:epc:id:sgtin:4012345.01111.1                      | sgtin: company prefix and indicator digit and item reference must have 13 digits together, found 12 | 25
            urn:epc:id:sgtin:40123.0111111.1                      | GS1 company prefix must be 6 to 12 digits, found 5 | 17
            urn:epc:id:sgtin:401234A.011111.1                     | character 'A' not allowed in GS1 company prefix (numeric) | 23
            urn:epc:id:sgtin:4012345.011111                       | sgtin EPC URI needs 3 components separated by '.', found 2 | 17
            urn:epc:id:sscc:4012345.311111111                     | sscc: company prefix and extension digit and serial reference must have 17 digits together, found 16 | 24
            urn:epc:id:sgln:4012345.00005.123456789012345678901   | GLN extension (AI 254) longer than 20 characters | 50
            urn:epc:id:grai:4012345.00022.12345678901234567       | GRAI serial (AI 8003) longer than 16 characters | 46
            urn:epc:id:grai:4012345.00022.                        | GRAI serial (AI 8003) is empty | 30
            urn:epc:id:gdti:4012345.00009.123456789012345678      | GDTI serial (AI 253) longer than 17 characters | 47
            urn:epc:id:sgcn:4012345.00009.12A                     | character 'A' not allowed in AI 255 (numeric) | 32
            urn:epc:id:giai:4012345.ABCDEFGHIJKLMNOPQRSTUVWXYZ    | GIAI (AI 8004) longer than 30 characters | 47
            urn:epc:id:cpi:0614141.ab.1                           | character 'a' not allowed in AI 8010 (GS1 character set 39) | 23
            urn:epc:id:cpi:0614141.AB.0123                        | CPID serial (AI 8011) must not start with 0 | 26
            urn:epc:id:itip:4012345.011111.03.02.987              | ITIP piece/total (AI 8006): piece 03 of total 02 invalid (both 01-99, piece <= total) | 31
            urn:epc:id:itip:4012345.011111.1.02.987               | itip piece number must be 2 digits, found 1 | 31
            urn:epc:id:upui:4012345.011111.12345678901234567890123456789 | third-party controlled serial (TPX) (AI 235) longer than 28 characters | 59
            urn:epc:class:lgtin:4012345.012345.ABC#               | character '#' must be written %23 in an EPC URI | 38
            urn:epc:idpat:sgtin:4012345.*.123                     | in an EPC pattern only trailing components may be '*' | 30
            urn:epc:idpat:sgtin:4012345.0123.*                    | sgtin: company prefix and indicator digit and item reference must have 13 digits together, found 11 | 28
            urn:epc:id:sgtin                                      | EPC URI needs ':' and a body after the scheme name | 16
            42                                                    | not an absolute URI (no scheme): '42' | 0
            https://id.gs1.org/01/09506000134353                  | GTIN check digit: expected 2, found 3 in 09506000134353 | 35
            """)
    void rejected(String input, String message, int position) {
        assertThatThrownBy(() -> Epc.parse(input)).isInstanceOfSatisfying(IdentifierException.class, e -> {
            assertThat(e.detail()).isEqualTo(message);
            if (position >= 0) {
                assertThat(e.position()).hasValue(position);
                assertThat(e.getMessage()).isEqualTo(message + " at position " + position);
                assertThat(e.input()).isEqualTo(input);
            }
        });
    }

    @Test
    void positionsCountFromTheUntrimmedInput() {
        assertThatThrownBy(() -> Epc.parse("  urn:epc:id:sgtin:4012345.011111.1\"")).isInstanceOfSatisfying(
                IdentifierException.class, e -> assertThat(e.position()).hasValue(35));
    }

    @Test
    void schemesWithoutGs1KeyAndTagUrisAreKeptAsUris() {
        assertThat(Epc.parse("urn:epc:id:gid:95100000.12345.400")).isEqualTo(
                new OtherUri("urn:epc:id:gid:95100000.12345.400"));
        assertThat(Epc.parse("urn:epc:id:gid:95100000.12345.400").translateToUrn())
                .isEqualTo(new UrnTranslation.Translated("urn:epc:id:gid:95100000.12345.400"));
        assertThat(Epc.parse("urn:epc:tag:sgtin-96:3.0614141.812345.6789")).isInstanceOf(OtherUri.class);
    }

    @Test
    void urnPrefixIsCaseInsensitiveAndEscapesAreRenderedCanonically() {
        Epc epc = Epc.parse("URN:EPC:ID:SGTIN:4012345.011111.a%21%2f");
        assertThat(epc).isEqualTo(Sgtin.of(new Gtin("04012345111118"), "a!/"));
        assertThat(((Gs1Key) epc).toUrn()).isEqualTo("urn:epc:id:sgtin:4012345.011111.a!%2F");
    }
}
