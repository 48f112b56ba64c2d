package io.tracewell.epcis.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.validation.DocumentValidator;
import io.tracewell.epcis.validation.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One nesting limit for extensions in both readers and both validators, so that what one accepts converts. */
class ExtensionDepthLimitTest {

    private static final int MAX = ExtensionElement.MAX_DEPTH;

    static String xml(int depth) {
        return "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" xmlns:x=\"https://ns.example.com/x/\""
                + " schemaVersion=\"2.0\" creationDate=\"2024-03-01T10:00:00Z\"><EPCISBody><EventList><ObjectEvent>"
                + "<eventTime>2024-03-01T09:58:00Z</eventTime><eventTimeZoneOffset>+01:00</eventTimeZoneOffset>"
                + "<epcList><epc>urn:epc:id:sgtin:4012345.011111.1001</epc></epcList><action>OBSERVE</action>"
                + "<x:a>".repeat(depth) + "v" + "</x:a>".repeat(depth)
                + "</ObjectEvent></EventList></EPCISBody></epcis:EPCISDocument>";
    }

    static String json(int depth) {
        return "{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\","
                + " {\"x\": \"https://ns.example.com/x/\"}], \"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\","
                + " \"creationDate\": \"2024-03-01T10:00:00Z\", \"epcisBody\": {\"eventList\": [{\"type\": \"ObjectEvent\","
                + " \"eventTime\": \"2024-03-01T09:58:00Z\", \"eventTimeZoneOffset\": \"+01:00\","
                + " \"epcList\": [\"urn:epc:id:sgtin:4012345.011111.1001\"], \"action\": \"OBSERVE\", \"x:a\": "
                + "{\"x:a\": ".repeat(depth - 1) + "\"v\"" + "}".repeat(depth - 1) + "}]}}";
    }

    @Test
    void theLimitItselfIsAcceptedAndConvertsBothWays() {
        for (String doc : List.of(xml(MAX), json(MAX))) {
            assertThat(DocumentValidator.create().validate(in(doc))).isEmpty();
            EpcisDocument read = EpcisFormats.readDocument(in(doc));
            for (Format target : Format.values()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                EpcisFormats.writeDocument(read, target, out);
                assertThat(EpcisFormats.readDocument(new ByteArrayInputStream(out.toByteArray())).events())
                        .isEqualTo(read.events());
            }
        }
    }

    @Test
    void oneLevelMoreIsRejectedByTheValidatorsWithItsLocation() {
        List<Violation> xml = DocumentValidator.create().validate(in(xml(MAX + 1)));
        List<Violation> json = DocumentValidator.create().validate(in(json(MAX + 1)));

        assertThat(xml).singleElement().satisfies(v -> {
            assertThat(v.location().line()).isEqualTo(1);
            assertThat(v.message()).isEqualTo("extension elements nested deeper than 64 levels");
        });
        assertThat(json).singleElement().satisfies(v -> {
            assertThat(v.location().pointer()).isEqualTo("/epcisBody/eventList/0" + "/x:a".repeat(MAX + 1));
            assertThat(v.message()).isEqualTo("extension value nested deeper than 64 levels");
        });
    }

    @Test
    void oneLevelMoreIsRejectedByTheReaders() {
        assertThatThrownBy(() -> EpcisFormats.readDocument(in(xml(MAX + 1))))
                .isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("line 1").hasMessageContaining("nested deeper than 64 levels");
        assertThatThrownBy(() -> EpcisFormats.readDocument(in(json(MAX + 1))))
                .isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("/epcisBody/eventList/0" + "/x:a".repeat(MAX + 1))
                .hasMessageContaining("nested deeper than 64 levels");
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
