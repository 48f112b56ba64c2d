package io.tracewell.epcis.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CbvVocabularyTest {

    @ParameterizedTest
    @EnumSource(CbvVocabulary.class)
    void everyWordHasTheSameMeaningInAllThreeSpellings(CbvVocabulary vocabulary) {
        assertThat(vocabulary.words()).isNotEmpty();
        for (String word : vocabulary.words()) {
            String urn = vocabulary.canonical(word);
            assertThat(urn).startsWith("urn:epcglobal:cbv:").endsWith(":" + word);
            assertThat(vocabulary.canonical(urn)).isEqualTo(urn);
        }
    }

    @Test
    void webUrisMapToUrns() {
        assertThat(CbvVocabulary.BIZ_STEP.canonical("https://ref.gs1.org/cbv/BizStep-shipping"))
                .isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
        assertThat(CbvVocabulary.DISPOSITION.canonical("https://ref.gs1.org/cbv/Disp-in_transit"))
                .isEqualTo("urn:epcglobal:cbv:disp:in_transit");
        assertThat(CbvVocabulary.BIZ_TRANSACTION_TYPE.canonical("https://ref.gs1.org/cbv/BTT-desadv"))
                .isEqualTo("urn:epcglobal:cbv:btt:desadv");
        assertThat(CbvVocabulary.SOURCE_DEST_TYPE.canonical("https://ref.gs1.org/cbv/SDT-owning_party"))
                .isEqualTo("urn:epcglobal:cbv:sdt:owning_party");
        assertThat(CbvVocabulary.ERROR_REASON.canonical("https://ref.gs1.org/cbv/ER-did_not_occur"))
                .isEqualTo("urn:epcglobal:cbv:er:did_not_occur");
        assertThat(CbvVocabulary.BIZ_STEP.canonical("cbv:BizStep-shipping"))
                .isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
    }

    @Test
    void userValuesAndUnknownWordsStayAsWritten() {
        assertThat(CbvVocabulary.BIZ_STEP.canonical("http://epcis.example.org/hc/bizstep/summarising_discharge"))
                .isEqualTo("http://epcis.example.org/hc/bizstep/summarising_discharge");
        assertThat(CbvVocabulary.BIZ_STEP.canonical("in_transit")).isEqualTo("in_transit");
        assertThat(CbvVocabulary.DISPOSITION.canonical("shipping")).isEqualTo("shipping");
        // The Web URI term names are case-sensitive (CBV 2.0 §6.3).
        assertThat(CbvVocabulary.BIZ_STEP.canonical("https://ref.gs1.org/cbv/Bizstep-shipping"))
                .isEqualTo("https://ref.gs1.org/cbv/Bizstep-shipping");
    }
}
