package io.tracewell.regulatory.fmd;

import io.tracewell.epcis.id.Gln;
import io.tracewell.epcis.id.Gtin;
import io.tracewell.epcis.id.IdentifierException;
import io.tracewell.epcis.id.ProductClass;
import io.tracewell.epcis.id.Sgln;
import io.tracewell.regulatory.dscsa.CbvMda;
import io.tracewell.regulatory.dscsa.StoredMasterData;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the product master data the hub needs from the stored EPCClass master data of the GTIN, and the names and
 * addresses of the parties it names from Location master data (docs/fmd.md, "Master data"). CBV attributes are
 * read in any of their spellings; Tracewell attributes ({@code urn:tracewell:mda:*}) by their ids.
 */
final class FmdMasterData {

    static final String MDA = "urn:tracewell:mda:";
    /** Repeatable: an ISO 3166-1 alpha-2 code of a market the product is placed on (shared with the market alert). */
    static final String MARKET = MDA + "market";
    static final String COMMON_NAME = MDA + "commonName";
    static final String PACK_TYPE = MDA + "packType";
    static final String MANUFACTURER = MDA + "manufacturer";

    static final String NAME = CbvMda.ATTRIBUTE_PREFIX + "regulatedProductName";
    static final String FORM = CbvMda.ATTRIBUTE_PREFIX + "dosageFormType";
    static final String STRENGTH = CbvMda.ATTRIBUTE_PREFIX + "strengthDescription";
    static final String PACK_SIZE = CbvMda.ATTRIBUTE_PREFIX + "netContentDescription";

    /** A per-market attribute id, e.g. {@code urn:tracewell:mda:market:DE:nationalCode}. */
    static String market(String country, String name) {
        return MARKET + ":" + country + ":" + name;
    }

