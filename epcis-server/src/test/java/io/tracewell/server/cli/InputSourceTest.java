package io.tracewell.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSourceTest {

    private final InputStream originalIn = System.in;

    @TempDir
    Path directory;

    @AfterEach
    void restoreStandardInput() {
        System.setIn(originalIn);
    }

    @Test
    void aDashReadsStandardInputAndClosingLeavesItOpen() throws IOException {
        ByteArrayInputStream stdin = new ByteArrayInputStream("{\"type\":\"EPCISDocument\"}".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                throw new AssertionError("System.in must stay open");
            }
        };
        System.setIn(stdin);

        InputSource input = InputSource.of("-");
        String read;
        try (InputStream in = input.open()) {
            read = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(input).isInstanceOf(InputSource.StandardInput.class);
        assertThat(input.name()).isEqualTo("<stdin>");
        assertThat(read).isEqualTo("{\"type\":\"EPCISDocument\"}");
    }

    @Test
    void aPathReadsTheFile() throws IOException {
        Path file = Files.writeString(directory.resolve("events.xml"), "<epcis/>");

        InputSource input = InputSource.of(file.toString());
        try (InputStream in = input.open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<epcis/>");
        }
        assertThat(input.name()).isEqualTo(file.toString());
    }

    @Test
    void aMissingFileIsReportedByItsName() {
        InputSource input = InputSource.of("no-such-events.json");

        assertThatThrownBy(input::open)
                .isInstanceOf(IOException.class)
                .hasMessage("no-such-events.json: no such file");
    }

    @Test
    void aDirectoryIsNotAnInput() {
        InputSource input = InputSource.of(directory.toString());

        assertThatThrownBy(input::open)
                .isInstanceOf(IOException.class)
                .hasMessage(directory + ": is a directory, expected a file");
    }
}
