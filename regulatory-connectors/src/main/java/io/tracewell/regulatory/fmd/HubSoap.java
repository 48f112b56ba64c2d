package io.tracewell.regulatory.fmd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The SOAP 1.2 messages of {@link SoapHubAdapter} (docs/fmd.md, "Message catalogue"), namespace
 * {@value #NS}: requests written with a fixed layout (the same message gives the same bytes), answers read with the
 * JDK's DOM parser with DTDs and external entities refused.
 */
final class HubSoap {

    static final String NS = "urn:tracewell:fmd:hub:1";
    static final String SOAP_NS = "http://www.w3.org/2003/05/soap-envelope";

    private HubSoap() {
    }

    /** The SOAP 1.2 content type of a request for this operation. */
    static String contentType(String operation) {
        return "application/soap+xml; charset=utf-8; action=\"" + NS + ":" + operation + "\"";
    }

    /** The envelope of {@code message} under {@code clientTrxId}, from {@code sender} (our on-boarding partner id). */
    static byte[] request(String clientTrxId, String sender, HubMessage message) {
        Xml x = envelope(clientTrxId, sender);
        x.open("hub:" + message.operation());
        if (message instanceof HubMessage.ProductMasterData p) {
            product(x, p.productCode(), p.codingScheme());
            x.leaf("hub:Name", p.name()).leaf("hub:CommonName", p.commonName())
                    .leaf("hub:PharmaceuticalForm", p.pharmaceuticalForm()).leaf("hub:Strength", p.strength())
                    .leaf("hub:PackType", p.packType()).leaf("hub:PackSize", p.packSize());
            x.open("hub:Markets");
            for (HubMessage.Market m : p.markets()) {
                x.open("hub:Market", "country", m.country());
                x.leaf("hub:NationalCode", m.nationalCode());
                x.open("hub:Mah", "id", m.mahId()).leaf("hub:Name", m.mahName()).leaf("hub:Address", m.mahAddress())
                        .close("hub:Mah");
                x.open("hub:Manufacturer").leaf("hub:Name", m.manufacturerName())
                        .leaf("hub:Address", m.manufacturerAddress()).close("hub:Manufacturer");
                x.open("hub:Wholesalers");
                for (HubMessage.Wholesaler w : m.wholesalers()) {
                    x.open("hub:Wholesaler", "id", w.id()).leaf("hub:Name", w.name())
                            .leaf("hub:Address", w.address()).close("hub:Wholesaler");
                }
                x.close("hub:Wholesalers").close("hub:Market");
            }
            x.close("hub:Markets");
        } else if (message instanceof HubMessage.BatchUpload b) {
            product(x, b.productCode(), b.codingScheme());
            x.open("hub:Batch").leaf("hub:Id", b.batch()).leaf("hub:ExpDate", b.expiry()).close("hub:Batch");
            x.open("hub:Packs", "count", String.valueOf(b.serials().size()));
            for (String serial : b.serials()) {
                x.empty("hub:Pack", "sn", serial);
            }
            x.close("hub:Packs");
        } else if (message instanceof HubMessage.PackStateChange c) {
            x.leaf("hub:State", c.state().name());
            x.open("hub:Packs", "count", String.valueOf(c.packs().size()));
            for (HubMessage.Pack pack : c.packs()) {
                x.open("hub:Pack", "sn", pack.serial());
                product(x, pack.productCode(), pack.codingScheme());
                x.open("hub:Batch").leaf("hub:Id", pack.batch()).leaf("hub:ExpDate", pack.expiry()).close("hub:Batch");
                x.close("hub:Pack");
            }
            x.close("hub:Packs");
        } else if (message instanceof HubMessage.BatchRecall r) {
            product(x, r.productCode(), r.codingScheme());
            x.open("hub:Batch").leaf("hub:Id", r.batch()).close("hub:Batch");
            x.leaf("hub:Reason", r.reason());
            markets(x, r.markets());
        } else if (message instanceof HubMessage.ProductWithdrawal w) {
            product(x, w.productCode(), w.codingScheme());
            x.leaf("hub:Reason", w.reason());
            markets(x, w.markets());
        }
        x.close("hub:" + message.operation());
        return x.closeEnvelope();
    }

    /** The question what became of the request sent with {@code askedTrxId}, itself under {@code clientTrxId}. */
    static byte[] statusRequest(String clientTrxId, String sender, String askedTrxId) {
        Xml x = envelope(clientTrxId, sender);
        x.open("hub:TransactionStatusRequest").leaf("hub:ClientTrxId", askedTrxId).close("hub:TransactionStatusRequest");
        return x.closeEnvelope();
    }

    /** The hub's acknowledgement of a request (written by the hub; here for tests and the docs). */
    static byte[] acknowledgement(String clientTrxId, String hubTrxId, boolean duplicate) {
        Xml x = new Xml().open("env:Envelope", "xmlns:env", SOAP_NS, "xmlns:hub", NS).open("env:Body");
        x.open("hub:Acknowledgement").leaf("hub:ClientTrxId", clientTrxId).leaf("hub:HubTrxId", hubTrxId)
                .leaf("hub:Result", "ACCEPTED");
        if (duplicate) {
            x.leaf("hub:Duplicate", "true");
        }
        x.close("hub:Acknowledgement");
        return x.close("env:Body").close("env:Envelope").bytes();
    }

    /** The hub's answer to a status request (written by the hub; here for tests and the docs). */
    static byte[] transactionStatus(String askedTrxId, String state, String hubTrxId, String reason) {
        Xml x = new Xml().open("env:Envelope", "xmlns:env", SOAP_NS, "xmlns:hub", NS).open("env:Body");
        x.open("hub:TransactionStatus").leaf("hub:ClientTrxId", askedTrxId).leaf("hub:State", state)
                .leaf("hub:HubTrxId", hubTrxId).leaf("hub:Reason", reason).close("hub:TransactionStatus");
        return x.close("env:Body").close("env:Envelope").bytes();
    }

    /** A SOAP 1.2 fault: {@code sender} true for env:Sender (our request is wrong), false for env:Receiver. */
    static byte[] fault(boolean sender, String code, String reason) {
        Xml x = new Xml().open("env:Envelope", "xmlns:env", SOAP_NS, "xmlns:hub", NS).open("env:Body");
        x.open("env:Fault").open("env:Code").leaf("env:Value", sender ? "env:Sender" : "env:Receiver");
        if (code != null) {
            x.open("env:Subcode").leaf("env:Value", "hub:" + code).close("env:Subcode");
        }
        x.close("env:Code").open("env:Reason").open("env:Text", "xml:lang", "en");
        x.text(reason).close("env:Text").close("env:Reason").close("env:Fault");
        return x.close("env:Body").close("env:Envelope").bytes();
    }

    private static Xml envelope(String clientTrxId, String sender) {
        Xml x = new Xml().open("env:Envelope", "xmlns:env", SOAP_NS, "xmlns:hub", NS).open("env:Header");
        x.open("hub:Transaction").leaf("hub:ClientTrxId", clientTrxId).leaf("hub:Sender", sender)
                .close("hub:Transaction");
        return x.close("env:Header").open("env:Body");
    }

    private static void product(Xml x, String code, String scheme) {
        x.open("hub:Product", "scheme", scheme).text(code).close("hub:Product");
    }

    private static void markets(Xml x, List<String> markets) {
        x.open("hub:Markets");
        for (String m : markets) {
            x.leaf("hub:Market", m);
        }
        x.close("hub:Markets");
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** An answer read: its body's first element, or the fault's parts. */
    record Answer(Element body, boolean fault, boolean senderFault, String faultCode, String faultReason) {

        Optional<String> text(String localName) {
            for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                    return Optional.of(e.getTextContent().strip());
                }
            }
            return Optional.empty();
        }

        String name() {
            return body.getLocalName();
        }
    }

    /** Reads a SOAP 1.2 envelope. */
    static Answer read(byte[] bytes) throws IOException {
        Document d;
        try {
            d = parser().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw new IOException("not XML: " + e.getMessage(), e);
        }
        Element envelope = d.getDocumentElement();
        if (!SOAP_NS.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw new IOException("not a SOAP 1.2 envelope: " + envelope.getTagName());
        }
        Element body = child(envelope, SOAP_NS, "Body");
        Element first = body == null ? null : firstElement(body);
        if (first == null) {
            throw new IOException("the SOAP envelope has an empty body");
        }
        if (SOAP_NS.equals(first.getNamespaceURI()) && "Fault".equals(first.getLocalName())) {
            Element code = child(first, SOAP_NS, "Code");
            String value = code == null ? "" : text(child(code, SOAP_NS, "Value"));
            Element subcode = code == null ? null : child(code, SOAP_NS, "Subcode");
            String sub = subcode == null ? null : localPart(text(child(subcode, SOAP_NS, "Value")));
            Element reason = child(first, SOAP_NS, "Reason");
            String text = reason == null ? "" : text(child(reason, SOAP_NS, "Text"));
            return new Answer(first, true, localPart(value).equals("Sender"), sub, text);
        }
        return new Answer(first, false, false, null, null);
    }

    private static String localPart(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

    private static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip();
    }

    private static DocumentBuilder parser() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
    }

    /** A small XML writer with a fixed layout: two spaces per level, one element per line, text escaped. */
    private static final class Xml {
        private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        private int depth;
        private boolean inline; // an element opened on this line takes text

        Xml open(String name, String... attributes) {
            indent();
            out.append('<').append(name);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                if (attributes[i + 1] != null) {
                    out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1], true))
                            .append('"');
                }
            }
            out.append('>');
            depth++;
            inline = true;
            return this;
        }

        Xml text(String text) {
            out.append(escape(text == null ? "" : text, false));
            return this;
        }

        Xml close(String name) {
            depth--;
            if (!inline) {
                indent();
            }
            out.append("</").append(name).append(">");
            inline = false;
            return this;
        }

        /** An element with text; left out when the text is null. */
        Xml leaf(String name, String text) {
            if (text != null) {
                open(name).text(text).close(name);
            }
            return this;
        }

        Xml empty(String name, String... attributes) {
            open(name, attributes);
            out.setLength(out.length() - 1);
            out.append("/>");
            depth--;
            inline = false;
            return this;
        }

        byte[] closeEnvelope() {
            return close("env:Body").close("env:Envelope").bytes();
        }

        byte[] bytes() {
            return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }

        private void indent() {
            if (out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append("  ".repeat(depth));
        }

        private static String escape(String s, boolean attribute) {
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> b.append("&amp;");
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '"' -> b.append(attribute ? "&quot;" : "\"");
                    case '\r' -> b.append("&#13;");
                    default -> b.append(c);
                }
            }
            return b.toString();
        }
    }
}
