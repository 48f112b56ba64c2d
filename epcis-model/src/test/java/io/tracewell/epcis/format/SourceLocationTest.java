package io.tracewell.epcis.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceLocationTest {

    @Test
    void rendersAPositionInTheText() {
        assertThat(SourceLocation.of(12, 7)).hasToString("line 12, column 7");
        assertThat(SourceLocation.of(2, 0)).as("column unknown").hasToString("line 2");
    }

    @Test
    void rendersAJsonPointerWithThePositionWhenKnown() {
        assertThat(SourceLocation.of(0, 0, "/epcisBody/eventList/0/action")).hasToString("/epcisBody/eventList/0/action");
        assertThat(SourceLocation.of(4, 12, "/epcisBody/eventList/0/action"))
                .hasToString("/epcisBody/eventList/0/action (line 4, column 12)");
    }

    @Test
    void theEmptyPointerIsTheDocumentRootAndNoneIsTheWholeDocument() {
        assertThat(SourceLocation.of(0, 0, "")).hasToString("(document root)");
        assertThat(SourceLocation.of(5, 5, "")).hasToString("(document root) (line 5, column 5)");
        assertThat(SourceLocation.NONE).hasToString("(document)");
        assertThat(SourceLocation.NONE.isKnown()).isFalse();
        assertThat(SourceLocation.of(0, 0, "").isKnown()).isTrue();
    }

    @Test
    void aPointerIsEmptyOrStartsWithASlash() {
        assertThatThrownBy(() -> SourceLocation.of(1, 1, "epcisBody")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a JSON pointer is empty or starts with '/': epcisBody");
    }
}
