package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import java.util.List;
import javax.xml.namespace.QName;

/** Writes the SBDH and master data vocabularies: the inverse of {@link HeaderParser}. */
final class HeaderWriter {
    static final String SBDH_PREFIX = "sbdh";

    private HeaderWriter() {
    }

    static void sbdh(XmlOutput out, Sbdh sbdh) {
        start(out, "StandardBusinessDocumentHeader");
        simple(out, "HeaderVersion", sbdh.headerVersion());
        for (Sbdh.Partner p : sbdh.senders()) {
            partner(out, "Sender", p);
        }
        for (Sbdh.Partner p : sbdh.receivers()) {
            partner(out, "Receiver", p);
        }
        Sbdh.DocumentIdentification d = sbdh.documentIdentification();
        if (d != null) {
            start(out, "DocumentIdentification");
            simple(out, "Standard", d.standard());
            simple(out, "TypeVersion", d.typeVersion());
            simple(out, "InstanceIdentifier", d.instanceIdentifier());
            simple(out, "Type", d.type());
            simple(out, "MultipleType", d.multipleType() == null ? null : d.multipleType().toString());
            simple(out, "CreationDateAndTime", d.creationDateAndTime());
            out.end();
        }
        if (!sbdh.businessScope().isEmpty()) {
            start(out, "BusinessScope");
            for (Sbdh.Scope s : sbdh.businessScope()) {
                start(out, "Scope");
                simple(out, "Type", s.type());
                simple(out, "InstanceIdentifier", s.instanceIdentifier());
                simple(out, "Identifier", s.identifier());
                for (ExtensionElement info : s.scopeInformation()) {
                    ExtensionWriter.element(out, info);
                }
                out.end();
            }
            out.end();
        }
        out.end();
    }

    private static void partner(XmlOutput out, String element, Sbdh.Partner p) {
        start(out, element);
        start(out, "Identifier");
        out.attribute("Authority", p.authority());
        out.text(p.identifier());
        out.end();
        for (Sbdh.ContactInformation c : p.contactInformation()) {
            start(out, "ContactInformation");
            simple(out, "Contact", c.contact());
            simple(out, "EmailAddress", c.emailAddress());
            simple(out, "FaxNumber", c.faxNumber());
            simple(out, "TelephoneNumber", c.telephoneNumber());
            simple(out, "ContactTypeIdentifier", c.contactTypeIdentifier());
            out.end();
        }
        out.end();
    }

    private static void start(XmlOutput out, String localName) {
        out.start(new QName(XmlNames.SBDH_NS, localName, SBDH_PREFIX));
    }

    private static void simple(XmlOutput out, String localName, String text) {
        if (text != null) {
            start(out, localName);
            out.text(text);
            out.end();
        }
    }

    static void vocabularyList(XmlOutput out, List<Vocabulary> vocabularies) {
        out.start("VocabularyList");
        for (Vocabulary v : vocabularies) {
            out.start("Vocabulary");
            out.attribute("type", v.type());
            if (!v.elements().isEmpty()) {
                out.start("VocabularyElementList");
                for (VocabularyElement e : v.elements()) {
                    vocabularyElement(out, e);
                }
                out.end();
            }
            ExtensionWriter.withLocalWrapper(out, v.extensions());
            out.end();
        }
        out.end();
    }

    private static void vocabularyElement(XmlOutput out, VocabularyElement e) {
        out.start("VocabularyElement");
        out.attribute("id", e.id());
        for (VocabularyAttribute a : e.attributes()) {
            out.start("attribute");
            out.attribute("id", a.id());
            ExtensionWriter.attributeValue(out, a.value());
            out.end();
        }
        if (!e.children().isEmpty()) {
            out.start("children");
            for (String child : e.children()) {
                out.simple("id", child);
            }
            out.end();
        }
        ExtensionWriter.withLocalWrapper(out, e.extensions());
        out.end();
    }
}
