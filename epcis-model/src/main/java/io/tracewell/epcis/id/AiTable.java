package io.tracewell.epcis.id;

import io.tracewell.epcis.id.AiComponent.Rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's table of GS1 Application Identifiers: formats from the GS1 General Specifications §3 (AI definitions)
 * written in a compact notation of our own.
 *
 * <p>Component notation: {@code N} numeric, {@code X} character set 82, {@code Y} set 39, {@code Z} set 64; a number is
 * a
 * fixed length, {@code ..n} a variable length 1..n; {@code [..]} marks an optional trailing component; after a comma a
 * content rule; after a space a name suffix for messages ("serial" gives "GDTI serial").
 *
 * <p>Not checked here (documented in docs/identifiers.md): ISO 3166/4217 code lists, IBAN, GCP-position against the GCP
 * list, and AI pairing rules (which AIs require or exclude which).
 */
final class AiTable {

    private static final Map<String, ApplicationIdentifier> TABLE = new HashMap<>();

    private AiTable() {
    }

    static ApplicationIdentifier get(String code) {
        return TABLE.get(code);
    }

    /** All AI codes in the table. */
    static Set<String> codes() {
        return Set.copyOf(TABLE.keySet());
    }

    /** Longest AI code in the table. */
    static final int MAX_CODE_LENGTH = 4;

