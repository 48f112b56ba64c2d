package io.tracewell.epcis.capture.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpcFormattingTest {
    private static final CommonFields COMMON = CommonFields.of(EpcisTime.parse("2024-05-01T08:15:30Z"),
            TimeZoneOffset.parse("+02:00")).withEventID("urn:uuid:6d1c7a0e-3f64-4c1e-9a39-2f1c1f0a0b01");

    private static final String SGTIN_URN = "urn:epc:id:sgtin:4012345.011111.987";
    private static final String SGTIN_DL = "https://id.gs1.org/01/04012345111118/21/987";
    private static final String SSCC_URN = "urn:epc:id:sscc:4012345.3111111111";
    private static final String SSCC_DL = "https://id.gs1.org/00/340123451111111111";
    private static final String SGLN_URN = "urn:epc:id:sgln:4012345.00005.0";
    private static final String SGLN_DL = "https://id.gs1.org/414/4012345000054";
    private static final String SGLN_EXT_URN = "urn:epc:id:sgln:4012345.00005.122";
    private static final String SGLN_EXT_DL = "https://id.gs1.org/414/4012345000054/254/122";
    private static final String PGLN_URN = "urn:epc:id:pgln:4000001.00000";
    private static final String PGLN_DL = "https://id.gs1.org/417/4000001000005";
    private static final String LGTIN_URN = "urn:epc:class:lgtin:4012345.012345.998877";
    private static final String LGTIN_DL = "https://id.gs1.org/01/04012345123456/10/998877";
    private static final String CLASS_URN = "urn:epc:idpat:sgtin:4012345.012345.*";
    private static final String CLASS_DL = "https://id.gs1.org/01/04012345123456";
    private static final String GIAI_URN = "urn:epc:id:giai:4012345.ABC345";
    private static final String GIAI_DL = "https://id.gs1.org/8004/4012345ABC345";
    /** A Digital Link whose company prefix length no URN tells: 9521234 is not a prefix used above. */
    private static final String FOREIGN_DL = "https://id.gs1.org/01/09521234543213/21/x";
    private static final String FOREIGN_URN = "urn:epc:id:sgtin:9521234.054321.x";
    private static final String OTHER = "urn:example:thing:1";
    private static final String GID = "urn:epc:id:gid:95100000.12345.400";
    private static final String ITIP_LOT_DL = "https://id.gs1.org/8006/040123451111180102/10/LOT1";

    private static EpcisEvent apply(EpcFormat format, EpcisEvent event) {
        return new EpcFormatting(format, CompanyPrefixLengths.none()).apply(event);
    }

    private static Where where(String readPoint, String bizLocation, String source, String destination) {
        return new Where(ReadPoint.of(readPoint), BizLocation.of(bizLocation),
                List.of(new SourceDest(SourceDestType.of("owning_party"), source)),
                List.of(new SourceDest(SourceDestType.of("location"), destination)));
    }

    private static ObjectEvent objectEvent(List<String> epcs, String epcClass, Where where) {
        return new ObjectEvent(COMMON, Action.OBSERVE, epcs,
                List.of(new QuantityElement(epcClass, new BigDecimal("12.5"), "KGM")), where,
                new Why(null, null, null, List.of(new BizTransaction(null, "urn:epcglobal:cbv:bt:4012345000054:1"))),
                List.of(), null, List.of());
    }

    @Test
    void digitalLinkFormRendersEveryGs1KeyOfAnObjectEventAsCanonicalDigitalLink() {
        ObjectEvent urns = objectEvent(List.of(SGTIN_URN, SSCC_URN, OTHER, GID), LGTIN_URN,
                where(SGLN_URN, SGLN_EXT_URN, PGLN_URN, SGLN_URN));

        ObjectEvent out = (ObjectEvent) apply(EpcFormat.ALWAYS_GS1_DIGITAL_LINK, urns);

        assertThat(out.epcList()).containsExactly(SGTIN_DL, SSCC_DL, OTHER, GID);
        assertThat(out.quantityList()).containsExactly(new QuantityElement(LGTIN_DL, new BigDecimal("12.5"), "KGM"));
        assertThat(out.readPoint().id()).isEqualTo(SGLN_DL);
        assertThat(out.bizLocation().id()).isEqualTo(SGLN_EXT_DL);
        assertThat(out.where().sourceList()).containsExactly(new SourceDest(SourceDestType.of("owning_party"),
                PGLN_DL));
        assertThat(out.where().destinationList()).containsExactly(new SourceDest(SourceDestType.of("location"),
                SGLN_DL));
        // Not identifiers of objects or places: untouched.
        assertThat(out.why()).isEqualTo(urns.why());
        assertThat(out.common()).isEqualTo(urns.common());
    }

    @Test
    void urnFormRendersDigitalLinksWithAKnownPrefixLengthAsUrn() {
        ObjectEvent links = objectEvent(List.of(SGTIN_DL, FOREIGN_DL, OTHER, ITIP_LOT_DL), CLASS_DL,
                where(SGLN_DL, SGLN_EXT_DL, PGLN_DL, SGLN_DL));
        CompanyPrefixLengths lengths = CompanyPrefixLengths.fixedTable()
                .put("4012345", 7).put("4000001", 7);

        ObjectEvent out = (ObjectEvent) new EpcFormatting(EpcFormat.ALWAYS_EPC_URN, lengths).apply(links);

        // FOREIGN_DL: no length known, kept as written; OTHER and the ITIP with lot have no EPC URI.
        assertThat(out.epcList()).containsExactly(SGTIN_URN, FOREIGN_DL, OTHER, ITIP_LOT_DL);
        assertThat(out.quantityList().get(0).epcClass()).isEqualTo(CLASS_URN);
        assertThat(out.readPoint().id()).isEqualTo(SGLN_URN);
        assertThat(out.bizLocation().id()).isEqualTo(SGLN_EXT_URN);
        assertThat(out.where().sourceList().get(0).id()).isEqualTo(PGLN_URN);
        assertThat(out.where().destinationList().get(0).id()).isEqualTo(SGLN_URN);
    }

    @Test
    void urnFormKeepsDigitalLinksWhosePrefixLengthIsUnknownAndRewritesUrnsOnlyToTheirCanonicalSpelling() {
        EpcFormatting none = new EpcFormatting(EpcFormat.ALWAYS_EPC_URN, CompanyPrefixLengths.none());
        assertThat(none.id(SGTIN_DL)).isEqualTo(SGTIN_DL);
        assertThat(none.id(SGTIN_URN)).isEqualTo(SGTIN_URN);
        assertThat(none.id("URN:EPC:ID:SGTIN:4012345.011111.987")).isEqualTo(SGTIN_URN);

        EpcFormatting withTable = new EpcFormatting(EpcFormat.ALWAYS_EPC_URN,
                CompanyPrefixLengths.fixedTable().put("9521234", 7));
        assertThat(withTable.id(FOREIGN_DL)).isEqualTo(FOREIGN_URN);
        // The table's length does not fit (a company prefix of 10 digits would take in the letters): kept.
        EpcFormatting misfit = new EpcFormatting(EpcFormat.ALWAYS_EPC_URN,
                CompanyPrefixLengths.fixedTable().put("4012", 10));
        assertThat(misfit.id(GIAI_DL)).isEqualTo(GIAI_DL);
        EpcFormatting fits = new EpcFormatting(EpcFormat.ALWAYS_EPC_URN,
                CompanyPrefixLengths.fixedTable().put("4012", 7));
        assertThat(fits.id(GIAI_DL)).isEqualTo(GIAI_URN);
    }

    @Test
    void digitalLinkFormCanonicalisesOtherHostsShortNamesAndDataAttributes() {
        EpcFormatting dl = new EpcFormatting(EpcFormat.ALWAYS_GS1_DIGITAL_LINK, CompanyPrefixLengths.none());
        assertThat(dl.id("https://example.com/01/04012345111118/21/987?17=250101")).isEqualTo(SGTIN_DL);
        assertThat(dl.id("https://id.gs1.org/gtin/04012345111118/ser/987")).isEqualTo(SGTIN_DL);
        assertThat(dl.id("https://example.com/not/a/link")).isEqualTo("https://example.com/not/a/link");
        assertThat(dl.id(GIAI_URN)).isEqualTo(GIAI_DL);
        assertThat(dl.id(null)).isNull();
    }

    @Test
    void neverTranslatesAndNoPreferenceGiveTheEventAsWritten() {
        ObjectEvent mixed = objectEvent(List.of(SGTIN_URN, SSCC_DL), LGTIN_URN,
                where(SGLN_DL, SGLN_EXT_URN, PGLN_URN, SGLN_DL));
        assertThat(apply(EpcFormat.NEVER_TRANSLATES, mixed)).isSameAs(mixed);
        assertThat(apply(EpcFormat.NO_PREFERENCE, mixed)).isSameAs(mixed);
    }

    @Test
    void parentChildrenInputsAndOutputsOfTheOtherEventTypes() {
        Where none = Where.NONE;
        List<QuantityElement> q = List.of(new QuantityElement(LGTIN_URN, null, null));

        AggregationEvent agg = (AggregationEvent) apply(EpcFormat.ALWAYS_GS1_DIGITAL_LINK, new AggregationEvent(
                COMMON, Action.ADD, SSCC_URN, List.of(SGTIN_URN), q, none, null, List.of(), List.of()));
        assertThat(agg.parentID()).isEqualTo(SSCC_DL);
        assertThat(agg.childEPCs()).containsExactly(SGTIN_DL);
        assertThat(agg.childQuantityList().get(0).epcClass()).isEqualTo(LGTIN_DL);
        assertThat(agg.childQuantityList().get(0).quantity()).isNull();

        AssociationEvent assoc = (AssociationEvent) apply(EpcFormat.ALWAYS_GS1_DIGITAL_LINK, new AssociationEvent(
                COMMON, Action.ADD, GIAI_URN, List.of(SGTIN_URN), q, none, null, List.of(), List.of()));
        assertThat(assoc.parentID()).isEqualTo(GIAI_DL);
        assertThat(assoc.childEPCs()).containsExactly(SGTIN_DL);
        assertThat(assoc.childQuantityList().get(0).epcClass()).isEqualTo(LGTIN_DL);

        TransactionEvent tx = (TransactionEvent) apply(EpcFormat.ALWAYS_GS1_DIGITAL_LINK, new TransactionEvent(
                COMMON, Action.ADD, null, List.of(SGTIN_URN), q, none,
                new Why(null, null, null, List.of(new BizTransaction(null, "urn:example:po:1"))), List.of(),
                List.of()));
        assertThat(tx.parentID()).isNull();
        assertThat(tx.epcList()).containsExactly(SGTIN_DL);
        assertThat(tx.quantityList().get(0).epcClass()).isEqualTo(LGTIN_DL);
        assertThat(tx.why().bizTransactionList().get(0).bizTransaction()).isEqualTo("urn:example:po:1");

        TransformationEvent tf = (TransformationEvent) apply(EpcFormat.ALWAYS_GS1_DIGITAL_LINK,
                new TransformationEvent(COMMON, List.of(SGTIN_URN), q, List.of(SSCC_URN),
                        List.of(new QuantityElement(CLASS_URN, BigDecimal.TEN, null)), "urn:example:tf:1",
                        new Where(ReadPoint.of(SGLN_URN), null, List.of(), List.of()), null, List.of(), null,
                        List.of()));
        assertThat(tf.inputEPCList()).containsExactly(SGTIN_DL);
        assertThat(tf.inputQuantityList().get(0).epcClass()).isEqualTo(LGTIN_DL);
        assertThat(tf.outputEPCList()).containsExactly(SSCC_DL);
        assertThat(tf.outputQuantityList().get(0)).isEqualTo(new QuantityElement(CLASS_DL, BigDecimal.TEN, null));
        assertThat(tf.transformationID()).isEqualTo("urn:example:tf:1");
        assertThat(tf.readPoint().id()).isEqualTo(SGLN_DL);
        assertThat(tf.bizLocation()).isNull();
    }
}
