package io.tracewell.epcis.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonSemanticComparatorTest {

    private static final String DOCUMENT = """
            {
              "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                           {"example": "http://ns.example.com/epcis/"}],
              "type": "EPCISDocument",
              "schemaVersion": "2.0",
              "creationDate": "2005-07-11T11:30:47.0Z",
              "epcisBody": {
                "eventList": [
                  {
                    "type": "ObjectEvent",
                    "eventTime": "2005-04-03T20:33:31.116-06:00",
                    "eventTimeZoneOffset": "-06:00",
                    "epcList": ["urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:id:sgtin:0614141.107346.2018"],
                    "action": "OBSERVE",
                    "bizStep": "shipping",
                    "disposition": "in_transit",
                    "readPoint": {"id": "urn:epc:id:sgln:0614141.07346.1234"},
                    "bizTransactionList": [{"type": "po", "bizTransaction": "http://transaction.acme.com/po/1"}],
                    "quantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.012345.998877",
                                      "quantity": 200, "uom": "KGM"}],
                    "example:myField": "Example of a vendor/user extension",
                    "example:nested": {"example:a": "1", "example:b": ["x", "y"]}
                  }
                ]
              }
            }
            """;

    private final JsonSemanticComparator comparator = new JsonSemanticComparator();

    private Optional<Difference> compareWith(String target, String replacement) {
        assertThat(DOCUMENT).contains(target);
        return comparator.compare(DOCUMENT, DOCUMENT.replace(target, replacement));
    }

    @Test
    void aDocumentEqualsItself() {
        assertThat(comparator.compare(DOCUMENT, DOCUMENT)).isEmpty();
    }

    @Test
    void reportsAChangedValueWithItsPointerAndBothValues() {
        Difference d = compareWith("\"action\": \"OBSERVE\"", "\"action\": \"ADD\"").orElseThrow();
        assertThat(d.location()).isEqualTo("/epcisBody/eventList/0/action");
        assertThat(d.problem()).isEqualTo("values differ");
        assertThat(d.expected()).isEqualTo("\"OBSERVE\"");
        assertThat(d.actual()).isEqualTo("\"ADD\"");
    }

    @Test
    void reportsAMissingStandardField() {
        Difference d = compareWith("\"disposition\": \"in_transit\",", "").orElseThrow();
        assertThat(d.location()).isEqualTo("/epcisBody/eventList/0/disposition");
        assertThat(d.problem()).isEqualTo("member missing (disposition)");
        assertThat(d.expected()).isEqualTo("\"in_transit\"");
        assertThat(d.actual()).isEqualTo(Difference.NOTHING);
    }

    @Test
    void reportsAMissingExtensionByItsExpandedName() {
        Difference d = compareWith("\"example:myField\": \"Example of a vendor/user extension\",", "")
                .orElseThrow();
        assertThat(d.location()).isEqualTo("/epcisBody/eventList/0/example:myField");
        assertThat(d.problem()).isEqualTo("member missing (http://ns.example.com/epcis/myField)");
    }

    @Test
    void reportsAnExtraArrayElementAtItsIndex() {
        Difference d = compareWith("\"example:b\": [\"x\", \"y\"]", "\"example:b\": [\"x\", \"y\", \"z\"]")
                .orElseThrow();
        assertThat(d.location()).isEqualTo("/epcisBody/eventList/0/example:nested/example:b/2");
        assertThat(d.problem()).isEqualTo("unexpected array element");
        assertThat(d.actual()).isEqualTo("\"z\"");
    }

    @Test
    void reportsAnUnexpectedMember() {
        Difference d = compareWith("\"action\": \"OBSERVE\",", "\"action\": \"OBSERVE\", \"certificationInfo\": \"x\",")
                .orElseThrow();
        assertThat(d.location()).isEqualTo("/epcisBody/eventList/0/certificationInfo");
        assertThat(d.problem()).isEqualTo("unexpected member (certificationInfo)");
    }

    @Test
    void reportsReorderedListElements() {
        Difference d = compareWith(
                "[\"urn:epc:id:sgtin:0614141.107346.2017\", \"urn:epc:id:sgtin:0614141.107346.2018\"]",
                "[\"urn:epc:id:sgtin:0614141.107346.2018\", \"urn:epc:id:sgtin:0614141.107346.2017\"]")
                .orElseThrow();
        assertThat(d.location()).isEqualTo("/epcisBody/eventList/0/epcList/0");
    }

    @Test
    void aStringIsNotANumber() {
        Difference d = compareWith("\"quantity\": 200", "\"quantity\": \"200\"").orElseThrow();
        assertThat(d.location()).isEqualTo("/epcisBody/eventList/0/quantityList/0/quantity");
        assertThat(d.expected()).isEqualTo("200");
        assertThat(d.actual()).isEqualTo("\"200\"");
    }

    @Test
    void aChangedNumberIsReported() {
        assertThat(compareWith("\"quantity\": 200", "\"quantity\": 200.5")).isPresent();
    }

    @Test
    void aChangedCbvWordIsReportedInWhateverSpelling() {
        Difference d = compareWith("\"bizStep\": \"shipping\"",
                "\"bizStep\": \"urn:epcglobal:cbv:bizstep:receiving\"").orElseThrow();
        assertThat(d.location()).isEqualTo("/epcisBody/eventList/0/bizStep");
        assertThat(d.expected()).isEqualTo("\"shipping\"");
    }

    @Test
    void aChangedInstantIsReported() {
        assertThat(compareWith("\"eventTime\": \"2005-04-03T20:33:31.116-06:00\"",
                "\"eventTime\": \"2005-04-03T20:33:31.116-05:00\"")).isPresent();
    }

    @Test
    void aChangedPrefixIriIsReported() {
        Difference d = compareWith("{\"example\": \"http://ns.example.com/epcis/\"}",
                "{\"example\": \"http://ns.example.com/other/\"}").orElseThrow();
        assertThat(d.location()).isEqualTo("/epcisBody/eventList/0/example:myField");
        assertThat(d.problem()).isEqualTo("member missing (http://ns.example.com/epcis/myField)");
    }

    @Test
    void anAdditionalRemoteContextIsReported() {
        Difference d = compareWith("{\"example\": \"http://ns.example.com/epcis/\"}",
                "{\"example\": \"http://ns.example.com/epcis/\"}, \"https://example.com/more-context.jsonld\"")
                .orElseThrow();
        assertThat(d.location()).isEqualTo("/@context");
        assertThat(d.problem()).isEqualTo("unexpected member (@context)");
    }

    @Test
    void anIriCoercionInTheContextIsCompared() {
        Difference d = compareWith("{\"example\": \"http://ns.example.com/epcis/\"}",
                "{\"example\": \"http://ns.example.com/epcis/\", \"example:a\": {\"@type\": \"@id\"}}")
                .orElseThrow();
        assertThat(d.location()).isEqualTo("/@context");
        assertThat(d.problem()).isEqualTo("unexpected member (@context)");
    }

    @Test
    void aNumberCoercionInTheContextAppliesToTheValues() {
        String coerced = DOCUMENT.replace("{\"example\": \"http://ns.example.com/epcis/\"}",
                "{\"example\": \"http://ns.example.com/epcis/\", \"example:a\": {\"@type\": \"xsd:integer\"}}");
        String number = DOCUMENT.replace("\"example:a\": \"1\"", "\"example:a\": 1");
        assertThat(comparator.compare(coerced, number)).isEmpty();
        assertThat(comparator.compare(DOCUMENT, number).orElseThrow().location())
                .isEqualTo("/epcisBody/eventList/0/example:nested/example:a");
        String otherNumber = DOCUMENT.replace("\"example:a\": \"1\"", "\"example:a\": 2");
        assertThat(comparator.compare(coerced, otherNumber).orElseThrow().location())
                .isEqualTo("/epcisBody/eventList/0/example:nested/example:a");
    }

    @Test
    void oneElementArrayEqualsItsElement() {
        String transaction = "{\"type\": \"po\", \"bizTransaction\": \"http://transaction.acme.com/po/1\"}";
        assertThat(compareWith("\"bizTransactionList\": [" + transaction + "]",
                "\"bizTransactionList\": " + transaction)).isEmpty();
    }

    @Test
    void emptyArrayEqualsAbsentMember() {
        assertThat(compareWith("\"action\": \"OBSERVE\",", "\"action\": \"OBSERVE\", \"childEPCs\": [],")).isEmpty();
    }

    @Test
    void memberOrderDoesNotMatter() {
        assertThat(compareWith("\"action\": \"OBSERVE\",\n        \"bizStep\": \"shipping\",",
                "\"bizStep\": \"shipping\",\n        \"action\": \"OBSERVE\",")).isEmpty();
    }

    @Test
    void numbersCompareByValue() {
        assertThat(compareWith("\"quantity\": 200", "\"quantity\": 200.000")).isEmpty();
        assertThat(compareWith("\"quantity\": 200", "\"quantity\": 2E+2")).isEmpty();
    }

    @Test
    void standardTimesCompareAsInstants() {
        assertThat(compareWith("\"eventTime\": \"2005-04-03T20:33:31.116-06:00\"",
                "\"eventTime\": \"2005-04-04T02:33:31.116000Z\"")).isEmpty();
        assertThat(compareWith("\"creationDate\": \"2005-07-11T11:30:47.0Z\"",
                "\"creationDate\": \"2005-07-11T13:30:47+02:00\"")).isEmpty();
    }

    @Test
    void cbvValuesCompareInAnySpelling() {
        assertThat(compareWith("\"bizStep\": \"shipping\"",
                "\"bizStep\": \"urn:epcglobal:cbv:bizstep:shipping\"")).isEmpty();
        assertThat(compareWith("\"disposition\": \"in_transit\"",
                "\"disposition\": \"https://ref.gs1.org/cbv/Disp-in_transit\"")).isEmpty();
        assertThat(compareWith("{\"type\": \"po\",", "{\"type\": \"urn:epcglobal:cbv:btt:po\",")).isEmpty();
    }

    @Test
    void theStandardContextUrlAndPrefixNamesAreAChoiceOfSpelling() {
        String other = DOCUMENT
                .replace("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                        "https://gs1.github.io/EPCIS/epcis-context.jsonld")
                .replace("\"example\": \"http://ns.example.com/epcis/\"", "\"ex\": \"http://ns.example.com/epcis/\"")
                .replace("\"example:", "\"ex:");
        assertThat(comparator.compare(DOCUMENT, other)).isEmpty();
    }

    @Test
    void aCurieEqualsItsFullIri() {
        assertThat(compareWith("\"example:myField\"", "\"http://ns.example.com/epcis/myField\"")).isEmpty();
    }

    @Test
    void cbvRulesDoNotApplyInsideExtensions() {
        assertThat(compareWith("\"example:a\": \"1\"", "\"example:a\": \"1\", \"bizStep\": \"shipping\"")
                .orElseThrow().location()).isEqualTo("/epcisBody/eventList/0/example:nested/bizStep");
        String withWord = DOCUMENT.replace("\"example:a\": \"1\"", "\"example:a\": {\"bizStep\": \"shipping\"}");
        String withUrn = DOCUMENT.replace("\"example:a\": \"1\"",
                "\"example:a\": {\"bizStep\": \"urn:epcglobal:cbv:bizstep:shipping\"}");
        assertThat(comparator.compare(withWord, withUrn)).isPresent();
    }

    @Test
    void listsSeveralDifferencesInDocumentOrder() {
        String changed = DOCUMENT.replace("\"action\": \"OBSERVE\"", "\"action\": \"ADD\"")
                .replace("\"example:a\": \"1\"", "\"example:a\": \"2\"");
        List<Difference> all = comparator.differences(DOCUMENT.getBytes(StandardCharsets.UTF_8),
                changed.getBytes(StandardCharsets.UTF_8), 10);
        assertThat(all).extracting(Difference::location).containsExactly(
                "/epcisBody/eventList/0/action", "/epcisBody/eventList/0/example:nested/example:a");
        assertThat(comparator.differences(DOCUMENT.getBytes(StandardCharsets.UTF_8),
                changed.getBytes(StandardCharsets.UTF_8), 1)).hasSize(1);
    }

    @Test
    void rejectsTextThatIsNotJsonSayingWhere() {
        assertThatThrownBy(() -> comparator.compare(DOCUMENT, "{\n  \"type\": }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the actual document is not JSON")
                .hasMessageContaining("line 2, column 11");
    }
}
