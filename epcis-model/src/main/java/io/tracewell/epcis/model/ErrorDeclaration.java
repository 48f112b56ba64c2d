package io.tracewell.epcis.model;

import io.tracewell.epcis.cbv.ErrorReason;
import java.util.List;
import java.util.Objects;

/**
 * Declares that the event carrying it was in error (EPCIS 2.0 §7.4.1.2). The declaring event repeats the
 * {@code eventID} of the event it corrects, which is why eventID is not a unique key.
 */
public record ErrorDeclaration(
        EpcisTime declarationTime,
        ErrorReason reason,
        List<String> correctiveEventIDs,
        List<ExtensionElement> extensions) {
    public ErrorDeclaration {
        Objects.requireNonNull(declarationTime, "declarationTime");
        correctiveEventIDs = Lists.copy(correctiveEventIDs);
        extensions = Lists.copy(extensions);
    }
}
