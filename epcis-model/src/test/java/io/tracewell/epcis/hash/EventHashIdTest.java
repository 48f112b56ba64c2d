package io.tracewell.epcis.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventHashIdTest {
    private static final String ID =
            "ni:///sha-256;6ae96341e0acc6d7a261364751f60e68278a81cdf51da0abb6b4e617014e39d7?ver=CBV2.0";

    @Test
    void parsesAndWritesBackTheSameUri() {
        EventHashId id = EventHashId.parse(ID);

        assertThat(id.algorithm()).isEqualTo(HashAlgorithm.SHA_256);
        assertThat(id.digestHex()).startsWith("6ae963").hasSize(64);
        assertThat(id.version()).isEqualTo("CBV2.0");
        assertThat(id).hasToString(ID);
    }

    @Test
    void acceptsOtherRegistryAlgorithmsAndVersions() {
        String sha3 = "ni:///sha3-256;" + "0".repeat(64) + "?ver=CBV2.1";
        assertThat(EventHashId.parse(sha3).algorithm()).isEqualTo(HashAlgorithm.SHA3_256);
        assertThat(EventHashId.parse(sha3).version()).isEqualTo("CBV2.1");
    }

    @Test
    void rejectsBase64UrlDigestsWithWhatWasExpected() {
        assertThatThrownBy(() -> EventHashId.parse("ni:///sha-256;aumjQeCsxteiYTZHUfYOaCeKgc31HaCrtrTmFwFOOdc"
                + "?ver=CBV2.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected an event hash ID such as ni:///sha-256;<64 lowercase hex digits>?ver=CBV2.0,"
                        + " found 'ni:///sha-256;aumjQeCsxteiYTZHUfYOaCeKgc31HaCrtrTmFwFOOdc?ver=CBV2.0'");
    }

    @Test
    void rejectsADigestOfTheWrongLength() {
        assertThatThrownBy(() -> EventHashId.parse("ni:///sha-384;" + "a".repeat(64) + "?ver=CBV2.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 96 lowercase hex digits for sha-384, found '" + "a".repeat(64) + "'");
    }

    @Test
    void rejectsAnUnknownAlgorithm() {
        assertThatThrownBy(() -> EventHashId.parse("ni:///md5;" + "a".repeat(32) + "?ver=CBV2.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported hash algorithm 'md5' in event hash ID; expected one of sha-256, sha-384,"
                        + " sha-512, sha3-256, sha3-384, sha3-512");
    }

    @Test
    void rejectsAMissingVersion() {
        assertThatThrownBy(() -> EventHashId.parse("ni:///sha-256;" + "a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected an event hash ID such as");
    }
}
