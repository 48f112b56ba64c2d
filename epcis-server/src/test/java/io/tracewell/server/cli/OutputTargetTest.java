package io.tracewell.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTargetTest {

    private final PrintStream originalOut = System.out;

    @TempDir
    Path directory;

    @AfterEach
    void restoreStandardOutput() {
        System.setOut(originalOut);
    }

    @Test
    void aDashWritesStandardOutputAndClosingOnlyFlushes() throws IOException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(captured, false, StandardCharsets.UTF_8) {
            @Override
            public void close() {
                throw new AssertionError("System.out must stay open");
            }
        };
        System.setOut(stdout);

        OutputTarget output = OutputTarget.of("-");
        try (OutputStream out = output.open()) {
            out.write("<epcis/>".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(output.name()).isEqualTo("<stdout>");
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("<epcis/>");
    }

    @Test
    void aPathCreatesOrReplacesTheFile() throws IOException {
        Path file = Files.writeString(directory.resolve("out.json"), "old content that is longer");

        try (OutputStream out = OutputTarget.of(file.toString()).open()) {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(Files.readString(file)).isEqualTo("{}");
    }

    @Test
    void aFileInAMissingDirectoryIsReportedByItsName() {
        String path = directory.resolve("missing/out.json").toString();

        assertThatThrownBy(() -> OutputTarget.of(path).open())
                .isInstanceOf(IOException.class)
                .hasMessage(path + ": no such directory");
    }
}
