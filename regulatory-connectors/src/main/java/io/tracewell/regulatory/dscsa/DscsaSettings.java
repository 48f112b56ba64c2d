package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.id.CompanyPrefixLengths;
import java.util.Objects;

/**
 * The seller's side of every DSCSA document.
 *
 * @param senderGln            the GLN the SBDH names as sender (13 digits)
 * @param companyPrefixLengths GS1 company prefix lengths for writing Digital Links as the EPC URNs that EPCIS 1.2
 *                             partners expect (events, master data ids, the SBDH GLNs)
 * @param legalNotice          text of {@code gs1ushc:legalNotice} in the transaction statement, or null to leave it
 *                             out (the affirmation alone is the statement)
 */
public record DscsaSettings(String senderGln, CompanyPrefixLengths companyPrefixLengths, String legalNotice) {

    /** A legal notice that names the statutory statements the seller affirms. */
    public static final String DEFAULT_LEGAL_NOTICE =
            "Seller has complied with each applicable subsection of FDCA Sec. 581(27)(A)-(G).";

    /** @throws IllegalArgumentException when the sender GLN is not 13 digits with a valid check digit */
    public DscsaSettings {
        senderGln = Ids.checkedGln(senderGln, "DscsaSettings senderGln");
        Objects.requireNonNull(companyPrefixLengths, "companyPrefixLengths");
        if (legalNotice != null && legalNotice.isBlank()) {
            throw new IllegalArgumentException("DscsaSettings legalNotice is blank; give a text or null to leave"
                    + " the notice out");
        }
    }
}
