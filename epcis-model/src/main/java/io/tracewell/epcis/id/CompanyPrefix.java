package io.tracewell.epcis.id;

import java.util.Objects;

/**
 * A GS1 Company Prefix as used in EPC URIs: 6 to 12 digits (TDS 2.x partition tables). Its length is what an EPC URI
 * encodes by the position of the first '.', and what a GS1 element string does not carry.
 */
public record CompanyPrefix(String digits) {

    public CompanyPrefix {
        Objects.requireNonNull(digits, "digits");
        Keys.checkCompanyPrefix(digits, 0, digits.length(), Loc.NONE);
    }

    public int length() {
        return digits.length();
    }

    @Override
    public String toString() {
        return digits;
    }
}
