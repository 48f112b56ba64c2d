package io.tracewell.epcis.capture;

import io.tracewell.epcis.capture.problem.ProblemError;
import io.tracewell.epcis.format.EpcisEventReader;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.format.jsonld.JsonLdEventReader;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.store.read.StoredEvents;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.epcis.store.write.StoreLimitException;
import io.tracewell.epcis.store.write.StoreResult;
import io.tracewell.epcis.validation.DocumentValidator;
import io.tracewell.epcis.validation.Violation;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Synchronous capture of one event ({@code POST /events}, EPCIS 2.0 §12): validate the whole body first, then
 * read the event, refuse it when the same event is stored already, else store it.
 *
 * <p>Bodies: in JSON-LD, one event object carrying its own {@code @context}; in XML, an {@code EPCISDocument}
 * holding exactly one event (XML has no standalone event element with namespace declarations of its own, and
 * a document keeps the extension namespaces its event uses).
 *
 * <p>Duplicates are found by the CBV 2.0 event hash ID (docs/store.md). The database's unique key on the hash
 * of events without an error declaration decides, also between nodes; the striped lock only spares a node
 * the work of racing itself.
 */
public final class SingleEventCapture {

    private static final int STRIPES = 64;

    private final DocumentValidator validator;
    private final EventHasher hasher;
    private final EventStore store;
    private final StoredEvents storedEvents;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public SingleEventCapture(DocumentValidator validator, EventHasher hasher, EventStore store,
            StoredEvents storedEvents) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.store = Objects.requireNonNull(store, "store");
        this.storedEvents = Objects.requireNonNull(storedEvents, "storedEvents");
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Blocking (validation and database): call it off the event loop.
     *
     * @param organisation the organisation capturing the event, which it then belongs to (docs/security.md)
     */
    public CaptureOutcome capture(byte[] body, Format format, String organisation) {
        Objects.requireNonNull(organisation, "organisation");
        List<Violation> violations = validator.validate(new ByteArrayInputStream(body), format);
        if (!violations.isEmpty()) {
            return new CaptureOutcome.Invalid(violations.stream().map(ProblemError::of).toList());
        }
        Read read;
        try {
            read = switch (format) {
                case JSON_LD -> new Read(JsonLdEventReader.readEvent(new ByteArrayInputStream(body)), Namespaces.NONE);
                case XML -> readOneEventDocument(body);
            };
        } catch (EpcisFormatException e) {
            return new CaptureOutcome.Invalid(List.of(ProblemError.of(e)));
        } catch (OneEventExpected e) {
            return new CaptureOutcome.Invalid(List.of(e.error));
        }
        String hashId = hasher.hashId(read.event()).toString();
        ReentrantLock lock = stripes[Math.floorMod(hashId.hashCode(), STRIPES)];
        lock.lock();
        try {
            if (storedEvents.containsUndeclaredHash(hashId)) {
                return new CaptureOutcome.Duplicate(hashId);
            }
            StoreResult result = store.store(List.of(read.event()), CaptureContext.singleEvent(organisation,
                    read.namespaces()));
            if (result.events().isEmpty()) {
                // another node (or a capture job) stored it between the look-up and the insert
                return new CaptureOutcome.Duplicate(hashId);
            }
            return new CaptureOutcome.Captured(result.events().get(0).event());
        } catch (StoreLimitException e) {
            return new CaptureOutcome.Invalid(List.of(new ProblemError(SourceLocation.NONE, e.getMessage(),
                    "a value no longer than the store keeps")));
        } finally {
            lock.unlock();
        }
    }

    private record Read(EpcisEvent event, Namespaces namespaces) {}

    private static Read readOneEventDocument(byte[] body) {
        try (EpcisEventReader reader = EpcisFormats.reader(Format.XML, new ByteArrayInputStream(body))) {
            EpcisEvent event = reader.next();
            if (event == null) {
                throw new OneEventExpected(new ProblemError(SourceLocation.NONE, "the EPCISDocument holds no event",
                        "an EPCISDocument with exactly one event in its EventList"));
            }
            if (reader.next() != null) {
                throw new OneEventExpected(new ProblemError(reader.lastEventLocation(),
                        "the EPCISDocument holds more than one event",
                        "an EPCISDocument with exactly one event in its EventList (POST /capture takes many)"));
            }
            return new Read(event, reader.header().namespaces());
        }
    }

    private static final class OneEventExpected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ProblemError error;

        OneEventExpected(ProblemError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}
