package io.tracewell.epcis.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MasterDataParametersTest {

    private final MasterDataParameters family = new MasterDataParameters();

    private SqlWhere sql(String name, List<String> values) {
        SqlWhere where = new SqlWhere();
        family.parse(name, values, QueryContext.empty()).orElseThrow().appendTo(where);
        return where;
    }

    @Test
    void hasAttrOnTheEventField() {
        SqlWhere where = sql("HASATTR_bizLocation", List.of("urn:epcglobal:cbv:mda#sst", "urn:epcglobal:cbv:mda#name"));
        assertThat(where.predicates().get(0)).startsWith("e.biz_location IN (SELECT m.canonical_id")
                .contains("a.attribute_id IN (?, ?)", "a.string_value IS NOT NULL", "MAX(n.id)");
        assertThat(where.arguments()).containsExactly("urn:epcglobal:cbv:mda#sst", "urn:epcglobal:cbv:mda#name");
    }

    @Test
    void eqAttrSplitsFieldAndAttributeAtTheFirstUnderscore() {
        SqlWhere where = sql("EQATTR_readPoint_urn:epcglobal:cbv:mda#site_code", List.of("201", "202"));
        assertThat(where.predicates().get(0)).startsWith("e.read_point IN (")
                .contains("a.attribute_id = ? AND a.string_value IN (?, ?)");
        assertThat(where.arguments()).containsExactly("urn:epcglobal:cbv:mda#site_code", "201", "202");
    }

    @Test
    void otherNamesAreNotThisFamilys() {
        assertThat(family.parse("EQ_readPoint", List.of("x"), QueryContext.empty())).isEmpty();
        assertThat(family.parse("HASATTR", List.of("x"), QueryContext.empty())).isEmpty();
    }

    @Test
    void unknownFieldOrMissingAttributeIsAnError() {
        assertThatThrownBy(() -> sql("HASATTR_epc", List.of("a")))
                .isInstanceOfSatisfying(QueryParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("HASATTR_epc");
                    assertThat(e.expected()).contains("readPoint or bizLocation");
                });
        assertThatThrownBy(() -> sql("EQATTR_bizLocation", List.of("a")))
                .isInstanceOf(QueryParameterException.class).hasMessageContaining("names no attribute");
        assertThatThrownBy(() -> sql("EQATTR_bizLocation_", List.of("a")))
                .isInstanceOf(QueryParameterException.class);
    }
}
