package io.tracewell.epcis.capture.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.format.xml.CbvXmlForm;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseFormatsTest {

    private static ResponseFormats read(Map<String, String> headers) {
        return ResponseFormats.fromHeaders(headers::get, CompanyPrefixLengths.none());
    }

    @Test
    void withoutHeadersDigitalLinksAndCbvUrns() {
        ResponseFormats f = read(Map.of());
        assertThat(f.epcs().format()).isEqualTo(EpcFormat.ALWAYS_GS1_DIGITAL_LINK);
        assertThat(f.cbvXmlForm()).isEqualTo(CbvXmlForm.URN);
    }

    @Test
    void everyValueOfTheBindingIsRead() {
        assertThat(read(Map.of("GS1-EPC-Format", "Always_EPC_URN")).epcs().format())
                .isEqualTo(EpcFormat.ALWAYS_EPC_URN);
        assertThat(read(Map.of("GS1-EPC-Format", "Always_GS1_Digital_Link")).epcs().format())
                .isEqualTo(EpcFormat.ALWAYS_GS1_DIGITAL_LINK);
        assertThat(read(Map.of("GS1-EPC-Format", "Never_Translates")).epcs().format())
                .isEqualTo(EpcFormat.NEVER_TRANSLATES);
        assertThat(read(Map.of("GS1-EPC-Format", " no_preference ")).epcs().format())
                .isEqualTo(EpcFormat.NO_PREFERENCE);
        assertThat(read(Map.of("GS1-CBV-XML-Format", "Always_Web_URI")).cbvXmlForm()).isEqualTo(CbvXmlForm.WEB_URI);
        assertThat(read(Map.of("GS1-CBV-XML-Format", "Always_URN")).cbvXmlForm()).isEqualTo(CbvXmlForm.URN);
        assertThat(read(Map.of("GS1-CBV-XML-Format", "No_Preference")).cbvXmlForm()).isEqualTo(CbvXmlForm.URN);
        assertThat(read(Map.of("GS1-CBV-XML-Format", "Never_Translates")).cbvXmlForm()).isEqualTo(CbvXmlForm.URN);
    }

    @Test
    void anUnknownValueIsNotAcceptableAndTheProblemNamesHeaderAndValues() {
        assertThatThrownBy(() -> read(Map.of("GS1-EPC-Format", "Always_Digital_Link")))
                .isInstanceOfSatisfying(ResponseFormats.UnsupportedHeaderValue.class, e -> {
                    assertThat(e.header()).isEqualTo("GS1-EPC-Format");
                    assertThat(e.value()).isEqualTo("Always_Digital_Link");
                    Problem p = e.problem("/events");
                    assertThat(p.exception()).isEqualTo(EpcisExceptionType.NOT_ACCEPTABLE);
                    assertThat(p.detail()).contains("GS1-EPC-Format", "\"Always_Digital_Link\"");
                    assertThat(p.errors()).singleElement().satisfies(err -> assertThat(err.expected())
                            .isEqualTo("GS1-EPC-Format: one of No_Preference, Always_GS1_Digital_Link, "
                                    + "Always_EPC_URN, Never_Translates"));
                });
        assertThatThrownBy(() -> read(Map.of("GS1-CBV-XML-Format", "Always_Bare_Word")))
                .isInstanceOfSatisfying(ResponseFormats.UnsupportedHeaderValue.class, e -> {
                    assertThat(e.header()).isEqualTo("GS1-CBV-XML-Format");
                    assertThat(e.problem("/events").errors().get(0).expected())
                            .isEqualTo("GS1-CBV-XML-Format: one of No_Preference, Always_Web_URI, Always_URN, "
                                    + "Never_Translates");
                });
        assertThatThrownBy(() -> read(Map.of("GS1-EPC-Format", "")))
                .isInstanceOf(ResponseFormats.UnsupportedHeaderValue.class);
    }
}
