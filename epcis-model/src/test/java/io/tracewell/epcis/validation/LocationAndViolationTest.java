package io.tracewell.epcis.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocationAndViolationTest {

    @Test
    void rendersLineAndColumn() {
        assertThat(new Location.LineColumn(12, 7)).hasToString("line 12, column 7");
        assertThatThrownBy(() -> new Location.LineColumn(0, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rendersJsonPointersAndEscapesMemberNames() {
        Location.JsonPointer action = Location.JsonPointer.ROOT.child("epcisBody").child("eventList").child(0).child("action");
        assertThat(action).hasToString("/epcisBody/eventList/0/action");
        assertThat(Location.JsonPointer.ROOT).hasToString("(document root)");
        assertThat(Location.JsonPointer.ROOT.child("a/b~c").pointer()).isEqualTo("/a~1b~0c");
        assertThat(action.append("/x")).hasToString("/epcisBody/eventList/0/action/x");
        assertThatThrownBy(() -> new Location.JsonPointer("epcisBody")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aViolationSaysWhereWhatAndWhatWasExpected() {
        Violation violation = new Violation(new Location.LineColumn(3, 9), "unexpected element 'foo'", "action");
        assertThat(violation).hasToString("line 3, column 9: unexpected element 'foo' (expected: action)");
        assertThatThrownBy(() -> new Violation(new Location.WholeDocument(), " ", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Violation(null, "m", "x")).isInstanceOf(NullPointerException.class);
    }
}
