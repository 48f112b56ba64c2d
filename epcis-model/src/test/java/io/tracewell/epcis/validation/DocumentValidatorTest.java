package io.tracewell.epcis.validation;

import io.tracewell.epcis.format.Format;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentValidatorTest {

    private final DocumentValidator validator = DocumentValidator.create();

    private List<Violation> validate(String document) {
        return validator.validate(new ByteArrayInputStream(document.getBytes(UTF_8)));
    }

    @Test
    void emptyInputIsNeitherXmlNorJson() {
        List<Violation> violations = validate("  \n");
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).hasToString("line 1, column 1");
            assertThat(v.message()).startsWith("neither XML nor JSON");
            assertThat(v.expected()).contains("starting with '<'").contains("starting with '{'");
        });
    }

    @Test
    void aFormatThatDoesNotMatchTheContentIsASyntaxError() {
        List<Violation> violations = validator.validate(
                new ByteArrayInputStream("{\"type\": \"EPCISDocument\"}".getBytes(UTF_8)), Format.XML);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).hasToString("line 1, column 1");
            assertThat(v.message()).isEqualTo("malformed XML: Content is not allowed in prolog.");
        });
    }

    @Test
    void leavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new FilterInputStream(TestDocuments.open("valid/object-event.xml")) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        assertThat(validator.validate(in)).isEmpty();
        assertThat(closed[0]).isFalse();
        in.close();
    }

    @Test
    void aBareDoctypeThatDeclaresNothingIsAccepted() {
        // GS1's own EPCIS 2.0 examples start with <!DOCTYPE project>.
        assertThat(validate("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE project>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                    creationDate="2024-03-01T10:00:00Z"><EPCISBody/></epcis:EPCISDocument>
                """)).isEmpty();
    }

    @Test
    void anExternalEntityIsNeverRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
        List<Violation> violations = validate("""
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY s SYSTEM "%s">]>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                    creationDate="2024-03-01T10:00:00Z"><EPCISBody>&s;</EPCISBody></epcis:EPCISDocument>
                """.formatted(secret.toUri()));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).hasToString("line 2, column %d".formatted(35 + secret.toUri().toString().length()));
            assertThat(v.message()).startsWith("DTD refused: the DTD declares external entity 's'");
        });
        assertThat(violations.toString()).doesNotContain("TOP-SECRET-42");
    }

    @Test
    void entityExpansionIsRefusedBeforeAnyExpansion() {
        List<Violation> violations = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> TestDocuments.validate("invalid/xml/billion-laughs.xml"));
        assertThat(violations).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("DTD refused: the DTD declares entity 'lol'"));
    }

    @Test
    void schemaLocationHintsInADocumentAreIgnored() {
        // Neither schema is fetched: the validator knows only its own compiled schemas.
        assertThat(validate("""
                <?xml version="1.0" encoding="UTF-8"?>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ex="https://example.com/ns"
                    xsi:schemaLocation="urn:epcglobal:epcis:xsd:2 http://attacker.example/epcis.xsd
                                        https://example.com/ns http://attacker.example/ex.xsd"
                    schemaVersion="2.0" creationDate="2024-03-01T10:00:00Z">
                  <EPCISBody/>
                  <ex:note xsi:schemaLocation="https://example.com/ns file:///etc/passwd">hello</ex:note>
                </epcis:EPCISDocument>
                """)).isEmpty();
    }

    @Test
    void streamsALargeXmlDocumentAndFindsTheOneBadEvent() {
        int events = 5_000;
        int bad = 4_321;
        List<Violation> violations = validator.validate(GeneratedDocuments.xml(events, bad), Format.XML);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location().line()).isEqualTo(GeneratedDocuments.XML_HEAD_LINES + 1 + bad);
            assertThat(v.message()).isEqualTo("invalid value 'MOVE' of element 'action'");
        });
    }

    @Test
    void streamsALargeJsonDocumentAndFindsTheOneBadEvent() {
        int events = 5_000;
        int bad = 4_321;
        List<Violation> violations = validator.validate(GeneratedDocuments.json(events, bad), Format.JSON_LD);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location()).hasToString("/epcisBody/eventList/" + bad + "/action");
            assertThat(v.message()).isEqualTo("value \"MOVE\" is not allowed");
        });
    }

    @Test
    void oneValidatorServesManyThreadsAtOnce() throws Exception {
        List<String> documents = List.of("valid/all-event-types.xml", "valid/all-event-types.jsonld",
                "invalid/xml/several-errors.xml", "invalid/json/several-errors.json");
        List<List<Violation>> expected = new ArrayList<>();
        for (String document : documents) {
            expected.add(TestDocuments.validate(document));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Violation>>> tasks = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (String document : documents) {
                    tasks.add(() -> TestDocuments.validate(document));
                }
            }
            List<Future<List<Violation>>> results = pool.invokeAll(tasks);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % documents.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.get(2)).hasSize(6);
        assertThat(expected.get(3)).hasSize(6);
    }
}
