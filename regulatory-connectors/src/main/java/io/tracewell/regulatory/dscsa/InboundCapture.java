package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.xml.XmlEventWriter;
import io.tracewell.epcis.format.xml12.Epcis12XmlReader;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.store.job.CaptureErrorBehaviour;
import io.tracewell.epcis.store.job.CaptureJobs;
import io.tracewell.regulatory.as2.InboundDocumentHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures what DSCSA partners send over AS2 (docs/dscsa.md, "Receiving"): the EPCIS 1.2 document is read into the
 * 2.0 model ({@link Epcis12XmlReader}), written as an EPCIS 2.0 XML document (with its SBDH, master data and header
 * elements) into a capture job, and the job is handed to the capture workers, which validate and store it like any
 * other (rollback: all or nothing). The job's id is fixed by the partner and the Message-ID, so a second hand-on of
 * one message finds the job made by the first and makes no other.
 */
public final class InboundCapture implements InboundDocumentHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboundCapture.class);

    private final CaptureJobs jobs;
    private final Supplier<String> owner;
    private final Duration lease;
    private final Consumer<String> submitted;
    private final String organisation;

    /**
     * @param owner        the capture workers' lease owner, which a received job starts leased to
     * @param lease        their lease
     * @param submitted    called with the id of each job submitted, so that the workers start it at once
     * @param organisation the receiving organisation (the operator's own, {@code epcis.security.organisation}):
     *                     the events a partner sends belong to it, not to the sender, so the receiver's callers
     *                     read them and the sending partner reads them by its GLNs like any other partner
     */
    public InboundCapture(CaptureJobs jobs, Supplier<String> owner, Duration lease, Consumer<String> submitted,
                          String organisation) {
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.submitted = Objects.requireNonNull(submitted, "submitted");
    }

    /** The capture job id of a partner's message: the same for every hand-on of it. */
    public static String captureIdOf(String partnerAs2Id, String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((partnerAs2Id + "\n" + messageId)
                    .getBytes(StandardCharsets.UTF_8));
            return "as2-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String accept(String partnerAs2Id, String messageId, byte[] payload) {
        String captureId = captureIdOf(partnerAs2Id, messageId);
        if (jobs.find(captureId).isPresent()) {
            return captureId;
        }
        CaptureJobs.DocumentUpload upload = jobs.receive(captureId, organisation, CaptureErrorBehaviour.ROLLBACK,
                "application/xml", owner.get(), lease);
        boolean done = false;
        int events = 0;
        try (Epcis12XmlReader in = new Epcis12XmlReader(new ByteArrayInputStream(payload));
             XmlEventWriter out = new XmlEventWriter(upload)) {
            out.begin(in.header());
            EpcisEvent event;
            while ((event = in.next()) != null) {
                out.write(event);
                events++;
            }
            out.end(in.header()); // keeps the header elements, e.g. the DSCSA transaction statement
        } catch (EpcisFormatException e) {
            jobs.discard(captureId);
            throw new IllegalArgumentException("the document of message " + messageId + " from " + partnerAs2Id
                    + " is not EPCIS 1.2 that can be captured: " + e.getMessage(), e);
        }
        try {
            upload.close();
            String id = jobs.submit(captureId, upload).orElse(captureId);
            done = true;
            if (id.equals(captureId)) {
                submitted.accept(captureId);
            }
            LOG.info("AS2 message {} from {}: {} events to capture in job {}", messageId, partnerAs2Id, events, id);
            return id;
        } catch (IOException e) {
            throw new IllegalStateException("writing the capture job " + captureId + " failed: " + e.getMessage(), e);
        } finally {
            if (!done) {
                jobs.discard(captureId);
            }
        }
    }
}
