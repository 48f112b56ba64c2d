package io.tracewell.epcis.cbv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CbvValuesTest {

    static Stream<Arguments> urnVocabularies() {
        return Stream.of(
                Arguments.of((Function<String, CbvUrnValue>) BizStep::of, "shipping",
                        "urn:epcglobal:cbv:bizstep:shipping", "https://ref.gs1.org/cbv/BizStep-shipping",
                        "cbv:BizStep-shipping"),
                Arguments.of((Function<String, CbvUrnValue>) Disposition::of, "in_transit",
                        "urn:epcglobal:cbv:disp:in_transit", "https://ref.gs1.org/cbv/Disp-in_transit",
                        "cbv:Disp-in_transit"),
                Arguments.of((Function<String, CbvUrnValue>) BizTransactionType::of, "po",
                        "urn:epcglobal:cbv:btt:po", "https://ref.gs1.org/cbv/BTT-po", "cbv:BTT-po"),
                Arguments.of((Function<String, CbvUrnValue>) SourceDestType::of, "possessing_party",
                        "urn:epcglobal:cbv:sdt:possessing_party", "https://ref.gs1.org/cbv/SDT-possessing_party",
                        "cbv:SDT-possessing_party"),
                Arguments.of((Function<String, CbvUrnValue>) ErrorReason::of, "incorrect_data",
                        "urn:epcglobal:cbv:er:incorrect_data", "https://ref.gs1.org/cbv/ER-incorrect_data",
                        "cbv:ER-incorrect_data"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("urnVocabularies")
    void everySpellingIsOneValueAndRendersToEachSpelling(Function<String, CbvUrnValue> of, String word, String urn,
            String web, String curie) {
        CbvUrnValue value = of.apply(word);
        assertThat(of.apply(urn)).isEqualTo(value);
        assertThat(of.apply(web)).isEqualTo(value);
        assertThat(of.apply(curie)).isEqualTo(value);
        assertThat(of.apply("  " + urn + "\n")).isEqualTo(value);
        assertThat(value.uri()).isEqualTo(web);
        assertThat(value.term()).contains(word);
        assertThat(value.isStandard()).isTrue();
        assertThat(value.toBareWord()).isEqualTo(word);
        assertThat(value.toUrn()).isEqualTo(urn);
        assertThat(value.toWebUri()).isEqualTo(web);
        assertThat(value.toCurie()).isEqualTo(curie);
        assertThat(value.toJsonValue()).isEqualTo(word);
        assertThat(value.toXmlValue()).isEqualTo(urn);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("urnVocabularies")
    void otherUrisPassThroughUnchanged(Function<String, CbvUrnValue> of, String word) {
        for (String uri : new String[] {"urn:example:vocab:x", "https://example.com/voc/" + word,
            "urn:epcglobal:cbv:bizstep:no_such_step", "example:x"}) {
            CbvUrnValue value = of.apply(uri);
            assertThat(value.uri()).isEqualTo(uri);
            assertThat(value.isStandard()).isFalse();
            assertThat(value.toUrn()).isEqualTo(uri);
            assertThat(value.toBareWord()).isEqualTo(uri);
            assertThat(value.toWebUri()).isEqualTo(uri);
            assertThat(value.toJsonValue()).isEqualTo(uri);
        }
    }

    @Test
    void unknownBareWordsAndMalformedUrisAreRejected() {
        assertThatThrownBy(() -> BizStep.of("Shipping")).isInstanceOf(VocabularyException.class)
                .hasMessage("bizStep 'Shipping' is neither a CBV 2.0 bizStep term nor an absolute URI");
        assertThatThrownBy(() -> Disposition.of("")).hasMessage("disposition is empty");
        assertThatThrownBy(() -> SourceDestType.of("urn:a b"))
                .hasMessage("source/destination type 'urn:a b' is not a well-formed URI: Illegal character in"
                        + " opaque part at position 5");
        assertThatThrownBy(() -> SensorMeasurementType.of("Temp"))
                .hasMessage("sensor measurement type 'Temp' is neither a CBV 2.0 sensor measurement type term nor an"
                        + " absolute URI");
    }

    @Test
    void sensorMeasurementTypesAreGs1WebVocabularyTerms() {
        SensorMeasurementType t = SensorMeasurementType.of("Temperature");
        assertThat(SensorMeasurementType.of("gs1:Temperature")).isEqualTo(t);
        assertThat(SensorMeasurementType.of("https://gs1.org/voc/Temperature")).isEqualTo(t);
        assertThat(SensorMeasurementType.of("https://ref.gs1.org/voc/Temperature")).isEqualTo(t);
        assertThat(t).isEqualTo(SensorMeasurementType.TEMPERATURE);
        assertThat(t.uri()).isEqualTo("https://gs1.org/voc/Temperature");
        assertThat(t.toCurie()).isEqualTo("gs1:Temperature");
        assertThat(t.toXmlValue()).isEqualTo("gs1:Temperature");
        assertThat(t.toJsonValue()).isEqualTo("Temperature");
        assertThat(t.toWebUri(CbvVocabulary.GS1_VOC_REF_NAMESPACE)).isEqualTo("https://ref.gs1.org/voc/Temperature");
        // Not a term of the context: kept as written, the gs1: prefix still expands for the Web URI.
        SensorMeasurementType other = SensorMeasurementType.of("gs1:Molar_concentration");
        assertThat(other.uri()).isEqualTo("gs1:Molar_concentration");
        assertThat(other.isStandard()).isFalse();
        assertThat(other.toWebUri()).isEqualTo("https://gs1.org/voc/Molar_concentration");
        assertThat(SensorMeasurementType.of("example:someSensorProperty").toXmlValue())
                .isEqualTo("example:someSensorProperty");
    }

    @Test
    void sensorAlertTypesAndComponents() {
        assertThat(SensorAlertType.of("ALARM_CONDITION")).isEqualTo(SensorAlertType.of("gs1:ALARM_CONDITION"))
                .isEqualTo(SensorAlertType.ALARM_CONDITION);
        assertThat(SensorAlertType.ERROR_CONDITION.toWebUri()).isEqualTo("https://gs1.org/voc/ERROR_CONDITION");
        SensorComponent northing = SensorComponent.of("cbv:Comp-northing");
        assertThat(northing).isEqualTo(SensorComponent.NORTHING).isEqualTo(SensorComponent.of("northing"))
                .isEqualTo(SensorComponent.of("https://ref.gs1.org/cbv/Comp-northing"));
        assertThat(northing.toXmlValue()).isEqualTo("cbv:Comp-northing");
        assertThat(northing.toJsonValue()).isEqualTo("northing");
        assertThat(SensorComponent.of("example:x").toWebUri()).isEqualTo("example:x");
    }

    @Test
    void urnNamespaceIsCaseInsensitiveButTermsAreNot() {
        assertThat(BizStep.of("URN:EPCGLOBAL:CBV:BIZSTEP:shipping")).isEqualTo(BizStep.SHIPPING);
        assertThat(BizStep.of("urn:epcglobal:cbv:bizstep:SHIPPING").isStandard()).isFalse();
    }

    @Test
    void everyVocabularyKnowsItsTerms() {
        assertThat(CbvVocabulary.BIZ_STEP.terms()).hasSize(41).contains("shipping", "void_shipping");
        assertThat(CbvVocabulary.DISPOSITION.terms()).hasSize(33).contains("in_transit");
        assertThat(CbvVocabulary.SENSOR_MEASUREMENT_TYPE.terms()).hasSize(72).contains("Temperature");
        assertThat(CbvVocabulary.SENSOR_COMPONENT.terms()).hasSize(14);
        assertThat(CbvVocabulary.SENSOR_MEASUREMENT_TYPE.urnPrefix()).isEmpty();
        assertThat(CbvVocabulary.BIZ_TRANSACTION_TYPE.urnPrefix()).contains("urn:epcglobal:cbv:btt:");
    }
}
