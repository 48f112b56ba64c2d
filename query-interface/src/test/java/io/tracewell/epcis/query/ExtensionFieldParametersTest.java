package io.tracewell.epcis.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.query.ExtensionFieldParameters.FieldName;
import io.tracewell.epcis.query.ExtensionFieldParameters.Operator;
import io.tracewell.epcis.query.ExtensionFieldParameters.Scope;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtensionFieldParametersTest {

    private static final String NS = "https://ns.example.com/epcis/";
    private static final QueryContext CONTEXT = new QueryContext(new Namespaces(Map.of("ex", NS)));
    private final ExtensionFieldParameters family = new ExtensionFieldParameters();

    private static FieldName name(String parameter) {
        return ExtensionFieldParameters.fieldName(parameter, CONTEXT).orElseThrow(
                () -> new AssertionError(parameter + " was not taken as an extension field"));
    }

    @Test
    void curieNamesAFieldInTheDeclaredNamespace() {
        assertThat(name("EQ_ex:lot")).isEqualTo(new FieldName(Operator.EQ, false, Scope.EVENT, List.of(NS), "lot"));
        assertThat(name("GE_ex:temp")).isEqualTo(new FieldName(Operator.GE, false, Scope.EVENT, List.of(NS),
                "temp"));
        assertThat(name("EXISTS_ex:lot").operator()).isEqualTo(Operator.EXISTS);
    }

    @Test
    void scopesAndInner() {
        assertThat(name("EQ_ILMD_ex:lot")).isEqualTo(new FieldName(Operator.EQ, false, Scope.ILMD, List.of(NS),
                "lot"));
        assertThat(name("LT_INNER_ex:lot")).isEqualTo(new FieldName(Operator.LT, true, Scope.EVENT, List.of(NS),
                "lot"));
        assertThat(name("EQ_INNER_ILMD_ex:lot")).isEqualTo(new FieldName(Operator.EQ, true, Scope.ILMD,
                List.of(NS), "lot"));
        assertThat(name("EXISTS_ERROR_DECLARATION_ex:why").scope()).isEqualTo(Scope.ERROR_DECLARATION);
        assertThat(name("EQ_INNER_ERROR_DECLARATION_ex:why")).isEqualTo(new FieldName(Operator.EQ, true,
                Scope.ERROR_DECLARATION, List.of(NS), "why"));
        assertThat(name("GT_SENSORELEMENT_ex:a").scope()).isEqualTo(Scope.SENSOR_ELEMENT);
        assertThat(name("LE_SENSORMETADATA_ex:a").scope()).isEqualTo(Scope.SENSOR_METADATA);
        assertThat(name("EQ_INNER_SENSORREPORT_ex:a")).isEqualTo(new FieldName(Operator.EQ, true,
                Scope.SENSOR_REPORT, List.of(NS), "a"));
        assertThat(name("EQ_readPoint_ex:dock").scope()).isEqualTo(Scope.READ_POINT);
        assertThat(name("EQ_INNER_bizLocation_ex:dock")).isEqualTo(new FieldName(Operator.EQ, true,
                Scope.BIZ_LOCATION, List.of(NS), "dock"));
    }

    @Test
    void namespaceHashLocalNameMatchesTheNamespaceWithAndWithoutTheHash() {
        assertThat(name("EQ_http://ns.example.com/epcis#lot")).isEqualTo(new FieldName(Operator.EQ, false,
                Scope.EVENT, List.of("http://ns.example.com/epcis", "http://ns.example.com/epcis#"), "lot"));
        assertThat(name("EQ_ILMD_urn:example:ns#lot").namespaces())
                .containsExactly("urn:example:ns", "urn:example:ns#");
    }

    @Test
    void absoluteIriSplitsAfterTheLastSlash() {
        assertThat(name("EQ_https://ns.example.com/epcis/lot")).isEqualTo(new FieldName(Operator.EQ, false,
                Scope.EVENT, List.of(NS), "lot"));
    }

    @Test
    void namesOfOtherFamiliesAreLeftAlone() {
        for (String other : List.of("EQ_bizStep", "EQ_action", "GE_eventTime", "EQ_bizTransaction_po",
                "EQ_source_possessing_party", "EQ_quantity", "EQ_value_CEL", "EQ_type", "GE_time", "EXISTS_errorDeclaration",
                "EQ_bizTransaction_urn:epcglobal:cbv:btt:po", "EQ_source_urn:epcglobal:cbv:sdt:owning_party",
                "EQ_destination_https://ref.gs1.org/cbv/SDT-location", "MATCH_epc", "HASATTR_readPoint",
                "EQATTR_bizLocation_urn:epcglobal:cbv:mda#sst", "orderBy")) {
            assertThat(family.parse(other, List.of("x"), CONTEXT)).as(other).isEmpty();
        }
    }

    @Test
    void undeclaredPrefixIsAnErrorNamingParameterAndPrefix() {
        assertThatThrownBy(() -> family.parse("EQ_zz:lot", List.of("1"), CONTEXT))
                .isInstanceOfSatisfying(QueryParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("EQ_zz:lot");
                    assertThat(e.getMessage()).contains("\"zz\"");
                    assertThat(e.expected()).contains("GS1-Extensions");
                });
        assertThatThrownBy(() -> family.parse("EQ_ex:lot", List.of("1"), QueryContext.empty()))
                .isInstanceOf(QueryParameterException.class).hasMessageContaining("\"ex\"");
    }

    @Test
    void badLocalNameIsAnError() {
        assertThatThrownBy(() -> family.parse("EQ_ex:", List.of("1"), CONTEXT))
                .isInstanceOf(QueryParameterException.class).hasMessageContaining("local name");
        assertThatThrownBy(() -> family.parse("EQ_ex:9lives", List.of("1"), CONTEXT))
                .isInstanceOf(QueryParameterException.class);
    }

    @Test
    void locationFieldsOnlyWithEq() {
        assertThatThrownBy(() -> family.parse("GT_readPoint_ex:dock", List.of("1"), CONTEXT))
                .isInstanceOf(QueryParameterException.class).hasMessageContaining("EQ_");
    }

    @Test
    void eqComparesTextAndTheTypedColumnsAValueReadsAs() {
        SqlWhere where = sql("EQ_ex:lot", List.of("LOT-1", "7", "2024-03-01T10:00:00+01:00"));
        String predicate = where.predicates().get(0);
        assertThat(predicate).contains("x.scope = ?", "x.depth = 0", "x.string_value IN (?, ?, ?)",
                "x.numeric_value IN (?)", "x.time_value IN (?)");
        assertThat(where.arguments()).containsExactly(NS, "lot", "EVENT", "LOT-1", "7",
                "2024-03-01T10:00:00+01:00", new BigDecimal("7"), LocalDateTime.of(2024, 3, 1, 9, 0));
    }

    @Test
    void eqWithTextOnlyHasNoTypedComparison() {
        SqlWhere where = sql("EQ_INNER_ILMD_ex:lot", List.of("A", "B"));
        assertThat(where.predicates().get(0)).contains("x.depth > 0").doesNotContain("numeric_value")
                .doesNotContain("time_value");
        assertThat(where.arguments()).containsExactly(NS, "lot", "ILMD", "A", "B");
    }

    @Test
    void comparisonsUseTheNumberOrTheTime() {
        SqlWhere number = sql("GT_SENSORREPORT_ex:t", List.of("2.5"));
        assertThat(number.predicates().get(0)).contains("x.numeric_value > ?");
        assertThat(number.arguments()).containsExactly(NS, "t", "SENSOR_REPORT", new BigDecimal("2.5"));
        SqlWhere time = sql("LE_ex:t", List.of("2024-03-01T10:00:00.5Z"));
        assertThat(time.predicates().get(0)).contains("x.time_value <= ?");
        assertThat(time.arguments()).containsExactly(NS, "t", "EVENT", LocalDateTime.of(2024, 3, 1, 10, 0, 0,
                500_000_000));
    }

    @Test
    void comparisonNeedsOneNumberOrTime() {
        assertThatThrownBy(() -> sql("GE_ex:t", List.of("warm")))
                .isInstanceOfSatisfying(QueryParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("GE_ex:t");
                    assertThat(e.getMessage()).contains("\"warm\"");
                });
        assertThatThrownBy(() -> sql("GE_ex:t", List.of("1", "2")))
                .isInstanceOf(QueryParameterException.class).hasMessageContaining("one value");
    }

    @Test
    void eqValueLongerThanTheStoredTextIsRefused() {
        String max = "x".repeat(ExtensionFieldParameters.STRING_LENGTH);
        assertThat(sql("EQ_ex:note", List.of(max)).arguments()).contains(max);
        assertThatThrownBy(() -> sql("EQ_ex:note", List.of(max + "y")))
                .isInstanceOf(QueryParameterException.class).hasMessageContaining("1025 characters");
    }

    @Test
    void existsHasNoValueCondition() {
        SqlWhere where = sql("EXISTS_INNER_SENSORELEMENT_ex:t", List.of(""));
        assertThat(where.predicates().get(0)).doesNotContain("string_value");
        assertThat(where.arguments()).containsExactly(NS, "t", "SENSOR_ELEMENT");
    }

    @Test
    void standardParserTakesExtensionParameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("EQ_bizStep", List.of("shipping"));
        parameters.put("EQ_ex:lot", List.of("L1"));
        SimpleEventQuery query = QueryParser.standard().parse(parameters, CONTEXT);
        assertThat(query).isNotNull();
        assertThatThrownBy(() -> QueryParser.standard().parse(Map.of("EQ_nope", List.of("1")), CONTEXT))
                .isInstanceOf(QueryParameterException.class).hasMessageContaining("not a parameter");
    }

    private SqlWhere sql(String name, List<String> values) {
        Optional<Condition> condition = family.parse(name, values, CONTEXT);
        assertThat(condition).as(name).isPresent();
        SqlWhere where = new SqlWhere();
        condition.get().appendTo(where);
        return where;
    }
}
