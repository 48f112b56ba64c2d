package io.tracewell.epcis.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueCanonicaliserTest {
    private final ValueCanonicaliser cbv20 = canonicaliser(HashProfile.CBV_2_0);
    private final ValueCanonicaliser reference2025 = canonicaliser(HashProfile.CBV_2_0_REFERENCE_2025);

    private static ValueCanonicaliser canonicaliser(HashProfile profile) {
        return new ValueCanonicaliser(profile, new EpcIdentifierNormaliser(profile.escaping()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shipping", "urn:epcglobal:cbv:bizstep:shipping", "https://ref.gs1.org/cbv/BizStep-shipping",
        "cbv:BizStep-shipping", "  shipping \n"})
    void aBusinessStepInAnySpellingIsTheWebUri(String spelling) {
        assertThat(cbv20.vocabulary(spelling, CbvVocabulary.BIZ_STEP))
                .isEqualTo("https://ref.gs1.org/cbv/BizStep-shipping");
    }

    @ParameterizedTest(name = "{1}: {0} -> {2}")
    @CsvSource({
        "in_transit, DISPOSITION, https://ref.gs1.org/cbv/Disp-in_transit",
        "urn:epcglobal:cbv:disp:in_transit, DISPOSITION, https://ref.gs1.org/cbv/Disp-in_transit",
        "po, BUSINESS_TRANSACTION_TYPE, https://ref.gs1.org/cbv/BTT-po",
        "urn:epcglobal:cbv:btt:po, BUSINESS_TRANSACTION_TYPE, https://ref.gs1.org/cbv/BTT-po",
        "possessing_party, SOURCE_DESTINATION_TYPE, https://ref.gs1.org/cbv/SDT-possessing_party",
        "urn:epcglobal:cbv:sdt:possessing_party, SOURCE_DESTINATION_TYPE, https://ref.gs1.org/cbv/SDT-possessing_party",
        "incorrect_data, ERROR_REASON, https://ref.gs1.org/cbv/ER-incorrect_data",
        "urn:epcglobal:cbv:er:incorrect_data, ERROR_REASON, https://ref.gs1.org/cbv/ER-incorrect_data",
        "latitude, COMPONENT, https://ref.gs1.org/cbv/Comp-latitude",
        "example:x, COMPONENT, example:x",
        // a user vocabulary value is a URI and stays as written
        "http://epcis.example.com/user/vocab/bizstep/exampling, BIZ_STEP, "
                + "http://epcis.example.com/user/vocab/bizstep/exampling",
    })
    void cbvVocabularies(String value, CbvVocabulary vocabulary, String expected) {
        assertThat(cbv20.vocabulary(value, vocabulary)).isEqualTo(expected);
    }

    @Test
    void cbvUrnsAreWebUrisInAnyField() {
        assertThat(cbv20.value("urn:epcglobal:cbv:bizstep:receiving"))
                .isEqualTo("https://ref.gs1.org/cbv/BizStep-receiving");
        // bare words are only CBV terms in CBV fields
        assertThat(cbv20.value("receiving")).isEqualTo("receiving");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:epcglobal:cbv:bt:4012345000009:ASN1099", "urn:epcglobal:cbv:mda:lotNumber",
        "geo:47.506694,11.104301", "http://transaction.acme.com/po/12345678", "example:someSensorProperty",
        "urn:epc:id:gid:95100000.12345.400"})
    void identifiersThatAreNotVocabularyOrGs1KeysStayAsWritten(String value) {
        assertThat(cbv20.value(value)).isEqualTo(value);
        assertThat(cbv20.vocabulary(value, CbvVocabulary.BUSINESS_TRANSACTION_TYPE)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Temperature", "gs1:Temperature", "https://gs1.org/voc/Temperature",
        "https://www.gs1.org/voc/Temperature", "https://ref.gs1.org/voc/Temperature"})
    void sensorTypesAreGs1WebVocabularyUnderTheProfileBase(String spelling) {
        assertThat(cbv20.sensorTerm(spelling)).isEqualTo("https://ref.gs1.org/voc/Temperature");
        assertThat(reference2025.sensorTerm(spelling)).isEqualTo("https://gs1.org/voc/Temperature");
    }

    @Test
    void curiesOfTheStandardContextExpand() {
        assertThat(cbv20.value("cbv:Disp-recalled")).isEqualTo("https://ref.gs1.org/cbv/Disp-recalled");
        assertThat(cbv20.value("gs1:ALARM_CONDITION")).isEqualTo("https://ref.gs1.org/voc/ALARM_CONDITION");
        assertThat(cbv20.value("epcis:ObjectEvent")).isEqualTo("https://ref.gs1.org/epcis/ObjectEvent");
    }

    @Test
    void valuesAreTrimmedNumbersShortenedAndEpcsTranslated() {
        assertThat(cbv20.value("  AB-12\t")).isEqualTo("AB-12");
        assertThat(cbv20.value(" 23.0 ")).isEqualTo("23");
        assertThat(cbv20.value("urn:epc:id:sgln:4012345.00005.0")).isEqualTo("https://id.gs1.org/414/4012345000054");
        assertThat(cbv20.value("https://example.com/gtin/09780345418913/21/765tz?abc=1"))
                .isEqualTo("https://id.gs1.org/01/09780345418913/21/765tz");
    }

    @Test
    void booleansAreLowerCase() {
        assertThat(ValueCanonicaliser.bool(Boolean.TRUE)).isEqualTo("true");
        assertThat(ValueCanonicaliser.bool(Boolean.FALSE)).isEqualTo("false");
        assertThat(ValueCanonicaliser.bool(null)).isNull();
    }
}
