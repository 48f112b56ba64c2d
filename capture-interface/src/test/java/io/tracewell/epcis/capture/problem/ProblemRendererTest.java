package io.tracewell.epcis.capture.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.format.SourceLocation;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ProblemRendererTest {

    private static final Problem INVALID = Problem.validation("the event is not valid EPCIS 2.0: 2 error(s)",
            "/events", List.of(
                    new ProblemError(SourceLocation.of(0, 0, "/action"), "'SHIP' is not an action",
                            "ADD, OBSERVE or DELETE (EPCIS 2.0 §7.3.2)"),
                    new ProblemError(SourceLocation.of(12, 7), "missing eventTime", "an eventTime element")));

    @Test
    void jsonHasTheRfc7807MembersAndOneErrorEntryPerViolation() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ProblemRenderer.render(INVALID, ProblemFormat.JSON));

        assertThat(json.get("type").asText()).isEqualTo("epcisException:ValidationException");
        assertThat(json.get("title").asText()).isEqualTo("The request is not valid EPCIS 2.0");
        assertThat(json.get("status").asInt()).isEqualTo(400);
        assertThat(json.get("detail").asText()).isEqualTo("the event is not valid EPCIS 2.0: 2 error(s)");
        assertThat(json.get("instance").asText()).isEqualTo("/events");
        JsonNode errors = json.get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("pointer").asText()).isEqualTo("/action");
        assertThat(errors.get(0).has("line")).isFalse();
        assertThat(errors.get(0).get("message").asText()).isEqualTo("'SHIP' is not an action");
        assertThat(errors.get(0).get("expected").asText()).isEqualTo("ADD, OBSERVE or DELETE (EPCIS 2.0 §7.3.2)");
        assertThat(errors.get(1).has("pointer")).isFalse();
        assertThat(errors.get(1).get("line").asInt()).isEqualTo(12);
        assertThat(errors.get(1).get("column").asInt()).isEqualTo(7);
        assertThat(errors.get(1).get("message").asText()).isEqualTo("missing eventTime");
    }

    @Test
    void jsonWithoutErrorsHasNoErrorsMember() throws Exception {
        Problem missing = Problem.of(EpcisExceptionType.NO_SUCH_RESOURCE, "no event with eventID urn:uuid:1",
                "/events/urn%3Auuid%3A1");

        JsonNode json = new ObjectMapper().readTree(ProblemRenderer.render(missing, ProblemFormat.JSON));

        assertThat(json.get("type").asText()).isEqualTo("epcisException:NoSuchResourceException");
        assertThat(json.get("status").asInt()).isEqualTo(404);
        assertThat(json.get("instance").asText()).isEqualTo("/events/urn%3Auuid%3A1");
        assertThat(json.has("errors")).isFalse();
    }

    @Test
    void xmlUsesTheRfc7807NamespaceAndListsErrorsAsItems() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(ProblemRenderer.render(INVALID, ProblemFormat.XML)))
                .getDocumentElement();

        assertThat(root.getNamespaceURI()).isEqualTo("urn:ietf:rfc:7807");
        assertThat(root.getLocalName()).isEqualTo("problem");
        assertThat(text(root, "type")).isEqualTo("epcisException:ValidationException");
        assertThat(text(root, "status")).isEqualTo("400");
        assertThat(text(root, "instance")).isEqualTo("/events");
        Element second = (Element) root.getElementsByTagNameNS(ProblemRenderer.XML_NAMESPACE, "i").item(1);
        assertThat(text(second, "line")).isEqualTo("12");
        assertThat(text(second, "column")).isEqualTo("7");
        assertThat(text(second, "message")).isEqualTo("missing eventTime");
        assertThat(text(second, "expected")).isEqualTo("an eventTime element");
        assertThat(second.getElementsByTagNameNS(ProblemRenderer.XML_NAMESPACE, "pointer").getLength()).isZero();
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(ProblemRenderer.XML_NAMESPACE, name).item(0).getTextContent();
    }
}
