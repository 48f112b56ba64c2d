package io.tracewell.regulatory.dscsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which shipping events are to a trading partner, and which partner configurations are refused. */
class TradingPartnerTest {
    private static final String PARTY = "0345678000007";
    private static final String SHIP_TO = "0345678000014";
    private static final TradingPartner PARTNER =
            new TradingPartner("Example Wholesale", List.of(PARTY), List.of(SHIP_TO), PARTY);

    private static ObjectEvent event(BizStep step, ErrorDeclaration error, SourceDest... destinations) {
        return new ObjectEvent(
                new CommonFields(EpcisTime.parse("2026-03-03T07:00:00.000-05:00"), TimeZoneOffset.parse("-05:00"),
                        null, null, error, null),
                Action.OBSERVE, List.of("urn:epc:id:sscc:0361414.0000000001"), List.of(),
                new Where(null, null, List.of(), List.of(destinations)),
                new Why(step, Disposition.IN_TRANSIT, null, List.of()), List.of(), null, List.of());
    }

    private static ObjectEvent shipping(SourceDest... destinations) {
        return event(BizStep.SHIPPING, null, destinations);
    }

    @Test
    void anOwningPartyDestinationInAnySpellingNamesThePartner() {
        assertThat(PARTNER.isDestinationOf(shipping(
                new SourceDest(SourceDestType.OWNING_PARTY, "urn:epc:id:sgln:0345678.00000.0")))).isTrue();
        assertThat(PARTNER.isDestinationOf(shipping(
                new SourceDest(SourceDestType.OWNING_PARTY, "https://id.gs1.org/414/" + PARTY)))).isTrue();
        assertThat(PARTNER.isDestinationOf(shipping(
                new SourceDest(SourceDestType.OWNING_PARTY, "https://id.gs1.org/417/" + PARTY)))).isTrue();
    }

    @Test
    void aLocationDestinationNamesThePartnerByItsGlnWhateverTheExtension() {
        assertThat(PARTNER.isDestinationOf(shipping(
                new SourceDest(SourceDestType.LOCATION, "urn:epc:id:sgln:0345678.00001.dock7")))).isTrue();
    }

    @Test
    void theTypeOfTheDestinationMatters() {
        // the partner's location GLN as owning party, its party GLN as location: neither names it
        assertThat(PARTNER.isDestinationOf(shipping(
                new SourceDest(SourceDestType.OWNING_PARTY, "urn:epc:id:sgln:0345678.00001.0"),
                new SourceDest(SourceDestType.LOCATION, "urn:epc:id:sgln:0345678.00000.0")))).isFalse();
        assertThat(PARTNER.isDestinationOf(shipping(
                new SourceDest(SourceDestType.POSSESSING_PARTY, "urn:epc:id:sgln:0345678.00000.0")))).isFalse();
    }

    @Test
    void onlyAShippingEventWithoutErrorDeclarationIsAShipment() {
        SourceDest buyer = new SourceDest(SourceDestType.OWNING_PARTY, "urn:epc:id:sgln:0345678.00000.0");
        assertThat(PARTNER.isDestinationOf(event(BizStep.RECEIVING, null, buyer))).isFalse();
        assertThat(PARTNER.isDestinationOf(event(BizStep.SHIPPING, new ErrorDeclaration(
                EpcisTime.parse("2026-03-04T00:00:00.000Z"), ErrorReason.INCORRECT_DATA, List.of(), List.of()),
                buyer))).isFalse();
        assertThat(PARTNER.isDestinationOf(event(BizStep.SHIPPING, null, buyer))).isTrue();
    }

    @Test
    void anotherPartysShipmentIsNotThePartners() {
        TradingPartner other = new TradingPartner("Other", List.of("0312345000004"), List.of(), "0312345000004");
        ObjectEvent toOther = shipping(new SourceDest(SourceDestType.OWNING_PARTY, "urn:epc:id:sgln:0312345.00000.0"),
                new SourceDest(SourceDestType.LOCATION, "urn:epc:id:sgln:0312345.00001.0"));
        assertThat(PARTNER.isDestinationOf(toOther)).isFalse();
        assertThat(TradingPartner.destinationOf(List.of(PARTNER, other), toOther)).contains(other);
        assertThat(TradingPartner.destinationOf(List.of(PARTNER), toOther)).isEmpty();
    }

    @Test
    void refusesGlnsWithoutValidCheckDigitNamingTheField() {
        assertThatThrownBy(() -> new TradingPartner("X", List.of("0345678000008"), List.of(), PARTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TradingPartner X partyGlns[0]")
                .hasMessageContaining("0345678000008");
        assertThatThrownBy(() -> new TradingPartner("X", List.of(PARTY), List.of(), "12345"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("receiverGln");
    }

    @Test
    void refusesAPartnerNoShipmentCouldMatch() {
        assertThatThrownBy(() -> new TradingPartner("X", List.of(), null, PARTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither partyGlns nor locationGlns");
        assertThatThrownBy(() -> new TradingPartner(" ", List.of(PARTY), List.of(), PARTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
    }
}
