package io.tracewell.epcis.id;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;

/**
 * GS1 date fields (GS1 General Specifications §7.12): YYMMDD with a sliding century window, DD = 00 meaning the last
 * day
 * of the month where the AI allows it (11, 12, 13, 15, 16, 17).
 */
final class Gs1Dates {

    private Gs1Dates() {
    }

    /**
     * Century rule of §7.12: a two-digit year more than 50 years ahead of the current year belongs to the previous
     * century, one 50 or more years behind it to the next century, anything else to the current century.
     */
    static int fullYear(int yy, int currentYear) {
        int currentYy = currentYear % 100;
        int century = currentYear - currentYy;
        int diff = yy - currentYy;
        if (diff >= 51) {
            return century - 100 + yy;
        }
        if (diff <= -50) {
            return century + 100 + yy;
        }
        return century + yy;
    }

    /** Resolves a validated YYMMDD value; DD = 00 gives the last day of the month. */
    static LocalDate resolve(String yymmdd, int currentYear) {
        int year = fullYear(twoDigits(yymmdd, 0), currentYear);
        int month = twoDigits(yymmdd, 2);
        int day = twoDigits(yymmdd, 4);
        YearMonth ym = YearMonth.of(year, month);
        return day == 0 ? ym.atEndOfMonth() : ym.atDay(day);
    }

    static LocalDate resolve(String yymmdd) {
        return resolve(yymmdd, Year.now().getValue());
    }

    /** Checks the six digits at {@code value[at, at+6)} (already known to be digits). */
    static void checkYymmdd(String aiCode, String value, int at, boolean dayZeroAllowed, Loc loc) {
        int year = fullYear(twoDigits(value, at), Year.now().getValue());
        checkMonthDay(aiCode, year, value, at + 2, dayZeroAllowed, loc);
    }

    static void checkYyyymmdd(String aiCode, String value, int at, Loc loc) {
        int year = Integer.parseInt(value, at, at + 4, 10);
        checkMonthDay(aiCode, year, value, at + 4, false, loc);
    }

    private static void checkMonthDay(String aiCode, int year, String value, int at, boolean dayZeroAllowed, Loc loc) {
        int month = twoDigits(value, at);
        if (month < 1 || month > 12) {
            throw loc.error("AI " + aiCode + ": month " + value.substring(at, at + 2) + " invalid", at);
        }
        int day = twoDigits(value, at + 2);
        if (day == 0) {
            if (!dayZeroAllowed) {
                throw loc.error("AI " + aiCode + ": day 00 not allowed", at + 2);
            }
            return;
        }
        if (day > 31) {
            throw loc.error("AI " + aiCode + ": day " + value.substring(at + 2, at + 4) + " invalid", at + 2);
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            throw loc.error("AI " + aiCode + ": day " + value.substring(at + 2, at + 4) + " invalid for "
                    + year + "-" + value.substring(at, at + 2), at + 2);
        }
    }

    static void checkTime(String aiCode, String value, int at, boolean withMinutes, Loc loc) {
        int hour = twoDigits(value, at);
        if (hour > 23) {
            throw loc.error("AI " + aiCode + ": hour " + value.substring(at, at + 2) + " invalid", at);
        }
        if (withMinutes) {
            checkMinute(aiCode, value, at + 2, loc);
        }
    }

    static void checkMinute(String aiCode, String value, int at, Loc loc) {
        if (twoDigits(value, at) > 59) {
            throw loc.error("AI " + aiCode + ": minute/second " + value.substring(at, at + 2) + " invalid", at);
        }
    }

    static int twoDigits(String s, int at) {
        return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    }
}
