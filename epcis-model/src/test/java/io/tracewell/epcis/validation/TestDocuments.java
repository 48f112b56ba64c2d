package io.tracewell.epcis.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Test documents under src/test/resources/validation. */
final class TestDocuments {

    private TestDocuments() {
    }

    static InputStream open(String path) {
        InputStream in = TestDocuments.class.getResourceAsStream("/validation/" + path);
        if (in == null) {
            throw new IllegalArgumentException("no test document " + path);
        }
        return in;
    }

    static List<Violation> validate(String path) {
        try (InputStream in = open(path)) {
            return DocumentValidator.create().validate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
