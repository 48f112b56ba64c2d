package io.tracewell.epcis.hash;

import static io.tracewell.epcis.hash.TestEvents.complex;
import static io.tracewell.epcis.hash.TestEvents.objectEvent;
import static io.tracewell.epcis.hash.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.model.ObjectEvent;
import org.junit.jupiter.api.Test;

/**
 * Whole events built in Java against pre-hash strings and hash IDs published with the GS1 reference vectors
 * (ReferenceEventHashAlgorithm and ReferenceEventHashAlgorithm3, one string per profile).
 */
class EventHasherTest {

    /** ReferenceEventHashAlgorithm.xml: identical in every profile (no sensors, no nested extensions). */
    private static ObjectEvent referenceEvent() {
        return objectEvent("2020-03-04T11:00:30.000+01:00", "+01:00")
                .epcs("urn:epc:id:sscc:4012345.0000000333", "urn:epc:id:sscc:4012345.0000000111",
                        "urn:epc:id:sscc:4012345.0000000222")
                .bizStep("urn:epcglobal:cbv:bizstep:departing")
                .readPoint("urn:epc:id:sgln:4012345.00011.987")
                .extension(complex("myField1", text("mySubField1", "2"), text("mySubField2", "5")))
                .extension(text("myField2", "0"))
                .extension(complex("myField3", text("mySubField3", "3"), text("mySubField3", "1")))
                .build();
    }

    /** ReferenceEventHashAlgorithm3.jsonld: a readPoint extension, transactions, source and destination. */
    private static ObjectEvent referenceEvent3() {
        return objectEvent("2020-03-04T11:00:30+01:00", "+01:00")
                .epcs("urn:epc:id:sgtin:0614141.011111.987")
                .bizStep("departing")
                .disposition("in_transit")
                .readPoint("urn:epc:id:sgln:4012345.00011.0", text("myField1", "AB-12"))
                .bizTransaction("po", "urn:epc:id:gdti:4012345.11111.123")
                .source("owning_party", "urn:epc:id:pgln:4012345.00000")
                .destination("owning_party", "urn:epc:id:pgln:0614141.00000")
                .extension(text("userExt", "CD-34"))
                .build();
    }

    private static final String REFERENCE_PRE_HASH = "eventType=ObjectEventeventTime=2020-03-04T10:00:30.000Z"
            + "eventTimeZoneOffset=+01:00epcListepc=https://id.gs1.org/00/040123450000001112"
            + "epc=https://id.gs1.org/00/040123450000002225epc=https://id.gs1.org/00/040123450000003338"
            + "action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-departing"
            + "readPointid=https://id.gs1.org/414/4012345000115/254/987"
            + "{https://ns.example.com/epcis/}myField1{https://ns.example.com/epcis/}mySubField1=2"
            + "{https://ns.example.com/epcis/}mySubField2=5{https://ns.example.com/epcis/}myField2=0"
            + "{https://ns.example.com/epcis/}myField3{https://ns.example.com/epcis/}mySubField3=1"
            + "{https://ns.example.com/epcis/}mySubField3=3";

    private static final String EVENT3_HEAD = "eventType=ObjectEventeventTime=2020-03-04T10:00:30.000Z"
            + "eventTimeZoneOffset=+01:00epcListepc=https://id.gs1.org/01/00614141111114/21/987action=OBSERVE"
            + "bizStep=https://ref.gs1.org/cbv/BizStep-departingdisposition=https://ref.gs1.org/cbv/Disp-in_transit"
            + "readPointid=https://id.gs1.org/414/4012345000115";
    private static final String EVENT3_TRANSACTION = "bizTransactionListtype=https://ref.gs1.org/cbv/BTT-po"
            + "bizTransaction=https://id.gs1.org/253/4012345111118123";
    private static final String EVENT3_SOURCE = "sourceListtype=https://ref.gs1.org/cbv/SDT-owning_party"
            + "source=https://id.gs1.org/417/4012345000009";
    private static final String EVENT3_DESTINATION = "destinationListtype=https://ref.gs1.org/cbv/SDT-owning_party"
            + "destination=https://id.gs1.org/417/0614141000005";
    private static final String READ_POINT_EXTENSION = "{https://ns.example.com/epcis/}myField1=AB-12";
    private static final String EVENT_EXTENSION = "{https://ns.example.com/epcis/}userExt=CD-34";

    @Test
    void referenceEventGivesThePublishedPreHashAndHashId() {
        EventHasher hasher = EventHasher.standard();

        assertThat(hasher.preHash(referenceEvent())).isEqualTo(REFERENCE_PRE_HASH);
        assertThat(hasher.hashId(referenceEvent())).hasToString(
                "ni:///sha-256;6ae96341e0acc6d7a261364751f60e68278a81cdf51da0abb6b4e617014e39d7?ver=CBV2.0");
    }