    /** What master data is missing; fixing it is enough for the next attempt. */
    static final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Missing(List<String> missing) {
            super("master data missing: " + String.join("; ", missing), null, false, false);
        }
    }

    private FmdMasterData() {
    }

    /** The markets of the product (its {@code urn:tracewell:mda:market} values, upper case, in stored order). */
    static List<String> markets(Connection c, String gtin) throws SQLException {
        StoredMasterData.Element product = product(c, gtin);
        if (product == null) {
            return List.of();
        }
        return product.values(MARKET).stream().map(v -> v.toUpperCase(java.util.Locale.ROOT)).distinct().toList();
    }

    /**
     * The product master data message of the GTIN.
     *
     * @throws Missing listing every attribute missing
     */
    static HubMessage.ProductMasterData product(Connection c, Gtin gtin) throws SQLException {
        StoredMasterData.Element p = product(c, gtin.value());
        String classId = ProductClass.of(gtin).canonical();
        List<String> missing = new ArrayList<>();
        if (p == null) {
            throw new Missing(List.of("no EPCClass master data for " + classId));
        }
        String name = required(p, NAME, "name", missing);
        String common = required(p, COMMON_NAME, "common name", missing);
        String form = required(p, FORM, "pharmaceutical form", missing);
        String strength = required(p, STRENGTH, "strength", missing);
        String packType = required(p, PACK_TYPE, "pack type", missing);
        String packSize = required(p, PACK_SIZE, "pack size", missing);
        List<String> countries = p.values(MARKET).stream().map(v -> v.toUpperCase(java.util.Locale.ROOT)).distinct()
                .toList();
        if (countries.isEmpty()) {
            missing.add(classId + ": " + MARKET + " (at least one market)");
        }
        Set<String> glns = new LinkedHashSet<>();
        p.values(MANUFACTURER).stream().findFirst().ifPresent(glns::add);
        for (String country : countries) {
            if (!country.matches("[A-Z]{2}")) {
                missing.add(classId + ": market \"" + country + "\" is no ISO 3166-1 alpha-2 code");
            }
            p.values(market(country, "mah")).stream().findFirst().ifPresent(glns::add);
            p.values(market(country, "manufacturer")).stream().findFirst().ifPresent(glns::add);
            glns.addAll(p.values(market(country, "wholesaler")));
        }
        Map<String, StoredMasterData.Element> parties = parties(c, glns, missing, classId);
        List<HubMessage.Market> markets = new ArrayList<>();
        for (String country : countries) {
            String mah = p.values(market(country, "mah")).stream().findFirst().orElse(null);
            if (mah == null) {
                missing.add(classId + ": " + market(country, "mah") + " (GLN of the marketing authorisation holder)");
            }
            String manufacturer = p.values(market(country, "manufacturer")).stream().findFirst()
                    .or(() -> p.values(MANUFACTURER).stream().findFirst()).orElse(null);
            if (manufacturer == null) {
                missing.add(classId + ": " + MANUFACTURER + " or " + market(country, "manufacturer")
                        + " (GLN of the manufacturer)");
            }
            List<HubMessage.Wholesaler> wholesalers = new ArrayList<>();
            for (String w : p.values(market(country, "wholesaler"))) {
                wholesalers.add(new HubMessage.Wholesaler(w, partyName(parties, w), address(parties, w)));
            }
            markets.add(new HubMessage.Market(country,
                    p.values(market(country, "nationalCode")).stream().findFirst().orElse(null), mah,
                    partyName(parties, mah), address(parties, mah), partyName(parties, manufacturer),
                    address(parties, manufacturer), wholesalers));
        }
        if (!missing.isEmpty()) {
            throw new Missing(missing);
        }
        return new HubMessage.ProductMasterData(gtin.value(), "GTIN", name, common, form, strength, packType,
                packSize, markets);
    }

    private static StoredMasterData.Element product(Connection c, String gtin) throws SQLException {
        String classId = ProductClass.of(new Gtin(gtin)).canonical();
        return StoredMasterData.read(c, List.of(classId), List.of(StoredMasterData.EPC_CLASS),
                FmdMasterData::key).get(classId);
    }

    /** CBV attributes under {@code urn:epcglobal:cbv:mda#name} whatever their spelling; others as stored. */
    private static Optional<String> key(String attributeId) {
        return CbvMda.attributeName(attributeId).map(n -> CbvMda.ATTRIBUTE_PREFIX + n).or(() -> Optional.of(attributeId));
    }

    /** The Location master data of each GLN (its SGLN without extension), checking name and address are there. */
    private static Map<String, StoredMasterData.Element> parties(Connection c, Set<String> glns, List<String> missing,
                                                                 String classId) throws SQLException {
        Map<String, String> idByGln = new java.util.LinkedHashMap<>();
        for (String gln : glns) {
            try {
                idByGln.put(gln, Sgln.of(new Gln(gln)).canonical());
            } catch (IdentifierException e) {
                missing.add(classId + ": \"" + gln + "\" is no GLN (" + e.getMessage() + ")");
            }
        }
        Map<String, StoredMasterData.Element> byId = StoredMasterData.read(c, idByGln.values(),
                List.of(StoredMasterData.LOCATION, StoredMasterData.BUSINESS_LOCATION), FmdMasterData::key);
        Map<String, StoredMasterData.Element> byGln = new java.util.HashMap<>();
        idByGln.forEach((gln, id) -> {
            StoredMasterData.Element e = byId.get(id);
            if (e == null) {
                missing.add("no Location master data for " + id);
                return;
            }
            for (String a : List.of("name", "streetAddressOne", "city", "postalCode", "countryCode")) {
                if (!e.has(CbvMda.ATTRIBUTE_PREFIX + a)) {
                    missing.add(id + ": Location attribute " + CbvMda.ATTRIBUTE_PREFIX + a);
                }
            }
            byGln.put(gln, e);
        });
        return byGln;
    }

    private static String partyName(Map<String, StoredMasterData.Element> parties, String gln) {
        StoredMasterData.Element e = gln == null ? null : parties.get(gln);
        return e == null ? null : first(e, "name");
    }

    /** One line: street (and second line), postal code and city, country code. */
    private static String address(Map<String, StoredMasterData.Element> parties, String gln) {
        StoredMasterData.Element e = gln == null ? null : parties.get(gln);
        if (e == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(first(e, "streetAddressOne"));
        if (e.has(CbvMda.ATTRIBUTE_PREFIX + "streetAddressTwo")) {
            b.append(", ").append(first(e, "streetAddressTwo"));
        }
        return b.append(", ").append(first(e, "postalCode")).append(' ').append(first(e, "city")).append(", ")
                .append(first(e, "countryCode")).toString();
    }

    private static String first(StoredMasterData.Element e, String cbvName) {
        return e.values(CbvMda.ATTRIBUTE_PREFIX + cbvName).stream().findFirst().orElse("");
    }

    private static String required(StoredMasterData.Element p, String attribute, String meaning,
                                   List<String> missing) {
        Optional<String> v = p.values(attribute).stream().findFirst();
        if (v.isEmpty()) {
            missing.add(p.canonicalId() + ": " + attribute + " (" + meaning + ")");
        }
        return v.orElse(null);
    }
}
