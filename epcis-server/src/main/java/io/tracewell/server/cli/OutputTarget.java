package io.tracewell.server.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A command's output: a file, or standard output when the argument is {@code -}. The counterpart of
 * {@link InputSource}; declare it as a picocli option type, e.g. {@code @Option(names = "-o") OutputTarget output}.
 */
public sealed interface OutputTarget permits OutputTarget.StandardOutput, OutputTarget.FileOutput {

    /** The argument that means standard output. */
    String STDOUT_ARGUMENT = "-";

    /** {@code -} is standard output; anything else is a file path, created or replaced on {@link #open()}. */
    static OutputTarget of(String argument) {
        return STDOUT_ARGUMENT.equals(argument) ? new StandardOutput() : new FileOutput(Path.of(argument));
    }

    /** For messages: the path as given, or {@code <stdout>}. */
    String name();

    /**
     * Opens the output for writing. The caller closes the stream; closing standard output's stream flushes
     * {@link System#out} but leaves it open.
     */
    OutputStream open() throws IOException;

    /** Standard output, taken from {@link System#out} at the time {@link #open()} is called. */
    record StandardOutput() implements OutputTarget {

        @Override
        public String name() {
            return "<stdout>";
        }

        @Override
        public OutputStream open() {
            return new FilterOutputStream(System.out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
    }

    /** A file on disk, replaced if it exists. */
    record FileOutput(Path path) implements OutputTarget {

        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public OutputStream open() throws IOException {
            try {
                return Files.newOutputStream(path);
            } catch (NoSuchFileException e) {
                throw new IOException(name() + ": no such directory", e);
            } catch (AccessDeniedException e) {
                throw new IOException(name() + ": permission denied", e);
            }
        }
    }
}
