package io.tracewell.server.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A command's input: a file, or standard input when the argument is {@code -}.
 *
 * <p>Declare it as the type of a picocli parameter and picocli converts the argument:
 *
 * <pre>{@code
 * @Parameters(index = "0", paramLabel = "FILE", description = "EPCIS document, or - for standard input")
 * InputSource input;
 * ...
 * try (InputStream in = input.open()) { ... }   // errors name input.name()
 * }</pre>
 */
public sealed interface InputSource permits InputSource.StandardInput, InputSource.FileInput {

    /** The argument that means standard input. */
    String STDIN_ARGUMENT = "-";

    /** {@code -} is standard input; anything else is a file path (it need not exist yet). */
    static InputSource of(String argument) {
        return STDIN_ARGUMENT.equals(argument) ? new StandardInput() : new FileInput(Path.of(argument));
    }

    /** For messages: the path as given, or {@code <stdin>}. */
    String name();

    /**
     * Opens the input for reading. The caller closes the stream; closing standard input's stream leaves
     * {@link System#in} open.
     *
     * @throws IOException with a message that names the input and says what is wrong
     */
    InputStream open() throws IOException;

    /** Standard input, read from {@link System#in} at the time {@link #open()} is called. */
    record StandardInput() implements InputSource {

        @Override
        public String name() {
            return "<stdin>";
        }

        @Override
        public InputStream open() {
            return new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // System.in belongs to the process, not to the command.
                }
            };
        }
    }

    /** A file on disk. */
    record FileInput(Path path) implements InputSource {

        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public InputStream open() throws IOException {
            if (Files.isDirectory(path)) {
                throw new IOException(name() + ": is a directory, expected a file");
            }
            try {
                return Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new IOException(name() + ": no such file", e);
            } catch (AccessDeniedException e) {
                throw new IOException(name() + ": permission denied", e);
            }
        }
    }
}
