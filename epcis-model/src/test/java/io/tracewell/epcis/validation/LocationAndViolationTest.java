package io.tracewell.epcis.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.format.SourceLocation;
import org.junit.jupiter.api.Test;

class LocationAndViolationTest {

    @Test
    void rendersLineAndColumnCountedFromOne() {
        assertThat(Locations.lineColumn(12, 7)).hasToString("line 12, column 7");
        assertThat(Locations.lineColumn(0, -1)).as("what a parser does not know is the start")
                .isEqualTo(SourceLocation.of(1, 1)).hasToString("line 1, column 1");
    }

    @Test
    void rendersJsonPointersAndEscapesMemberNames() {
        SourceLocation action = Locations.child(Locations.child(Locations.child(Locations.child(
                Locations.ROOT, "epcisBody"), "eventList"), 0), "action");
        assertThat(action).hasToString("/epcisBody/eventList/0/action");
        assertThat(Locations.ROOT).hasToString("(document root)");
        assertThat(Locations.child(Locations.ROOT, "a/b~c").pointer()).isEqualTo("/a~1b~0c");
        assertThat(Locations.append(action, "/x")).hasToString("/epcisBody/eventList/0/action/x");
        assertThatThrownBy(() -> Locations.append(action, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a JSON pointer is empty or starts with '/': x");
        assertThatThrownBy(() -> Locations.child(SourceLocation.of(3, 9), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a JSON pointer: line 3, column 9");
    }

    @Test
    void rendersTheWholeDocument() {
        assertThat(SourceLocation.NONE).hasToString("(document)");
    }

    @Test
    void aViolationSaysWhereWhatAndWhatWasExpected() {
        Violation violation = new Violation(SourceLocation.of(3, 9), "unexpected element 'foo'", "action");
        assertThat(violation).hasToString("line 3, column 9: unexpected element 'foo' (expected: action)");
        assertThat(new Violation(Locations.child(Locations.ROOT, "type"), "value 'X' is not allowed", "ObjectEvent"))
                .hasToString("/type: value 'X' is not allowed (expected: ObjectEvent)");
        assertThatThrownBy(() -> new Violation(SourceLocation.NONE, " ", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Violation(null, "m", "x")).isInstanceOf(NullPointerException.class);
    }
}
