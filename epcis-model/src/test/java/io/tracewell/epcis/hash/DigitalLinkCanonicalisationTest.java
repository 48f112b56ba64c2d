package io.tracewell.epcis.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EPC URI and Digital Link URI to constrained canonical Digital Link as the hash uses them (TRANSLATION.md §1-§3
 * examples); the identifier package has its own tests of the translation, these check the seam and the escaping.
 */
class DigitalLinkCanonicalisationTest {
    private final IdentifierNormaliser current = new EpcIdentifierNormaliser(
            DigitalLinkEscaping.TDS_ESCAPES_ONLY);
    private final IdentifierNormaliser strict = new EpcIdentifierNormaliser(DigitalLinkEscaping.STRICT);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "urn:epc:id:sgtin:4012345.011111.987|https://id.gs1.org/01/04012345111118/21/987",
        "urn:epc:id:sgtin:415056789012.0.987654|https://id.gs1.org/01/04150567890128/21/987654",
        "urn:epc:id:sgtin:0614141.812345.6789|https://id.gs1.org/01/80614141123458/21/6789",
        "urn:epc:id:sscc:4012345.3111111111|https://id.gs1.org/00/340123451111111111",
        "urn:epc:id:sscc:4012345.0000000011|https://id.gs1.org/00/040123450000000115",
        "urn:epc:id:sgln:4012345.00005.0|https://id.gs1.org/414/4012345000054",
        "urn:epc:id:sgln:4012345.00005.122|https://id.gs1.org/414/4012345000054/254/122",
        "urn:epc:id:grai:4012345.00022.334455|https://id.gs1.org/8003/04012345000221334455",
        "urn:epc:id:giai:4012345.ABC345|https://id.gs1.org/8004/4012345ABC345",
        "urn:epc:id:gsrn:4012345.0000006765|https://id.gs1.org/8018/401234500000067657",
        "urn:epc:id:gsrnp:4012345.0000000007|https://id.gs1.org/8017/401234500000000074",
        "urn:epc:id:gdti:4012345.00009.PO-4711|https://id.gs1.org/253/4012345000092PO-4711",
        "urn:epc:id:gdti:987659999999..9|https://id.gs1.org/253/98765999999929",
        "urn:epc:id:sgcn:1234567890.12.1234|https://id.gs1.org/255/12345678901281234",
        "urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234|https://id.gs1.org/8010/061414111111111111111-A%23%2F/8011/1234",
        "urn:epc:id:ginc:0614141.xyz47%2F11|https://id.gs1.org/401/0614141xyz47%2F11",
        "urn:epc:id:gsin:4012345.222333444|https://id.gs1.org/402/40123452223334442",
        "urn:epc:id:itip:4012345.011111.01.02.987|https://id.gs1.org/8006/040123451111180102/21/987",
        "urn:epc:id:pgln:4000001.00000|https://id.gs1.org/417/4000001000005",
        "urn:epc:id:pgln:999999999999.|https://id.gs1.org/417/9999999999994",
        "urn:epc:class:lgtin:4012345.012345.Lot987|https://id.gs1.org/01/04012345123456/10/Lot987",
        "urn:epc:idpat:sgtin:4012345.012345.*|https://id.gs1.org/01/04012345123456",
        "urn:epc:idpat:grai:4012345.99999.*|https://id.gs1.org/8003/04012345999990",
        "urn:epc:idpat:gdti:4012345.11111.*|https://id.gs1.org/253/4012345111118",
        "urn:epc:idpat:sgcn:4012345.22222.*|https://id.gs1.org/255/4012345222227",
        "urn:epc:idpat:cpi:4012345.AB12.*|https://id.gs1.org/8010/4012345AB12",
        "urn:epc:idpat:itip:4012345.012345.01.02.*|https://id.gs1.org/8006/040123451234560102",
        "urn:epc:idpat:upui:4012345.012345.*|https://id.gs1.org/01/04012345123456",
    })
    void epcUrisBecomeDigitalLinks(String urn, String link) {
        assertThat(current.canonical(urn)).isEqualTo(link);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // short names, custom hosts, query strings, GTIN padding, qualifiers beyond the identification level
        "https://id.gs1.org/gtin/09780345418913|https://id.gs1.org/01/09780345418913",
        "https://example.com/gtin/09780345418913/21/765tz?abc=211121|https://id.gs1.org/01/09780345418913/21/765tz",
        "http://example.de/gtin-8/01/97803119|https://id.gs1.org/01/00000097803119",
        "http://us-company-with-UPC.com/01/001122334455/ser/GHB|https://id.gs1.org/01/00001122334455/21/GHB",
        "https://id.gs1.org/gtin/9780345418913/cpv/344/lot/1223/ser/765tz|https://id.gs1.org/01/09780345418913/21/765tz",
        "http://example.de/01/040123451235/cpv/344/lot/ABD|https://id.gs1.org/01/00040123451235/10/ABD",
        "https://fashion-corp.com/8006/040123451234560102/10/Lot-123/21/ser987|https://id.gs1.org/8006/040123451234560102/21/ser987",
        "https://example.co.uk/party/4226350800008|https://id.gs1.org/417/4226350800008",
        "https://id.gs1.org/414/4280000000002/254/12|https://id.gs1.org/414/4280000000002/254/12",
        "https://id.gs1.org/giai/4000001111|https://id.gs1.org/8004/4000001111",
        "https://example.org/8004/401234599999|https://id.gs1.org/8004/401234599999",
        "https://id.gs1.org/8010/0628165987/8011/9876|https://id.gs1.org/8010/0628165987/8011/9876",
    })
    void digitalLinksAreConstrained(String input, String expected) {
        assertThat(current.canonical(input)).isEqualTo(expected);
    }

    /** Includes keys with a wrong check digit, which the 2025 normaliser translated anyway. */
    @ParameterizedTest
    @ValueSource(strings = {"http://example.de/gtin-8/01/97803111", "http://example.de/01/040123451234/cpv/344/lot/ABD",
        "http://example.org/123/4012345ABC987/456/4711", "http://id.gs1.org/99/9780345418913",
        "http://id.gs1.org/01/9780345418913/99/utfgf", "http://example.de/01/97803",
        "https://id.gs1.org/8006/04012345123456/22/ABCD/10/XYZ", "https://id.gs1.org/01/09780345418913/21/",
        "https://example.com/ErrorCode-A827", "42", "Hello World!", "urn:epc:id:sgtin:4012345.11111.987",
        "urn:epc:id:sgtin:4012345.011111.", "urn:epc:idpat:sgtin:4012345.*.*", "urn:epc:id:gid:95100000.12345.400"})
    void othersAreLeftAsWritten(String value) {
        assertThat(current.canonical(value)).isEqualTo(value);
    }

    @Test
    void valuesAreDecodedThenReEncodedInTheProfileStyle() {
        String urn = "urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()";
        assertThat(current.canonical(urn)).isEqualTo("https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22!%3F()");
        assertThat(strict.canonical(urn))
                .isEqualTo("https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29");
        // the same serial written with escapes in a Digital Link gives the same canonical form
        assertThat(current.canonical("https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29"))
                .isEqualTo(current.canonical(urn));
        assertThat(current.canonical("urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7SDB"))
                .isEqualTo("https://id.gs1.org/01/01234567987651/235/51qIgY)%3C%26Jp3*j7SDB");
        // + , : ; = are legal in a path segment: literal, except in the strict 2025 style
        assertThat(current.canonical("urn:epc:id:giai:4012345.A%2FB+C,D:E;F=G"))
                .isEqualTo("https://id.gs1.org/8004/4012345A%2FB+C,D:E;F=G");
        assertThat(strict.canonical("urn:epc:id:giai:4012345.A%2FB+C,D:E;F=G"))
                .isEqualTo("https://id.gs1.org/8004/4012345A%2FB%2BC%2CD%3AE%3BF%3DG");
    }
}
