package io.tracewell.epcis.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionRequestTest {

    private static SubscriptionRequest read(String json) {
        return SubscriptionRequest.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static SubscriptionRequest.Invalid invalid(String json) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> read(json));
        assertThat(t).as(json).isInstanceOf(SubscriptionRequest.Invalid.class);
        return (SubscriptionRequest.Invalid) t;
    }

    @Test
    void readsAStreamingSubscription() {
        SubscriptionRequest r = read("""
                {"dest": "https://client.example.com/cb?x=1", "signatureToken": "s3cret", "stream": true,
                 "initialRecordTime": "2024-05-01T10:15:30.000+02:00"}""");
        assertThat(r.stream()).isTrue();
        assertThat(r.dest()).isEqualTo("https://client.example.com/cb?x=1");
        assertThat(r.signatureToken()).isEqualTo("s3cret");
        assertThat(r.initialRecordTime()).isEqualTo(Instant.parse("2024-05-01T08:15:30Z"));
        assertThat(r.mediaType()).isEqualTo("application/ld+json");
        assertThat(r.reportIfEmpty()).isFalse();
    }

    @Test
    void readsAScheduledSubscription() {
        SubscriptionRequest r = read("""
                {"dest": "http://10.0.0.5:8080/cb", "schedule": {"hour": "1", "minute": 5}, "reportIfEmpty": true,
                 "mediaType": "application/xml"}""");
        assertThat(r.stream()).isFalse();
        assertThat(r.schedule().fields()).containsExactly(java.util.Map.entry("minute", "5"),
                java.util.Map.entry("hour", "1"));
        assertThat(r.reportIfEmpty()).isTrue();
        assertThat(r.mediaType()).isEqualTo("application/xml");
        assertThat(r.initialRecordTime()).isNull();
    }

    @Test
    void refusesWhatIsNotASubscription() {
        assertThat(invalid("[]").getMessage()).contains("not a JSON object");
        assertThat(invalid("{\"dest\": \"https://a.example\", ").getMessage()).contains("not JSON");
        SubscriptionRequest.Invalid noDest = invalid("{\"stream\": true}");
        assertThat(noDest.badUri()).isTrue();
        assertThat(noDest.pointer()).isEqualTo("/dest");
        for (String dest : new String[] {"ftp://a.example/x", "/relative/path", "https://a.example/x#frag",
                "mailto:someone@example.com", "https://"}) {
            SubscriptionRequest.Invalid e = invalid("{\"dest\": \"" + dest + "\", \"stream\": true}");
            assertThat(e.badUri()).as(dest).isTrue();
        }
        assertThat(invalid("{\"dest\": \"https://a.example\"}").getMessage()).contains("neither a schedule nor");
        assertThat(invalid("{\"dest\": \"https://a.example\", \"stream\": false}").getMessage())
                .contains("neither a schedule nor");
        assertThat(invalid("{\"dest\": \"https://a.example\", \"stream\": \"yes\"}").pointer()).isEqualTo("/stream");
        assertThat(invalid("{\"dest\": \"https://a.example\", \"stream\": true, \"schedule\": {\"hour\": \"1\"}}")
                .getMessage()).contains("not both");
        assertThat(invalid("{\"dest\": \"https://a.example\", \"stream\": true, \"reportIfEmpty\": true}")
                .pointer()).isEqualTo("/reportIfEmpty");
        assertThat(invalid("{\"dest\": \"https://a.example\", \"stream\": true, \"secret\": \"x\"}").pointer())
                .isEqualTo("/secret");
        assertThat(invalid("{\"dest\": \"https://a.example\", \"stream\": true, \"signatureToken\": \"\"}")
                .pointer()).isEqualTo("/signatureToken");
        assertThat(invalid("{\"dest\": \"https://a.example\", \"stream\": true, \"initialRecordTime\": \"2024-05-01\"}")
                .pointer()).isEqualTo("/initialRecordTime");
        assertThat(invalid("{\"dest\": \"https://a.example\", \"stream\": true, \"mediaType\": \"text/csv\"}")
                .expected()).contains("application/xml");
        assertThat(invalid("{\"dest\": \"https://a.example\", \"dest\": \"https://b.example\", \"stream\": true}")
                .getMessage()).contains("dest");
    }

    @Test
    void scheduleErrorsNameTheField() {
        SubscriptionRequest.Invalid e = invalid("{\"dest\": \"https://a.example\", \"schedule\": {\"minute\": \"0/30\"}}");
        assertThat(e.pointer()).isEqualTo("/schedule/minute");
        assertThat(e.badUri()).isFalse();
        assertThat(e.getMessage()).contains("0/30");
        // A misspelt field is refused even when its value is null.
        assertThat(invalid("{\"dest\": \"https://a.example\", \"schedule\": {\"hour\": \"1\", \"minutes\": null}}")
                .getMessage()).contains("minutes");
        assertThat(invalid("{\"dest\": \"https://a.example\", \"schedule\": {}}").pointer()).isEqualTo("/schedule");
        assertThat(invalid("{\"dest\": \"https://a.example\", \"schedule\": {\"hour\": [1]}}").pointer())
                .isEqualTo("/schedule/hour");
    }

    @Test
    void signatureIsHmacSha256OfTheBody() {
        // RFC 4231, test case 2
        assertThat(NotificationSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String header = NotificationSignature.sign("token", body);
        assertThat(NotificationSignature.verify("token", body, header)).isTrue();
        assertThat(NotificationSignature.verify("other", body, header)).isFalse();
        assertThat(NotificationSignature.verify("token", "{\"a\":2}".getBytes(StandardCharsets.UTF_8), header))
                .isFalse();
        assertThat(NotificationSignature.verify("token", body, null)).isFalse();
    }

    @Test
    void positionsOrderByRowThenEvent() {
        assertThat(FeedPosition.allOf(5).reached(5)).isTrue();
        assertThat(new FeedPosition(5, 10).reached(5)).isFalse();
        assertThat(FeedPosition.allOf(4).reached(5)).isFalse();
        assertThatThrownBy(() -> new FeedPosition(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