    static {
        def("00", "SSCC", "N18,csum");
        def("01", "GTIN", "N14,csum");
        def("02", "content GTIN", "N14,csum");
        def("03", "made-to-order GTIN", "N14,csum");
        def("10", "batch/lot", "X..20");
        def("11", "production date", "N6,yymmd0");
        def("12", "due date", "N6,yymmd0");
        def("13", "packaging date", "N6,yymmd0");
        def("15", "best before date", "N6,yymmd0");
        def("16", "sell by date", "N6,yymmd0");
        def("17", "expiration date", "N6,yymmd0");
        def("20", "product variant", "N2");
        def("21", "serial", "X..20");
        def("22", "consumer product variant", "X..20");
        def("235", "third-party controlled serial (TPX)", "X..28");
        def("240", "additional product identification", "X..30");
        def("241", "customer part number", "X..30");
        def("242", "made-to-order variation", "N..6");
        def("243", "packaging component number", "X..20");
        def("250", "secondary serial", "X..30");
        def("251", "reference to source entity", "X..30");
        def("253", "GDTI", "N13,csum", "[X..17] serial");
        def("254", "GLN extension", "X..20");
        def("255", "GCN", "N13,csum", "[N..12] serial");
        def("30", "variable count", "N..8");
        measures();
        def("37", "count of trade items", "N..8");
        for (int n = 0; n <= 9; n++) {
            def("390" + n, "amount payable", "N..15");
            def("391" + n, "amount payable with currency", "N3 currency", "N..15");
            def("392" + n, "price", "N..15");
            def("393" + n, "price with currency", "N3 currency", "N..15");
        }
        for (int n = 0; n <= 3; n++) {
            def("394" + n, "percentage discount", "N4");
        }
        for (int n = 0; n <= 5; n++) {
            def("395" + n, "price per unit of measure", "N6");
        }
        def("400", "purchase order number", "X..30");
        def("401", "GINC", "X..30");
        def("402", "GSIN", "N17,csum");
        def("403", "routing code", "X..30");
        def("410", "ship-to GLN", "N13,csum");
        def("411", "bill-to GLN", "N13,csum");
        def("412", "purchased-from GLN", "N13,csum");
        def("413", "ship-for GLN", "N13,csum");
        def("414", "GLN", "N13,csum");
        def("415", "pay-to GLN", "N13,csum");
        def("416", "production location GLN", "N13,csum");
        def("417", "party GLN", "N13,csum");
        def("420", "ship-to postal code", "X..20");
        def("421", "ship-to postal code with country", "N3 country", "X..9");
        def("422", "country of origin", "N3");
        def("423", "country of initial processing", "N3", "[N3]", "[N3]", "[N3]", "[N3]");
        def("424", "country of processing", "N3");
        def("425", "country of disassembly", "N3", "[N3]", "[N3]", "[N3]", "[N3]");
        def("426", "country of full process chain", "N3");
        def("427", "country subdivision of origin", "X..3");
        def("7001", "NATO stock number", "N13");
        def("7002", "meat carcass classification", "X..30");
        def("7003", "expiration date and time", "N6,yymmdd", "N4,hhmi time");
        def("7004", "active potency", "N..4");
        def("7005", "catch area", "X..12");
        def("7006", "first freeze date", "N6,yymmdd");
        def("7007", "harvest date", "N6,yymmdd", "[N6],yymmdd end");
        def("7008", "aquatic species", "X..3");
        def("7009", "fishing gear type", "X..10");
        def("7010", "production method", "X..2");
        def("7011", "test by date", "N6,yymmdd", "[N4],hhmi time");
        def("7020", "refurbishment lot", "X..20");
        def("7021", "functional status", "X..20");
        def("7022", "revision status", "X..20");
        def("7023", "GIAI of an assembly", "X..30");
        for (int n = 0; n <= 9; n++) {
            def("703" + n, "processor approval number", "N3 country", "X..27");
        }
        def("7040", "UIC with extension", "N1", "X1", "X1", "X1");
        // National Healthcare Reimbursement Numbers: DE PZN, FR CIP, ES CN, BR DRN, PT AIM, US NDC, IT AIC, SRN.
        def("710", "NHRN Germany (PZN)", "X..20");
        def("711", "NHRN France (CIP)", "X..20");
        def("712", "NHRN Spain (CN)", "X..20");
        def("713", "NHRN Brazil (DRN)", "X..20");
        def("714", "NHRN Portugal (AIM)", "X..20");
        def("715", "NHRN United States (NDC)", "X..20");
        def("716", "NHRN Italy (AIC)", "X..20");
        def("717", "NHRN (SRN)", "X..20");
        for (int n = 0; n <= 9; n++) {
            def("723" + n, "certification reference", "X2 scheme", "X..28");
        }
        def("7240", "protocol ID", "X..20");
        def("7241", "AIDC media type", "N2");
        def("7242", "version control number", "X..25");
        def("8001", "roll product dimensions", "N14");
        def("8002", "mobile telephone identifier", "X..20");
        def("8003", "GRAI", "N1,zero filler", "N13,csum", "[X..16] serial");
        def("8004", "GIAI", "X..30");
        def("8005", "price per unit", "N6");
        def("8006", "ITIP", "N14,csum", "N4,pieceoftotal piece/total");
        def("8007", "IBAN", "X..34");
        def("8008", "production date and time", "N6,yymmdd", "N2,hh hour", "[N2],mi minute", "[N2],mi second");
        def("8009", "optically readable sensor indicator", "X..50");
        def("8010", "CPID", "Y..30");
        def("8011", "CPID serial", "N..12,nozeroprefix");
        def("8012", "software version", "X..20");
        def("8017", "GSRN (provider)", "N18,csum");
        def("8018", "GSRN (recipient)", "N18,csum");
        def("8019", "service relation instance number", "N..10");
        def("8020", "payment slip reference", "X..25");
        def("8026", "ITIP of contained items", "N14,csum", "N4,pieceoftotal piece/total");
        def("8030", "digital signature", "Z..90");
        def("8110", "coupon code", "X..70");
        def("8111", "loyalty points", "N4");
        def("8112", "paperless coupon code", "X..70");
        def("8200", "extended packaging URL", "X..70");
        def("90", "mutually agreed information", "X..30");
        for (int n = 1; n <= 9; n++) {
            def("9" + n, "company internal information", "X..90");
        }
    }

