package io.tracewell.epcis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules that XML checks in code and JSON checks in its schema read the same in both formats: the
 * JSON Schema carries each rule's title and description word for word.
 */
class JsonSchemaRuleWordingTest {

    @ParameterizedTest
    @EnumSource(value = EpcisRule.class, names = {"OBJECT_EVENT_OBJECTS", "OBJECT_EVENT_ILMD",
        "AGGREGATION_EVENT_CHILDREN", "AGGREGATION_EVENT_PARENT", "TRANSACTION_EVENT_OBJECTS",
        "TRANSFORMATION_EVENT_IO", "ASSOCIATION_EVENT_CHILDREN"})
    void theJsonSchemaStatesTheRuleInTheSameWords(EpcisRule rule) {
        List<JsonNode> withTitle = new ArrayList<>();
        collect(JsonSchemas.epcis2().tree, rule.title(), withTitle);

        assertThat(withTitle).hasSize(1);
        assertThat(withTitle.get(0).path("description").asText()).isEqualTo(rule.description());
    }

    private static void collect(JsonNode node, String title, List<JsonNode> found) {
        if (node.isObject() && title.equals(node.path("title").asText())) {
            found.add(node);
        }
        node.elements().forEachRemaining(child -> collect(child, title, found));
    }
}
