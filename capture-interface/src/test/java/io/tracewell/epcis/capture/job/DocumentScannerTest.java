package io.tracewell.epcis.capture.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.format.Format;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentScannerTest {

    private static final String JSON = """
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ex": "urn:ex:"}],
             "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-01-01T00:00:00Z",
             "epcisHeader": {"epcisMasterData": {"vocabularyList": [{"vocabularyElementList": [{"id": "a"}]}]}},
             "epcisBody": {"eventList": [{"type": "ObjectEvent", "ex:list": [{"eventList": [1, 2]}]},
                                         {"type": "ObjectEvent"}, {"type": "ObjectEvent"}]}}
            """;

    private static final String QUERY_JSON = """
            {"type": "EPCISQueryDocument", "epcisBody": {"queryResults": {"queryName": "SimpleEventQuery",
             "resultsBody": {"eventList": [{"type": "ObjectEvent"}, {"type": "AggregationEvent"}]}}}}
            """;

    private static final String XML = """
            <?xml version="1.0"?>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2024-01-01T00:00:00Z">
              <EPCISBody><EventList>
                <ObjectEvent><eventTime>x</eventTime><ex:EventList xmlns:ex="urn:ex"><ex:a/></ex:EventList></ObjectEvent>
                <AggregationEvent/>
                <extension><TransformationEvent/></extension>
              </EventList></EPCISBody>
            </epcis:EPCISDocument>
            """;

    @Test
    void countsTheEventsOfEachKindOfDocument() throws Exception {
        assertThat(scan(JSON, Format.JSON_LD, 10)).isEqualTo(3);
        assertThat(scan(QUERY_JSON, Format.JSON_LD, 10)).isEqualTo(2);
        assertThat(scan(XML, Format.XML, 10)).as("nested EventList and EPCIS 1.x extension").isEqualTo(3);
    }

    @Test
    void moreEventsThanTheLimitAreRefusedWhereTheFirstOneTooManyStarts() {
        assertThatThrownBy(() -> scan(JSON, Format.JSON_LD, 2)).isInstanceOfSatisfying(DocumentScanner.Refused.class,
                e -> {
                    assertThat(e.overLimit()).isTrue();
                    assertThat(e.location().pointer()).isEqualTo("/epcisBody/eventList/2");
                    assertThat(e.getMessage()).isEqualTo("the document holds more than 2 events");
                });
        assertThatThrownBy(() -> scan(XML, Format.XML, 2)).isInstanceOfSatisfying(DocumentScanner.Refused.class,
                e -> {
                    assertThat(e.overLimit()).isTrue();
                    assertThat(e.location().line()).isEqualTo(6);
                });
    }

    @Test
    void malformedDocumentsAreRefusedWithTheirPosition() {
        assertThatThrownBy(() -> scan("{\"epcisBody\": {\"eventList\": [1,\n 2", Format.JSON_LD, 10))
                .isInstanceOfSatisfying(DocumentScanner.Refused.class, e -> {
                    assertThat(e.overLimit()).isFalse();
                    assertThat(e.location().line()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("malformed JSON");
                });
        assertThatThrownBy(() -> scan("<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\">\n<a></b>",
                Format.XML, 10)).isInstanceOfSatisfying(DocumentScanner.Refused.class, e -> {
                    assertThat(e.overLimit()).isFalse();
                    assertThat(e.location().line()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("malformed XML");
                });
        assertThatThrownBy(() -> scan("[1, 2]", Format.JSON_LD, 10)).hasMessage("the document is not a JSON object");
        assertThatThrownBy(() -> scan("{\"type\": \"EPCISDocument\"}", Format.JSON_LD, 10))
                .hasMessage("the document has no epcisBody");
        assertThatThrownBy(() -> scan("<html/>", Format.XML, 10)).hasMessage("the root element is html");
        assertThatThrownBy(() -> scan("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>", Format.XML, 10))
                .hasMessage("the document has a DTD with declarations");
    }

    private static long scan(String text, Format format, long max) throws Exception {
        return DocumentScanner.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format, max);
    }
}
