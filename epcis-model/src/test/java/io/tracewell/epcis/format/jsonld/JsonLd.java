package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.model.EpcisEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Reading and writing whole documents in tests. */
final class JsonLd {
    private JsonLd() {
    }

    static EpcisDocument read(InputStream in) {
        try (JsonLdEventReader reader = new JsonLdEventReader(in)) {
            reader.header();
            List<EpcisEvent> events = new ArrayList<>();
            EpcisEvent e;
            while ((e = reader.next()) != null) {
                events.add(e);
            }
            return new EpcisDocument(reader.header(), events);
        }
    }

    static EpcisDocument read(byte[] json) {
        return read(new ByteArrayInputStream(json));
    }

    static EpcisDocument read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    static EpcisDocument resource(String name) {
        try (InputStream in = JsonLd.class.getResourceAsStream("/jsonld/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /jsonld/" + name);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resourceBytes(String name) {
        try (InputStream in = JsonLd.class.getResourceAsStream("/jsonld/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(EpcisDocument doc, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonLdEventWriter writer = new JsonLdEventWriter(out, pretty)) {
            writer.begin(doc.header());
            doc.events().forEach(writer::write);
            writer.end();
        }
        return out.toByteArray();
    }

    static String writeString(EpcisDocument doc) {
        return new String(write(doc, true), StandardCharsets.UTF_8);
    }

    /** Reads the text and returns the error, failing when there is none. */
    static EpcisFormatException error(String json) {
        return errorOf(() -> read(json));
    }

    static EpcisFormatException errorOf(ThrowingCallable call) {
        EpcisFormatException e = Assertions.catchThrowableOfType(EpcisFormatException.class, call);
        Assertions.assertThat(e).as("an EpcisFormatException").isNotNull();
        return e;
    }
}