    /** AIs 31nn-36nn: trade and logistic measures, six digits, last AI digit = implied decimal position. */
    private static void measures() {
        String[][] groups = {
            {"310", "net weight (kg)"}, {"311", "length (m)"}, {"312", "width (m)"}, {"313", "depth (m)"},
            {"314", "area (m2)"}, {"315", "net volume (l)"}, {"316", "net volume (m3)"}, {"320", "net weight (lb)"},
            {"321", "length (in)"}, {"322", "length (ft)"}, {"323", "length (yd)"}, {"324", "width (in)"},
            {"325", "width (ft)"}, {"326", "width (yd)"}, {"327", "depth (in)"}, {"328", "depth (ft)"},
            {"329", "depth (yd)"}, {"330", "gross weight (kg)"}, {"331", "logistic length (m)"},
            {"332", "logistic width (m)"}, {"333", "logistic depth (m)"}, {"334", "logistic area (m2)"},
            {"335", "logistic volume (l)"}, {"336", "logistic volume (m3)"}, {"337", "kilograms per m2"},
            {"340", "gross weight (lb)"}, {"341", "logistic length (in)"}, {"342", "logistic length (ft)"},
            {"343", "logistic length (yd)"}, {"344", "logistic width (in)"}, {"345", "logistic width (ft)"},
            {"346", "logistic width (yd)"}, {"347", "logistic depth (in)"}, {"348", "logistic depth (ft)"},
            {"349", "logistic depth (yd)"}, {"350", "area (in2)"}, {"351", "area (ft2)"}, {"352", "area (yd2)"},
            {"353", "logistic area (in2)"}, {"354", "logistic area (ft2)"}, {"355", "logistic area (yd2)"},
            {"356", "net weight (troy oz)"}, {"357", "net volume (oz)"}, {"360", "net volume (qt)"},
            {"361", "net volume (gal)"}, {"362", "logistic volume (qt)"}, {"363", "logistic volume (gal)"},
            {"364", "net volume (in3)"}, {"365", "net volume (ft3)"}, {"366", "net volume (yd3)"},
            {"367", "logistic volume (in3)"}, {"368", "logistic volume (ft3)"}, {"369", "logistic volume (yd3)"},
        };
        for (String[] g : groups) {
            for (int n = 0; n <= 5; n++) {
                def(g[0] + n, g[1], "N6");
            }
        }
    }

    private static void def(String code, String name, String... specs) {
        List<AiComponent> components = new ArrayList<>();
        for (String spec : specs) {
            components.add(component(name, spec));
        }
        TABLE.put(code, new ApplicationIdentifier(code, name, components));
    }

    private static AiComponent component(String aiName, String spec) {
        String s = spec;
        String componentName = aiName;
        int space = s.indexOf(' ');
        if (space >= 0) {
            componentName = aiName + " " + s.substring(space + 1);
            s = s.substring(0, space);
        }
        Rule rule = Rule.NONE;
        int comma = s.indexOf(',');
        if (comma >= 0) {
            rule = rule(s.substring(comma + 1));
            s = s.substring(0, comma);
        }
        boolean optional = s.startsWith("[");
        if (optional) {
            s = s.substring(1, s.length() - 1);
        }
        CharacterSet set = switch (s.charAt(0)) {
            case 'N' -> CharacterSet.NUMERIC;
            case 'X' -> CharacterSet.CSET82;
            case 'Y' -> CharacterSet.CSET39;
            case 'Z' -> CharacterSet.CSET64;
            default -> throw new IllegalStateException("bad AI table spec " + spec);
        };
        String length = s.substring(1);
        int min;
        int max;
        if (length.startsWith("..")) {
            min = 1;
            max = Integer.parseInt(length.substring(2));
        } else {
            min = Integer.parseInt(length);
            max = min;
        }
        return new AiComponent(componentName, set, min, max, optional, rule);
    }

    private static Rule rule(String name) {
        return switch (name) {
            case "csum" -> Rule.CHECK_DIGIT;
            case "yymmd0" -> Rule.DATE_YYMMD0;
            case "yymmdd" -> Rule.DATE_YYMMDD;
            case "yyyymmdd" -> Rule.DATE_YYYYMMDD;
            case "hhmi" -> Rule.TIME_HHMI;
            case "hh" -> Rule.TIME_HH;
            case "mi" -> Rule.TIME_MI;
            case "zero" -> Rule.ZERO;
            case "nozeroprefix" -> Rule.NO_ZERO_PREFIX;
            case "pieceoftotal" -> Rule.PIECE_OF_TOTAL;
            case "yesno" -> Rule.YES_NO;
            default -> throw new IllegalStateException("bad AI rule " + name);
        };
    }
}
