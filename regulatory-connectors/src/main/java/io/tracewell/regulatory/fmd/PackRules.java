package io.tracewell.regulatory.fmd;

import io.tracewell.epcis.id.CharacterSet;
import io.tracewell.epcis.id.Gtin;
import io.tracewell.epcis.id.IdentifierException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules every message is checked against before it is sent (DR 2016/161 Art. 4 and 5, and the hub's demand that
 * batch data match the pack byte for byte): a product code of 14 digits with a valid GTIN check digit; serial numbers
 * and batch numbers of 1 to 20 characters of GS1 AI character set 82; expiry dates {@code YYMMDD} as printed (day
 * {@code 00} allowed: "end of month" on many packs). Each check returns what is wrong, empty when nothing is.
 */
public final class PackRules {

    /** The longest serial number and batch number (DR 2016/161 Art. 4(b)(ii); GS1 AI 21 and 10). */
    public static final int MAX_LENGTH = 20;

    private PackRules() {
    }

    /** A message that breaks the rules: every violation, for the operator. */
    public static final class Violation extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        public Violation(List<String> problems) {
            super(String.join("; ", problems), null);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Checks the message; nothing is sent when it throws. */
    public static void check(HubMessage message) {
        List<String> problems = new ArrayList<>();
        if (message instanceof HubMessage.ProductMasterData p) {
            productCode(p.productCode(), problems);
        } else if (message instanceof HubMessage.BatchUpload b) {
            productCode(b.productCode(), problems);
            batch(b.batch(), problems);
            expiry(b.expiry(), problems);
            if (b.serials().isEmpty()) {
                problems.add("the batch upload lists no serial numbers");
            }
            for (String serial : b.serials()) {
                serial(serial, problems);
            }
        } else if (message instanceof HubMessage.PackStateChange c) {
            for (HubMessage.Pack pack : c.packs()) {
                productCode(pack.productCode(), problems);
                batch(pack.batch(), problems);
                expiry(pack.expiry(), problems);
                serial(pack.serial(), problems);
            }
        } else if (message instanceof HubMessage.BatchRecall r) {
            productCode(r.productCode(), problems);
            batch(r.batch(), problems);
            markets(r.markets(), problems);
        } else if (message instanceof HubMessage.ProductWithdrawal w) {
            productCode(w.productCode(), problems);
            markets(w.markets(), problems);
        }
        if (!problems.isEmpty()) {
            throw new Violation(problems.stream().distinct().toList());
        }
    }

    static void productCode(String code, List<String> problems) {
        if (code == null || code.length() != 14) {
            problems.add("product code " + quoted(code) + " is not a GTIN of 14 digits");
            return;
        }
        try {
            new Gtin(code);
        } catch (IdentifierException e) {
            problems.add("product code " + quoted(code) + ": " + e.getMessage());
        }
    }

    static void serial(String serial, List<String> problems) {
        text("serial number", serial, problems);
    }

    static void batch(String batch, List<String> problems) {
        text("batch number", batch, problems);
    }

    private static void text(String what, String value, List<String> problems) {
        if (value == null || value.isEmpty()) {
            problems.add(what + " is missing");
            return;
        }
        if (value.length() > MAX_LENGTH) {
            problems.add(what + " " + quoted(value) + " has " + value.length() + " characters, at most " + MAX_LENGTH
                    + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            if (!CharacterSet.CSET82.allows(value.charAt(i))) {
                problems.add(what + " " + quoted(value) + " has the character " + quoted(String.valueOf(value.charAt(i)))
                        + " at " + (i + 1) + ", which is not in " + CharacterSet.CSET82.label());
                break;
            }
        }
    }

    /** Checks an expiry date as printed: {@code YYMMDD}, a real month, a day of that month or {@code 00}. */
    static void expiry(String expiry, List<String> problems) {
        if (expiry == null || !expiry.matches("[0-9]{6}")) {
            problems.add("expiry date " + quoted(expiry) + " is not YYMMDD");
            return;
        }
        int month = Integer.parseInt(expiry.substring(2, 4));
        int day = Integer.parseInt(expiry.substring(4, 6));
        if (month < 1 || month > 12) {
            problems.add("expiry date " + quoted(expiry) + " has no month " + expiry.substring(2, 4));
            return;
        }
        YearMonth ym = YearMonth.of(2000 + Integer.parseInt(expiry.substring(0, 2)), month);
        if (day > ym.lengthOfMonth()) {
            problems.add("expiry date " + quoted(expiry) + " has day " + day + ", which " + ym + " does not have");
        }
    }

    private static void markets(List<String> markets, List<String> problems) {
        if (markets.isEmpty()) {
            problems.add("no market: the product's master data has no urn:tracewell:mda:market");
        }
    }

    /**
     * The expiry date as printed, from the commissioning ILMD: {@code packExpiry} ({@code YYMMDD}, as printed) when
     * given, else {@code itemExpirationDate} ({@code YYYY-MM-DD}) written {@code YYMMDD}.
     *
     * @throws IllegalArgumentException when neither is given or the date cannot be read, or when both are given and
     *                                  name different dates (day {@code 00} matches any day of the month)
     */
    static String printedExpiry(String itemExpirationDate, String packExpiry) {
        String fromDate = null;
        if (itemExpirationDate != null) {
            try {
                LocalDate d = LocalDate.parse(itemExpirationDate);
                fromDate = String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("itemExpirationDate " + quoted(itemExpirationDate)
                        + " is not a date YYYY-MM-DD");
            }
        }
        if (packExpiry == null) {
            if (fromDate == null) {
                throw new IllegalArgumentException("the commissioning ILMD has neither cbvmda:itemExpirationDate nor"
                        + " fmd:packExpiry");
            }
            return fromDate;
        }
        if (fromDate != null && !(fromDate.equals(packExpiry) || packExpiry.endsWith("00")
                && fromDate.startsWith(packExpiry.substring(0, 4)))) {
            throw new IllegalArgumentException("fmd:packExpiry " + quoted(packExpiry) + " and itemExpirationDate "
                    + quoted(itemExpirationDate) + " name different dates");
        }
        return packExpiry;
    }

    private static String quoted(String value) {
        return value == null ? "(none)" : "\"" + value + "\"";
    }
}
