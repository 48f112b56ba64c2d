package io.tracewell.regulatory.fmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** The table of docs/fmd.md, "Pack states": from events to EMVS pack states. */
class EmvsPackStateTest {

    private static ObjectEvent event(BizStep step, Disposition disposition, String extension) {
        return new ObjectEvent(CommonFields.of(EpcisTime.parse("2026-05-06T10:00:00.000Z"),
                TimeZoneOffset.parse("+00:00")), Action.OBSERVE, List.of("https://id.gs1.org/01/04098765000010/21/1"),
                List.of(), Where.NONE, new Why(step, disposition, null, List.of()), List.of(), null,
                extension == null ? List.of() : List.of(ExtensionElement.text(new QName("urn:tracewell:fmd",
                        "packState", "fmd"), extension)));
    }

    private static Optional<EmvsPackState> of(BizStep step, Disposition disposition, String extension) {
        return EmvsPackState.of(event(step, disposition, extension));
    }

    @Test
    void cbvWords() {
        assertThat(of(BizStep.DISPENSING, null, null)).contains(EmvsPackState.SUPPLIED);
        assertThat(of(null, Disposition.DISPENSED, null)).contains(EmvsPackState.SUPPLIED);
        assertThat(of(BizStep.DESTROYING, null, null)).contains(EmvsPackState.DESTROYED);
        assertThat(of(null, Disposition.DESTROYED, null)).contains(EmvsPackState.DESTROYED);
        assertThat(of(BizStep.HOLDING, Disposition.STOLEN, null)).contains(EmvsPackState.STOLEN);
        assertThat(of(BizStep.SAMPLING, null, null)).contains(EmvsPackState.SAMPLE);
    }

    @Test
    void statesWithoutCbvWordComeFromTheExtension() {
        assertThat(of(BizStep.DECOMMISSIONING, Disposition.INACTIVE, "FREE_SAMPLE")).contains(EmvsPackState.FREE_SAMPLE);
        assertThat(of(BizStep.DECOMMISSIONING, Disposition.INACTIVE, "exported")).contains(EmvsPackState.EXPORTED);
        assertThat(of(BizStep.HOLDING, Disposition.NON_SELLABLE_OTHER, "LOCKED")).contains(EmvsPackState.LOCKED);
        assertThat(of(BizStep.HOLDING, Disposition.ACTIVE, "ACTIVE")).as("unlock").contains(EmvsPackState.ACTIVE);
        assertThat(of(BizStep.REPACKAGING, null, "CHECKED_OUT")).contains(EmvsPackState.CHECKED_OUT);
        assertThat(of(BizStep.DISPENSING, null, "SAMPLE")).as("the extension wins").contains(EmvsPackState.SAMPLE);
        assertThatThrownBy(() -> of(null, null, "MISPLACED")).isInstanceOf(EmvsPackState.UnknownState.class)
                .hasMessageContaining("MISPLACED");
    }

    @Test
    void otherEventsSetNoState() {
        assertThat(of(BizStep.SHIPPING, Disposition.IN_TRANSIT, null)).isEmpty();
        assertThat(of(BizStep.HOLDING, Disposition.RECALLED, null)).as("a recall is a batch message").isEmpty();
        assertThat(of(BizStep.COMMISSIONING, Disposition.ACTIVE, "LOCKED")).isEmpty();
        ObjectEvent retracted = event(BizStep.DISPENSING, null, null);
        retracted = retracted.withCommon(new CommonFields(retracted.eventTime(), retracted.eventTimeZoneOffset(), null,
                null, new ErrorDeclaration(EpcisTime.parse("2026-05-07T10:00:00.000Z"), ErrorReason.INCORRECT_DATA,
                List.of(), List.of()), null));
        assertThat(EmvsPackState.of(retracted)).isEmpty();
        assertThat(EmvsPackState.unnamedDecommissioning(event(BizStep.DECOMMISSIONING, null, null))).isTrue();
        assertThat(EmvsPackState.unnamedDecommissioning(event(BizStep.DECOMMISSIONING, null, "DESTROYED"))).isFalse();
    }
}
