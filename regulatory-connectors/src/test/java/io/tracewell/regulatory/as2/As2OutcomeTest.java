package io.tracewell.regulatory.as2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class As2OutcomeTest {

    private static final String ID = "<1@tracewell.test>";
    private static final String MIC = "q83vEjRWeJA=, sha-256";

    @Test
    void transportTroubleIsRetryableRefusalsAreNot() {
        assertThat(failed(As2Failure.CONNECTION_REFUSED, 0).retryable()).isTrue();
        assertThat(failed(As2Failure.CONNECTION_FAILED, 0).retryable()).isTrue();
        assertThat(failed(As2Failure.HTTP_STATUS, 503).retryable()).isTrue();
        assertThat(failed(As2Failure.HTTP_STATUS, 429).retryable()).isTrue();
        assertThat(failed(As2Failure.HTTP_STATUS, 403).retryable()).isFalse();
        assertThat(failed(As2Failure.MIC_MISMATCH, 200).retryable()).isFalse();
        assertThat(failed(As2Failure.MDN_SIGNATURE_INVALID, 200).retryable()).isFalse();
        assertThat(failed(As2Failure.DISPOSITION_NOT_PROCESSED, 200).retryable()).isFalse();
        assertThat(new As2Outcome(As2Outcome.Status.ACKNOWLEDGED, null, null, ID, MIC, 200, new byte[1], Map.of(),
                "automatic-action/MDN-sent-automatically; processed").retryable()).isFalse();
    }

    @Test
    void failureAndReasonComeExactlyWithTheFailedStatus() {
        assertThatThrownBy(() -> new As2Outcome(As2Outcome.Status.FAILED, null, null, ID, MIC, 0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status FAILED");
        assertThatThrownBy(() -> new As2Outcome(As2Outcome.Status.ACKNOWLEDGED, As2Failure.MIC_MISMATCH, "x", ID,
                MIC, 200, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mdnBytesAndHeadersAreCopiedAndHeadersFoundRegardlessOfCase() {
        byte[] mdn = {1, 2, 3};
        As2Outcome outcome = new As2Outcome(As2Outcome.Status.ACKNOWLEDGED, null, null, ID, MIC, 200, mdn,
                Map.of("Content-Type", List.of("multipart/signed; boundary=x")), "d");
        mdn[0] = 9;
        outcome.mdn()[1] = 9;

        assertThat(outcome.mdn()).containsExactly(1, 2, 3);
        assertThat(outcome.mdnHeader("content-type")).isEqualTo("multipart/signed; boundary=x");
        assertThat(outcome.mdnHeader("AS2-From")).isNull();
    }

    private static As2Outcome failed(As2Failure failure, int status) {
        return As2Outcome.failed(failure, "because", ID, MIC, status, null, null, null);
    }
}
