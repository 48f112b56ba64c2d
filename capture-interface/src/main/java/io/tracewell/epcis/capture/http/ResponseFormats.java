package io.tracewell.epcis.capture.http;

import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.capture.problem.Problem;
import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.EpcisEventWriter;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.format.xml.CbvXmlForm;
import io.tracewell.epcis.format.xml.XmlEventWriter;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.DocumentKind;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.Namespaces;
import io.vertx.ext.web.RoutingContext;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The forms a request wants the events of a response in, from the REST binding's {@code GS1-EPC-Format}
 * ({@link EpcFormat}, identifiers) and {@code GS1-CBV-XML-Format} (CBV values in XML) headers. Every route that
 * answers with events asks here, so that they all read the headers alike. Without {@code GS1-EPC-Format} the
 * identifiers come as written ({@link EpcFormat#DEFAULT} says why).
 *
 * <p>{@code GS1-CBV-XML-Format}: {@code Always_URN} writes the URN of every standard CBV term,
 * {@code Always_Web_URI} the Web URI. {@code No_Preference}, {@code Never_Translates} and an absent header give the
 * URN form of the EPCIS 2.0 XML binding: CBV values are typed in the model (a bare word, URN and Web URI of one term
 * are one value), so the spelling used at capture is not kept and "not translated" has nothing else to mean. JSON
 * responses always carry the bare words of the JSON binding; the header is still checked there.
 *
 * <p>A value the binding does not define is answered with {@code 406 NotAcceptableException} naming the header
 * and the accepted values.
 */
public record ResponseFormats(EpcFormatting epcs, CbvXmlForm cbvXmlForm) {

    /** The request header choosing how CBV values are spelled in XML. */
    public static final String CBV_XML_FORMAT = "GS1-CBV-XML-Format";

    private static final Map<String, CbvXmlForm> CBV_XML_FORMS = Map.of(
            "No_Preference", CbvXmlForm.URN,
            "Always_Web_URI", CbvXmlForm.WEB_URI,
            "Always_URN", CbvXmlForm.URN,
            "Never_Translates", CbvXmlForm.URN);
    private static final List<String> CBV_XML_VALUES =
            List.of("No_Preference", "Always_Web_URI", "Always_URN", "Never_Translates");

    public ResponseFormats {
        Objects.requireNonNull(epcs, "epcs");
        Objects.requireNonNull(cbvXmlForm, "cbvXmlForm");
    }

    /** A header value outside those the binding defines. */
    public static final class UnsupportedHeaderValue extends RuntimeException {
        private final String header;
        private final String value;
        private final List<String> accepted;

        UnsupportedHeaderValue(String header, String value, List<String> accepted) {
            super(header + ": \"" + value + "\" is not one of " + String.join(", ", accepted));
            this.header = header;
            this.value = value;
            this.accepted = accepted;
        }

        public String header() {
            return header;
        }

        public String value() {
            return value;
        }

        public List<String> accepted() {
            return accepted;
        }

        /** The 406 answer: the header, its value and what it may be. */
        public Problem problem(String instance) {
            String expected = header + ": one of " + String.join(", ", accepted);
            return new Problem(EpcisExceptionType.NOT_ACCEPTABLE, "the request header " + getMessage()
                    + "; the events cannot be given in that form", instance,
                    List.of(new ProblemError(SourceLocation.NONE, "request header " + getMessage(), expected)));
        }
    }

    /**
     * Reads both headers.
     *
     * @param header  a request header's value by name, {@code null} when absent
     * @param lengths company prefix lengths for {@code Always_EPC_URN}
     * @throws UnsupportedHeaderValue for a value the binding does not define
     */
    public static ResponseFormats fromHeaders(Function<String, String> header, CompanyPrefixLengths lengths) {
        String epc = header.apply(EpcFormat.HEADER);
        EpcFormat epcFormat = EpcFormat.DEFAULT;
        if (epc != null) {
            epcFormat = EpcFormat.ofHeaderValue(epc).orElseThrow(
                    () -> new UnsupportedHeaderValue(EpcFormat.HEADER, epc, EpcFormat.headerValues()));
        }
        String cbv = header.apply(CBV_XML_FORMAT);
        CbvXmlForm cbvForm = CbvXmlForm.URN;
        if (cbv != null) {
            String v = cbv.trim();
            cbvForm = CBV_XML_VALUES.stream().filter(name -> name.equalsIgnoreCase(v)).findFirst()
                    .map(CBV_XML_FORMS::get)
                    .orElseThrow(() -> new UnsupportedHeaderValue(CBV_XML_FORMAT, cbv, CBV_XML_VALUES));
        }
        return new ResponseFormats(new EpcFormatting(epcFormat, lengths), cbvForm);
    }

    /**
     * The forms the request asks for; when a header has a value the binding does not define, the 406 problem is
     * sent and the result is empty.
     */
    public static Optional<ResponseFormats> negotiate(RoutingContext context, CompanyPrefixLengths lengths) {
        try {
            return Optional.of(fromHeaders(context.request()::getHeader, lengths));
        } catch (UnsupportedHeaderValue e) {
            ProblemResponses.send(context, e.problem(context.request().path()));
            return Optional.empty();
        }
    }

    /**
     * An EPCISQueryDocument (EPCIS 2.0 §9.6, §10) of a SimpleEventQuery holding the events, in the forms the request
     * asks for, created at {@code now} (to the millisecond).
     */
    public byte[] queryDocument(List<EpcisEvent> events, Format format, java.time.Instant now) {
        return queryDocument(events, format, now, null);
    }

    /** The same, as the result of a subscription: its {@code subscriptionID} in the query results. */
    public byte[] queryDocument(List<EpcisEvent> events, Format format, java.time.Instant now, String subscriptionId) {
        DocumentHeader header = new DocumentHeader(DocumentKind.EPCIS_QUERY_DOCUMENT, null, "2.0",
                EpcisTime.of(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)), List.of(), Namespaces.NONE,
                null, List.of(), List.of(), "SimpleEventQuery", subscriptionId);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (EpcisEventWriter writer = writer(format, out)) {
            writer.begin(header);
            for (EpcisEvent event : events) {
                writer.write(apply(event));
            }
            writer.end();
        }
        return out.toByteArray();
    }

    /** A writer of the format, spelling CBV values as asked when it is XML. */
    public EpcisEventWriter writer(Format format, OutputStream out) {
        return format == Format.XML ? new XmlEventWriter(out, false, cbvXmlForm) : EpcisFormats.writer(format, out);
    }

    /** The event with its identifiers as asked ({@link EpcFormatting#apply}). */
    public EpcisEvent apply(EpcisEvent event) {
        return epcs.apply(event);
    }
}
