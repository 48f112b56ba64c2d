package io.tracewell.epcis.store.read;

import io.tracewell.epcis.format.jsonld.JsonLdEventReader;
import io.tracewell.epcis.format.jsonld.JsonLdEventWriter;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.Namespaces;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The stored form of an event: one standalone JSON-LD event with its own {@code @context}, which the
 * JSON-LD reader turns back into an equal event. Queries return events from this form, never from the
 * projection tables, so whatever the projections leave out is still returned.
 */
public final class EventJson {

    private EventJson() {}

    public static String write(EpcisEvent event, Namespaces namespaces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        JsonLdEventWriter.writeEvent(event, namespaces, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public static EpcisEvent read(String json) {
        return JsonLdEventReader.readEvent(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
