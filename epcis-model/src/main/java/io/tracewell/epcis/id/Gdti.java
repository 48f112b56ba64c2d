package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Global Document Type Identifier (AI 253).
 * EPC URI {@code urn:epc:id:gdti:C.RRR.SER} (TDS 2.x, EPC pure identity URI), Digital Link {@code /253/{value}}.
 * The serial is optional in the GS1 element string; without it the key is class level and its EPC form is the pattern
 * {@code urn:epc:idpat:gdti:C.RRR.*}.
 *
 * @param documentType GS1 company prefix + document type + check digit (13 digits)
 * @param serial    the serial (at most 17 characters), unescaped
 * @param gcpLength GS1 company prefix length, when known
 */
public record Gdti(String documentType, Optional<String> serial, OptionalInt gcpLength) implements Gs1Key {

    public Gdti {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(gcpLength, "gcpLength");
        Keys.checkNumericKey("GDTI", documentType, 13, Loc.NONE);
        serial.ifPresent(s -> Keys.checkAi("253", documentType + s));
        Keys.checkGcpLength(gcpLength, "GDTI", documentType, 12);
    }

    public static Gdti of(String documentType, String serial) {
        return new Gdti(documentType, Optional.of(serial), OptionalInt.empty());
    }

    /** The class-level key without serial. */
    public static Gdti of(String documentType) {
        return new Gdti(documentType, Optional.empty(), OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.GDTI;
    }

    @Override
    public String prefixedDigits() {
        return documentType;
    }

    @Override
    public Gdti withGcpLength(int length) {
        return new Gdti(documentType, serial, OptionalInt.of(length));
    }

    /** The AI 253 value. */
    public String aiValue() {
        return documentType + serial.orElse("");
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "253", aiValue());
    }

    @Override
    public String toUrn() {
        String body = Keys.splitBody(documentType, Keys.requireGcpLength(this), 12) + ".";
        return serial.map(s -> "urn:epc:id:gdti:" + body + PercentCodec.escape(s))
                .orElseGet(() -> "urn:epc:idpat:gdti:" + body + "*");
    }

    @Override
    public ElementString toElementString() {
        return ElementString.of(new AiValue("253", aiValue()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gdti other && documentType.equals(other.documentType) && serial.equals(other.serial);
    }

    @Override
    public int hashCode() {
        return Objects.hash(documentType, serial);
    }
}