    @Test
    void theCbv20ProfileAppendsNestedExtensionsBehindTheirElementAndPutsSourcesFirst() {
        EventHasher hasher = EventHasher.standard();

        assertThat(hasher.preHash(referenceEvent3())).isEqualTo(EVENT3_HEAD + EVENT3_TRANSACTION + EVENT3_SOURCE
                + EVENT3_DESTINATION + "readPoint" + READ_POINT_EXTENSION + EVENT_EXTENSION);
        assertThat(hasher.hashId(referenceEvent3())).hasToString(
                "ni:///sha-256;3ae14c02c4bdc220cc31942cf804f6845eb8dec96ba6483391c92a9b165f9329?ver=CBV2.0");
    }

    @Test
    void theCbv21DraftPutsNestedExtensionsInline() {
        EventHasher hasher = EventHasher.of(HashProfile.CBV_2_1_DRAFT, HashAlgorithm.SHA_256);

        assertThat(hasher.preHash(referenceEvent3())).isEqualTo(EVENT3_HEAD + READ_POINT_EXTENSION
                + EVENT3_TRANSACTION + EVENT3_SOURCE + EVENT3_DESTINATION + EVENT_EXTENSION);
        assertThat(hasher.hashId(referenceEvent3())).hasToString(
                "ni:///sha-256;e9273954ba78387caf181fe74038871990dbc97568d068123d0a8774b843e383?ver=CBV2.1");
    }

    @Test
    void theReference2025ProfilePutsDestinationsBeforeSources() {
        EventHasher hasher = EventHasher.of(HashProfile.CBV_2_0_REFERENCE_2025, HashAlgorithm.SHA_256);

        assertThat(hasher.preHash(referenceEvent3())).isEqualTo(EVENT3_HEAD + READ_POINT_EXTENSION
                + EVENT3_TRANSACTION + EVENT3_DESTINATION + EVENT3_SOURCE + EVENT_EXTENSION);
        assertThat(hasher.hashId(referenceEvent3())).hasToString(
                "ni:///sha-256;a13cbe6c8bb6df3710b3edaeff760a1365ec8fd69ca1f4d7e0c10eb5189a883a?ver=CBV2.0");
    }

    @Test
    void everyProfileAgreesOnAnEventWithoutTheFieldsTheyDifferOn() {
        for (HashProfile profile : HashProfile.values()) {
            assertThat(EventHasher.of(profile, HashAlgorithm.SHA_256).preHash(referenceEvent()))
                    .as(profile.name())
                    .isEqualTo(REFERENCE_PRE_HASH);
        }
    }

    @Test
    void theVersionOfTheIdNamesTheProfile() {
        assertThat(EventHasher.of(HashProfile.CBV_2_0, HashAlgorithm.SHA_256).hashId(referenceEvent()).version())
                .isEqualTo("CBV2.0");
        assertThat(EventHasher.of(HashProfile.CBV_2_0_REFERENCE_2025, HashAlgorithm.SHA_256)
                .hashId(referenceEvent()).version()).isEqualTo("CBV2.0");
        assertThat(EventHasher.of(HashProfile.CBV_2_1_DRAFT, HashAlgorithm.SHA_256).hashId(referenceEvent())
                .version()).isEqualTo("CBV2.1");
    }

    @Test
    void otherDigestsUseTheirRegistryNameAndLength() {
        // FIPS 180-4 / FIPS 202 example values for the message "abc".
        assertThat(EventHasher.of(HashProfile.CBV_2_0, HashAlgorithm.SHA_256).hashIdOfPreHash("abc"))
                .hasToString("ni:///sha-256;ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
                        + "?ver=CBV2.0");
        assertThat(EventHasher.of(HashProfile.CBV_2_0, HashAlgorithm.SHA_384).hashIdOfPreHash("abc"))
                .hasToString("ni:///sha-384;cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                        + "8086072ba1e7cc2358baeca134c825a7?ver=CBV2.0");
        assertThat(EventHasher.of(HashProfile.CBV_2_0, HashAlgorithm.SHA_512).hashIdOfPreHash("abc"))
                .hasToString("ni:///sha-512;ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f?ver=CBV2.0");
        assertThat(EventHasher.of(HashProfile.CBV_2_0, HashAlgorithm.SHA3_256).hashIdOfPreHash("abc"))
                .hasToString("ni:///sha3-256;3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"
                        + "?ver=CBV2.0");
    }

    @Test
    void thePreHashIsHashedAsUtf8() {
        String digest = EventHasher.standard().hashIdOfPreHash("\u00e9").digestHex();

        assertThat(digest).isEqualTo(sha256Hex(new byte[] {(byte) 0xC3, (byte) 0xA9}))
                .isNotEqualTo(sha256Hex(new byte[] {(byte) 0xE9}));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
