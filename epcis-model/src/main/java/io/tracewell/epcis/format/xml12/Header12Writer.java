package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;

/** Writes the SBDH and the master data vocabularies of an EPCIS 1.2 header. */
final class Header12Writer {
    static final String SBDH_NS = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
    static final String SBDH_PREFIX = "sbdh";

    private Header12Writer() {
    }

    /** What a complete SBDH lacks, by element name; empty when it is complete. */
    static List<String> missing(Sbdh sbdh) {
        List<String> missing = new ArrayList<>();
        if (sbdh.headerVersion() == null) {
            missing.add("HeaderVersion");
        }
        if (sbdh.senders().isEmpty()) {
            missing.add("Sender");
        }
        if (sbdh.receivers().isEmpty()) {
            missing.add("Receiver");
        }
        Sbdh.DocumentIdentification d = sbdh.documentIdentification();
        if (d == null) {
            missing.add("DocumentIdentification");
        } else {
            String[][] fields = {{"Standard", d.standard()}, {"TypeVersion", d.typeVersion()},
                {"InstanceIdentifier", d.instanceIdentifier()}, {"Type", d.type()},
                {"CreationDateAndTime", d.creationDateAndTime()}};
            for (String[] f : fields) {
                if (f[1] == null) {
                    missing.add("DocumentIdentification/" + f[0]);
                }
            }
        }
        return missing;
    }

    static void sbdh(Xml12Output out, Sbdh sbdh) {
        start(out, "StandardBusinessDocumentHeader");
        simple(out, "HeaderVersion", sbdh.headerVersion());
        for (Sbdh.Partner p : sbdh.senders()) {
            partner(out, "Sender", p);
        }
        for (Sbdh.Partner p : sbdh.receivers()) {
            partner(out, "Receiver", p);
        }
        Sbdh.DocumentIdentification d = sbdh.documentIdentification();
        start(out, "DocumentIdentification");
        simple(out, "Standard", d.standard());
        simple(out, "TypeVersion", d.typeVersion());
        simple(out, "InstanceIdentifier", d.instanceIdentifier());
        simple(out, "Type", d.type());
        simple(out, "MultipleType", d.multipleType() == null ? null : d.multipleType().toString());
        simple(out, "CreationDateAndTime", d.creationDateAndTime());
        out.end();
        if (!sbdh.businessScope().isEmpty()) {
            start(out, "BusinessScope");
            for (Sbdh.Scope s : sbdh.businessScope()) {
                start(out, "Scope");
                simple(out, "Type", s.type());
                simple(out, "InstanceIdentifier", s.instanceIdentifier());
                simple(out, "Identifier", s.identifier());
                for (ExtensionElement info : s.scopeInformation()) {
                    Extensions12.element(out, info);
                }
                out.end();
            }
            out.end();
        }
        out.end();
    }

    private static void partner(Xml12Output out, String element, Sbdh.Partner p) {
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

    private static void start(Xml12Output out, String localName) {
        out.start(new QName(SBDH_NS, localName, SBDH_PREFIX));
    }

    private static void simple(Xml12Output out, String localName, String text) {
        if (text != null) {
            start(out, localName);
            out.text(text);
            out.end();
        }
    }

    /**
     * The vocabularies with their element ids and children as EPC URNs, before anything is written.
     *
     * @throws Epcis12ConversionException naming the vocabulary element whose identifier has no EPC URN form
     */
    static List<Vocabulary> converted(List<Vocabulary> vocabularies, UrnIdentifiers ids) {
        List<Vocabulary> result = new ArrayList<>(vocabularies.size());
        for (Vocabulary v : vocabularies) {
            String subject = "master data vocabulary " + v.type();
            List<VocabularyElement> elements = new ArrayList<>(v.elements().size());
            for (VocabularyElement e : v.elements()) {
                elements.add(new VocabularyElement(ids.urn(e.id(), subject, "VocabularyElement id"), e.attributes(),
                        ids.urns(e.children(), subject + " element " + e.id(), "children"), e.extensions()));
            }
            result.add(new Vocabulary(v.type(), elements, v.extensions()));
        }
        return result;
    }

    static void vocabularyList(Xml12Output out, List<Vocabulary> vocabularies) {
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
            Extensions12.withLocalWrapper(out, v.extensions());
            out.end();
        }
        out.end();
    }

    private static void vocabularyElement(Xml12Output out, VocabularyElement e) {
        out.start("VocabularyElement");
        out.attribute("id", e.id());
        for (VocabularyAttribute a : e.attributes()) {
            out.start("attribute");
            out.attribute("id", a.id());
            Extensions12.attributeValue(out, a.value());
            out.end();
        }
        if (!e.children().isEmpty()) {
            out.start("children");
            for (String child : e.children()) {
                out.simple("id", child);
            }
            out.end();
        }
        Extensions12.withLocalWrapper(out, e.extensions());
        out.end();
    }
}
