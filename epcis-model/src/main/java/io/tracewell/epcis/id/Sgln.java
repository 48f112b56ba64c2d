package io.tracewell.epcis.id;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * GLN of a physical location with optional extension: AI (414) [+ (254)]. EPC URI {@code urn:epc:id:sgln:C.LLL.EXT}
 * where extension {@code 0} means "no extension" (TDS 2.x, EPC pure identity URI), Digital Link {@code
 * /414/{gln}[/254/{ext}]}.
 * An extension of exactly "0" is therefore held as absent.
 *
 * @param gln       the GLN
 * @param extension the GLN extension (AI 254: 1-20 characters of set 82), unescaped
 * @param gcpLength GS1 company prefix length, when known
 */
public record Sgln(Gln gln, Optional<String> extension, OptionalInt gcpLength) implements Gs1Key {

    public Sgln {
        Objects.requireNonNull(gln, "gln");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(gcpLength, "gcpLength");
        extension = extension.filter(e -> !e.equals("0"));
        extension.ifPresent(e -> Keys.checkAi("254", e));
        Keys.checkGcpLength(gcpLength, "GLN", gln.value(), 12);
    }

    public static Sgln of(Gln gln) {
        return new Sgln(gln, Optional.empty(), OptionalInt.empty());
    }

    public static Sgln of(Gln gln, String extension) {
        return new Sgln(gln, Optional.of(extension), OptionalInt.empty());
    }

    @Override
    public EpcScheme scheme() {
        return EpcScheme.SGLN;
    }

    @Override
    public String prefixedDigits() {
        return gln.value();
    }

    @Override
    public Sgln withGcpLength(int length) {
        return new Sgln(gln, extension, OptionalInt.of(length));
    }

    @Override
    public String toDigitalLink(String resolverBase) {
        return Keys.dl(resolverBase, "414", gln.value(), "254", extension.orElse(null));
    }

    @Override
    public String toUrn() {
        return "urn:epc:id:sgln:" + Keys.splitBody(gln.value(), Keys.requireGcpLength(this), 12) + "."
                + PercentCodec.escape(extension.orElse("0"));
    }

    @Override
    public ElementString toElementString() {
        return extension.map(e -> ElementString.of(new AiValue("414", gln.value()), new AiValue("254", e)))
                .orElseGet(() -> ElementString.of(new AiValue("414", gln.value())));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sgln other && gln.equals(other.gln) && extension.equals(other.extension);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gln, extension);
    }
}
