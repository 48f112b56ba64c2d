package io.tracewell.regulatory.fmd;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import java.util.Locale;
import java.util.Optional;

/**
 * The pack states of the European medicines verification system that an on-boarding partner sets, and how events
 * say them (docs/fmd.md, "Pack states"). CBV words give supplied, destroyed, stolen and sample; the states CBV has no
 * word for (free sample, exported, locked, checked out, and unlock back to active) are carried in the event's
 * extension element {@code {urn:tracewell:fmd}packState}, which wins over the CBV words, so nothing is lost.
 */
public enum EmvsPackState {
    ACTIVE, SUPPLIED, DESTROYED, STOLEN, SAMPLE, FREE_SAMPLE, EXPORTED, LOCKED, CHECKED_OUT;

    /** The namespace of the Tracewell FMD extension fields in events. */
    public static final String EXTENSION_NAMESPACE = "urn:tracewell:fmd";
    /** The extension element that names an EMVS pack state, e.g. {@code <fmd:packState>EXPORTED</fmd:packState>}. */
    public static final String EXTENSION_ELEMENT = "packState";

    /** Thrown when an event names a pack state that does not exist. */
    public static final class UnknownState extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownState(String value) {
            super("the event's " + EXTENSION_ELEMENT + " \"" + value + "\" is no EMVS pack state; expected one of "
                    + java.util.Arrays.toString(values()));
        }
    }

    /**
     * The state an ObjectEvent sets on its packs, if it is a pack status change: the extension first, then
     * disposition {@code stolen}; bizStep {@code destroying} or disposition {@code destroyed}; bizStep
     * {@code dispensing} or disposition {@code dispensed}; bizStep {@code sampling}. Commissioning, recalls and events
     * with an error declaration set none here.
     *
     * @throws UnknownState when the extension names no state
     */
    public static Optional<EmvsPackState> of(ObjectEvent event) {
        if (event.errorDeclaration() != null || BizStep.COMMISSIONING.equals(event.why().bizStep())) {
            return Optional.empty();
        }
        Optional<String> named = extension(event);
        if (named.isPresent()) {
            try {
                return Optional.of(valueOf(named.get().strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UnknownState(named.get());
            }
        }
        BizStep step = event.why().bizStep();
        Disposition disposition = event.why().disposition();
        if (Disposition.STOLEN.equals(disposition)) {
            return Optional.of(STOLEN);
        }
        if (BizStep.DESTROYING.equals(step) || Disposition.DESTROYED.equals(disposition)) {
            return Optional.of(DESTROYED);
        }
        if (BizStep.DISPENSING.equals(step) || Disposition.DISPENSED.equals(disposition)) {
            return Optional.of(SUPPLIED);
        }
        if (BizStep.SAMPLING.equals(step)) {
            return Optional.of(SAMPLE);
        }
        return Optional.empty();
    }

    /** Whether the event is a decommissioning that says no EMVS state: it is reported, not guessed. */
    static boolean unnamedDecommissioning(ObjectEvent event) {
        return event.errorDeclaration() == null && BizStep.DECOMMISSIONING.equals(event.why().bizStep())
                && extension(event).isEmpty() && of(event).isEmpty();
    }

    private static Optional<String> extension(ObjectEvent event) {
        for (ExtensionElement e : event.extensions()) {
            if (EXTENSION_NAMESPACE.equals(e.name().getNamespaceURI())
                    && EXTENSION_ELEMENT.equals(e.name().getLocalPart())
                    && e.value() instanceof ExtensionElement.Simple simple && !simple.lexical().isBlank()) {
                return Optional.of(simple.lexical());
            }
        }
        return Optional.empty();
    }
}
