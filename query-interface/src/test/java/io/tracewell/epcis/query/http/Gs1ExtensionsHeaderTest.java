package io.tracewell.epcis.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.query.QueryParameterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Gs1ExtensionsHeaderTest {

    private static final Map<String, String> TWO = Map.of(
            "example-epc-ext", "http://org1.example.com/epcis/",
            "example-epc-ext2", "http://vendor.example.com/epcis/");

    @Test
    void absentOrBlankDeclaresNothing() {
        assertThat(Gs1ExtensionsHeader.parse(null)).isEqualTo(Namespaces.NONE);
        assertThat(Gs1ExtensionsHeader.parse("  ")).isEqualTo(Namespaces.NONE);
    }

    @Test
    void prefixEqualsIriList() {
        Namespaces ns = Gs1ExtensionsHeader.parse(
                "example-epc-ext=http://org1.example.com/epcis/, example-epc-ext2=http://vendor.example.com/epcis/");
        assertThat(ns.byPrefix()).isEqualTo(TWO);
    }

    @Test
    void quotedPrefixColonIriList() {
        Namespaces ns = Gs1ExtensionsHeader.parse(
                "\"example-epc-ext\":\"http://org1.example.com/epcis/\",\"example-epc-ext2\" : \"http://vendor.example.com/epcis/\"");
        assertThat(ns.byPrefix()).isEqualTo(TWO);
    }

    @Test
    void jsonObjectBraces() {
        assertThat(Gs1ExtensionsHeader.parse(
                "{\"example-epc-ext\":\"http://org1.example.com/epcis/\", \"example-epc-ext2\":\"http://vendor.example.com/epcis/\"}")
                .byPrefix()).isEqualTo(TWO);
        assertThat(Gs1ExtensionsHeader.parse("{ex=urn:example:ns}").byPrefix())
                .isEqualTo(Map.of("ex", "urn:example:ns"));
    }

    @Test
    void singleEntryAndUrn() {
        assertThat(Gs1ExtensionsHeader.parse("ex=urn:example:ns:").iri("ex")).isEqualTo("urn:example:ns:");
    }

    @Test
    void malformedHeadersNameTheHeaderAndThePosition() {
        assertError("ex", "at character 3", "expected '='");
        assertError("ex=", "at character 4", "expected an IRI");
        assertError("ex=not an iri", "at character 4", "not an absolute IRI");
        assertError("9x=http://a.example/", "at character 1", "not a prefix");
        assertError("ex=http://a.example/,", "at character 22", "expected a prefix");
        assertError("\"ex\":\"http://a.example/", "at character 6", "not closed");
        assertError("\"ex\" http://a.example/", "at character 6", "expected ':' or '='");
        assertError("\"ex\":\"http://a.example/\" x", "at character 26", "expected ','");
        assertError("ex=http://a.example/, ex=http://b.example/", "at character 23", "bound twice");
        assertError("{\"ex\":\"http://a.example/\"", "", "expected '}'");
    }

    @Test
    void samePrefixTwiceWithTheSameIriIsAccepted() {
        assertThat(Gs1ExtensionsHeader.parse("ex=http://a.example/, ex=http://a.example/").byPrefix())
                .isEqualTo(Map.of("ex", "http://a.example/"));
    }

    private static void assertError(String header, String position, String reason) {
        assertThatThrownBy(() -> Gs1ExtensionsHeader.parse(header)).as(header)
                .isInstanceOfSatisfying(QueryParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("GS1-Extensions");
                    assertThat(e.getMessage()).contains(position).contains(reason);
                    assertThat(e.expected()).contains("prefix=IRI");
                });
    }
}
