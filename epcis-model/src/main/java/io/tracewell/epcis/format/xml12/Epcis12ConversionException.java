package io.tracewell.epcis.format.xml12;

import java.util.Objects;

/**
 * An event or header cannot be written as EPCIS 1.2: it holds something that 1.2 has no place for (an
 * AssociationEvent, sensor data, a persistent disposition, certification information), or an identifier that has no
 * EPC URN form. Nothing of the event was written when this is thrown; the writer can go on with the next event.
 *
 * <p>The message names what was refused ({@link #subject()}, e.g. {@code ObjectEvent #3 (eventID urn:uuid:...)}),
 * the field ({@link #field()}, e.g. {@code sensorElementList} or {@code epcList}) and what EPCIS 1.2 expects instead.
 */
public final class Epcis12ConversionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String field;

    public Epcis12ConversionException(String subject, String field, String problem) {
        super(Objects.requireNonNull(subject, "subject") + ": " + Objects.requireNonNull(field, "field") + " "
                + Objects.requireNonNull(problem, "problem"));
        this.subject = subject;
        this.field = field;
    }

    /** What was being written: an event with its position and eventID or eventTime, or a header part. */
    public String subject() {
        return subject;
    }

    /** The EPCIS field that cannot be written, e.g. {@code sensorElementList}, {@code parentID}. */
    public String field() {
        return field;
    }
}
