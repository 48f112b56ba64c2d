package io.tracewell.epcis.id;

/** Checks an AI value against its format: length, character set, then the component's content rule. */
final class AiValidator {

    private AiValidator() {
    }

    static void validate(ApplicationIdentifier ai, String value, Loc loc) {
        String code = ai.code();
        if (value.isEmpty()) {
            throw loc.error(label(ai.name(), code) + " is empty");
        }
        if (ai.fixedLength() && value.length() != ai.maxLength()) {
            throw loc.error(label(ai.name(), code) + " must be " + ai.maxLength() + (ai.numeric() ? " digits" : " characters")
                    + ", found " + value.length(), 0);
        }
        int pos = 0;
        for (AiComponent c : ai.components()) {
            int remaining = value.length() - pos;
            if (remaining == 0 && c.optional()) {
                break;
            }
            int len;
            if (c.fixedLength()) {
                if (remaining < c.min()) {
                    String unit = c.set() == CharacterSet.NUMERIC ? " digits" : " characters";
                    throw loc.error(label(c.name(), code) + " must be " + c.min() + unit + ", found " + remaining, pos);
                }
                len = c.min();
            } else {
                len = remaining;
                if (len > c.max()) {
                    throw loc.error(label(c.name(), code) + " longer than " + c.max() + " characters", pos + c.max());
                }
            }
            checkCharacters(code, c.set(), value, pos, pos + len, loc);
            checkRule(code, c, value, pos, pos + len, loc);
            pos += len;
        }
        if (pos < value.length()) {
            throw loc.error(label(ai.name(), code) + " longer than " + ai.maxLength() + " characters", pos);
        }
    }

    private static String label(String name, String code) {
        return name + " (AI " + code + ")";
    }

    static void checkCharacters(String code, CharacterSet set, String value, int from, int to, Loc loc) {
        int end = to;
        if (set == CharacterSet.CSET64) {
            while (end > from && value.charAt(end - 1) == '=') {
                end--;
            }
        }
        for (int i = from; i < end; i++) {
            char ch = value.charAt(i);
            if (!set.allows(ch)) {
                throw loc.error("character " + show(ch) + " not allowed in AI " + code + " (" + set.label() + ")", i);
            }
        }
    }

    private static void checkRule(String code, AiComponent c, String value, int from, int to, Loc loc) {
        switch (c.rule()) {
            case NONE -> { }
            case CHECK_DIGIT -> CheckDigit.verify(c.name(), value, from, to, loc);
            case DATE_YYMMD0 -> Gs1Dates.checkYymmdd(code, value, from, true, loc);
            case DATE_YYMMDD -> Gs1Dates.checkYymmdd(code, value, from, false, loc);
            case DATE_YYYYMMDD -> Gs1Dates.checkYyyymmdd(code, value, from, loc);
            case TIME_HHMI -> Gs1Dates.checkTime(code, value, from, true, loc);
            case TIME_HH -> Gs1Dates.checkTime(code, value, from, false, loc);
            case TIME_MI -> Gs1Dates.checkMinute(code, value, from, loc);
            case ZERO -> {
                if (value.charAt(from) != '0') {
                    throw loc.error(c.name() + " (AI " + code + ") must be 0, found " + value.charAt(from), from);
                }
            }
            case NO_ZERO_PREFIX -> {
                if (to - from > 1 && value.charAt(from) == '0') {
                    throw loc.error(c.name() + " (AI " + code + ") must not start with 0", from);
                }
            }
            case PIECE_OF_TOTAL -> {
                int piece = Gs1Dates.twoDigits(value, from);
                int total = Gs1Dates.twoDigits(value, from + 2);
                if (piece == 0 || total == 0 || piece > total) {
                    throw loc.error(c.name() + " (AI " + code + "): piece " + value.substring(from, from + 2)
                            + " of total " + value.substring(from + 2, from + 4)
                            + " invalid (both 01-99, piece <= total)", from);
                }
            }
            case YES_NO -> {
                if (value.charAt(from) > '1') {
                    throw loc.error(c.name() + " (AI " + code + ") must be 0 or 1", from);
                }
            }
        }
    }

    /** A character for an error message: printable ASCII quoted, anything else as U+XXXX. */
    static String show(char ch) {
        return ch >= 0x20 && ch < 0x7f ? "'" + ch + "'" : String.format("U+%04X", (int) ch);
    }
}
