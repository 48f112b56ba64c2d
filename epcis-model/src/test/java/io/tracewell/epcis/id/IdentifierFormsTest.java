package io.tracewell.epcis.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cached forms are the parsed ones, before and after the cache fills, and bad values are never cached. */
class IdentifierFormsTest {

    private static final List<String> VALUES = List.of(
            "urn:epc:id:sgtin:0614141.107346.2017",
            "https://example.com/01/00614141073467/21/2017?x=1",
            "urn:epc:idpat:sgtin:0614141.107346.*",
            "urn:epc:id:sgln:0614141.00001.0",
            "https://example.com/locations/7",
            "urn:example:anything");

    @Test
    void cachedFormsAreTheParsedForms() {
        for (int pass = 0; pass < 2; pass++) {
            for (String value : VALUES) {
                Epc parsed = Epc.parse(value);
                assertThat(Epc.canonicalOf(value)).as(value).isEqualTo(parsed.canonical());
                assertThat(Epc.digitalLinkOf(value)).as(value).isEqualTo(parsed.digitalLink());
            }
        }
    }

    @Test
    void aFullCacheStartsAgainAndStaysRight() {
        for (int i = 0; i < IdentifierForms.MAX_ENTRIES + 10; i++) {
            String value = "urn:epc:id:sgtin:0614141.107346." + i;
            assertThat(Epc.canonicalOf(value)).isEqualTo("https://id.gs1.org/01/10614141073464/21/" + i);
        }
        assertThat(Epc.canonicalOf(VALUES.get(0))).isEqualTo("https://id.gs1.org/01/10614141073464/21/2017");
    }

    @Test
    void aValueThatDoesNotParseFailsEveryTime() {
        for (int pass = 0; pass < 2; pass++) {
            assertThatThrownBy(() -> Epc.canonicalOf("urn:epc:id:sgtin:0614141.107346")).isInstanceOf(
                    IdentifierException.class);
        }
    }
}
