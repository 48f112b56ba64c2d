package io.tracewell.epcis.hash;

import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.jsonld.JsonLdEventReader;
import io.tracewell.epcis.format.xml.XmlEventReader;
import io.tracewell.epcis.model.EpcisEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates the GS1 hash vectors under {@code gs1.dir} and reads their documents with the project's readers. */
final class HashVectors {
    private HashVectors() {
    }

    static Path gs1Dir() {
        String dir = System.getProperty("gs1.dir");
        if (dir == null || !Files.isDirectory(Paths.get(dir))) {
            throw new IllegalStateException("system property gs1.dir must name the GS1 reference folder "
                    + "(the parent pom sets it to ../shared/gs1), found " + dir);
        }
        return Paths.get(dir);
    }

    static Path snapshot() {
        return gs1Dir().resolve("hash-vectors/RalphTro-snapshot-2025-10-17/tests");
    }

    /** Inputs live in the 2025 snapshot; the expected values per profile in three folders. */
    static Path inputs() {
        return snapshot().resolve("examples");
    }

    static Path expected(HashProfile profile) {
        Path pr123 = gs1Dir().resolve("hash-vectors/RalphTro-PR123-2026/tests/examples/expected");
        switch (profile) {
            case CBV_2_0:
                return pr123.resolve("CBV2.0");
            case CBV_2_1_DRAFT:
                return pr123.resolve("CBV2.1");
            default:
                return inputs();
        }
    }

    static List<Path> documents(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> isDocument(p.getFileName().toString())).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> preHashFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".prehashes")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isDocument(String name) {
        return name.endsWith(".xml") || name.endsWith(".jsonld") || name.endsWith(".json");
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    /** Non-blank lines of a {@code .hashes} or {@code .prehashes} file, or an empty list when it is absent. */
    static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            lines.removeIf(String::isBlank);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<EpcisEvent> read(Path file) {
        return read(file, false);
    }

    /**
     * All events of the document. With {@code asEpcis2}, a document that declares the EPCIS 1.x document
     * namespace ({@code urn:epcglobal:epcis:xsd:1}) around 2.0 content is read as a 2.0 document; the readers
     * accept 2.0 documents only.
     */
    static List<EpcisEvent> read(Path file, boolean asEpcis2) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (asEpcis2) {
                bytes = new String(bytes, StandardCharsets.UTF_8)
                        .replace("urn:epcglobal:epcis:xsd:1", "urn:epcglobal:epcis:xsd:2")
                        .getBytes(StandardCharsets.UTF_8);
            }
            List<EpcisEvent> events = new ArrayList<>();
            try (InputStream in = new ByteArrayInputStream(bytes); EpcisEventReader reader = reader(file, in)) {
                reader.header();
                EpcisEvent e;
                while ((e = reader.next()) != null) {
                    events.add(e);
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EpcisEventReader reader(Path file, InputStream in) {
        return file.getFileName().toString().endsWith(".xml") ? new XmlEventReader(in) : new JsonLdEventReader(in);
    }
}
