package io.tracewell.epcis.capture.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.tracewell.epcis.capture.job.CaptureErrors;
import io.tracewell.epcis.capture.problem.ProblemRenderer;
import io.tracewell.epcis.store.job.CaptureJob;
import io.tracewell.epcis.store.job.CaptureJobState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The CaptureJob resource of the REST binding (OpenAPI {@code CaptureJob}, XML {@code epcis:EPCISCaptureJob}):
 * {@code captureID}, {@code running}, {@code success}, {@code captureErrorBehaviour}, {@code createdAt},
 * {@code finishedAt} and {@code errors} (RFC 7807 problems; ours add {@code eventIndex}, {@code pointer},
 * {@code line}, {@code column} and {@code expected}, in XML as elements of the RFC 7807 namespace).
 *
 * <p>{@code success} follows the binding's tables: false as soon as an error is known, also while running.
 */
final class CaptureJobRendering {

    private static final JsonFactory JSON = new com.fasterxml.jackson.databind.ObjectMapper().getFactory();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final String EPCIS_NS = "urn:epcglobal:epcis:xsd:2";
    /** The members of an error that the EPCIS schema's error element names (unqualified). */
    private static final java.util.Set<String> RFC7807_MEMBERS = java.util.Set.of("type", "title", "status",
            "detail", "instance");

    private CaptureJobRendering() {}

    static boolean success(CaptureJob job) {
        return job.state() != CaptureJobState.FAILED && CaptureErrors.read(job.errorsJson()).isEmpty();
    }

    static byte[] json(CaptureJob job) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, job);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] jsonList(List<CaptureJob> jobs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (CaptureJob job : jobs) {
                write(g, job);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, CaptureJob job) throws IOException {
        g.writeStartObject();
        g.writeStringField("captureID", job.captureId());
        g.writeBooleanField("running", job.runningForClients());
        g.writeBooleanField("success", success(job));
        g.writeStringField("captureErrorBehaviour", job.errorBehaviour().headerValue());
        if (job.createdAt() != null) {
            g.writeStringField("createdAt", job.createdAt().toString());
        }
        if (job.finishedAt() != null && !job.runningForClients()) {
            g.writeStringField("finishedAt", job.finishedAt().toString());
        }
        g.writeArrayFieldStart("errors");
        for (JsonNode problem : CaptureErrors.read(job.errorsJson())) {
            g.writeTree(problem);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static byte[] xml(CaptureJob job) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("epcis", EPCIS_NS);
            w.writeStartElement("epcis", "EPCISCaptureJob", EPCIS_NS);
            w.writeNamespace("epcis", EPCIS_NS);
            w.setPrefix("problem", ProblemRenderer.XML_NAMESPACE);
            w.writeNamespace("problem", ProblemRenderer.XML_NAMESPACE);
            w.writeAttribute("captureID", job.captureId());
            w.writeAttribute("running", Boolean.toString(job.runningForClients()));
            w.writeAttribute("success", Boolean.toString(success(job)));
            element(w, "captureErrorBehaviour", job.errorBehaviour().headerValue());
            if (job.createdAt() != null) {
                element(w, "createdAt", job.createdAt().toString());
            }
            if (job.finishedAt() != null && !job.runningForClients()) {
                element(w, "finishedAt", job.finishedAt().toString());
            }
            List<JsonNode> problems = CaptureErrors.read(job.errorsJson());
            if (!problems.isEmpty()) {
                w.writeStartElement("errors");
                for (JsonNode problem : problems) {
                    w.writeStartElement("error");
                    Iterator<Map.Entry<String, JsonNode>> fields = problem.fields();
                    while (fields.hasNext()) {
                        Map.Entry<String, JsonNode> field = fields.next();
                        if (RFC7807_MEMBERS.contains(field.getKey())) {
                            element(w, field.getKey(), field.getValue().asText());
                        } else {
                            // The schema admits other elements only from another namespace (##other): the members
                            // we add go in the RFC 7807 namespace, as its Appendix A writes problem members.
                            w.writeStartElement("problem", field.getKey(), ProblemRenderer.XML_NAMESPACE);
                            w.writeCharacters(field.getValue().asText());
                            w.writeEndElement();
                        }
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a capture job as XML failed", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
