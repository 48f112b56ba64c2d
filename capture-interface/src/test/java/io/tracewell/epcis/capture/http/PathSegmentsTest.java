package io.tracewell.epcis.capture.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathSegmentsTest {

    private static final String HASH_ID = "ni:///sha-256;df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba69"
            + "?ver=CBV2.0";

    @Test
    void encodesEverythingButUnreservedCharacters() {
        assertThat(PathSegments.encode(HASH_ID)).isEqualTo("ni%3A%2F%2F%2Fsha-256%3B"
                + "df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba69%3Fver%3DCBV2.0");
        assertThat(PathSegments.encode("a b+ü")).isEqualTo("a%20b%2B%C3%BC");
    }

    @Test
    void decodesOnceAndLeavesPlusAlone() {
        assertThat(PathSegments.decode(PathSegments.encode(HASH_ID))).isEqualTo(HASH_ID);
        assertThat(PathSegments.decode("urn%253Auuid")).isEqualTo("urn%3Auuid");
        assertThat(PathSegments.decode("a+b")).isEqualTo("a+b");
    }

    @Test
    void refusesABrokenEscapeSayingWhere() {
        assertThatThrownBy(() -> PathSegments.decode("urn%3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'%' at character 4 of the path segment is not followed by two hexadecimal digits");
        assertThatThrownBy(() -> PathSegments.decode("%C3%28"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the decoded path segment is not UTF-8");
    }
}
