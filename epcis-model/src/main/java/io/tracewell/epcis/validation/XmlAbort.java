package io.tracewell.epcis.validation;

import org.xml.sax.SAXException;

/**
 * Ends an XML validation run early after the reason has been recorded as a violation (a forbidden DTD,
 * a document that is not EPCIS 2.0): whatever the parser would report after it is noise.
 */
final class XmlAbort extends SAXException {
    private static final long serialVersionUID = 1L;

    XmlAbort(String reason) {
        super(reason);
    }
}
