package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ExtensionElement.Complex;
import io.tracewell.epcis.model.ExtensionElement.Nil;
import io.tracewell.epcis.model.ExtensionElement.Simple;
import io.tracewell.epcis.model.Sbdh;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.xml.namespace.QName;

/**
 * The Standard Business Document Header in JSON-LD. The binding has only {@code sender}, {@code receiver} and
 * {@code instanceIdentifier}; anything more travels as {@code epcisHeader."sbdh:StandardBusinessDocumentHeader"},
 * the XML SBDH written with the extension mapping (docs/formats.md, "Standard Business Document Header").
 */
final class SbdhElements {
    static final String PREFIX = "sbdh";
    static final QName ROOT = name("StandardBusinessDocumentHeader");

    private SbdhElements() {
    }

    /**
     * The SBDH the three JSON-LD members stand for: HeaderVersion 1.0, Standard EPCglobal, TypeVersion 2.0,
     * Type Events, CreationDateAndTime the document's creationDate. {@code null} when all three are absent.
     */
    static ExtensionElement toElement(Sbdh sbdh) {
        List<ExtensionElement> c = new ArrayList<>();
        text(c, "HeaderVersion", sbdh.headerVersion());
        sbdh.senders().forEach(p -> c.add(partner("Sender", p)));
        sbdh.receivers().forEach(p -> c.add(partner("Receiver", p)));
        Sbdh.DocumentIdentification d = sbdh.documentIdentification();
        if (d != null) {
            List<ExtensionElement> di = new ArrayList<>();
            text(di, "Standard", d.standard());
            text(di, "TypeVersion", d.typeVersion());
            text(di, "InstanceIdentifier", d.instanceIdentifier());
            text(di, "Type", d.type());
            text(di, "MultipleType", d.multipleType() == null ? null : d.multipleType().toString());
            text(di, "CreationDateAndTime", d.creationDateAndTime());
            c.add(ExtensionElement.of(name("DocumentIdentification"), di));
        }
        if (!sbdh.businessScope().isEmpty()) {
            List<ExtensionElement> scopes = new ArrayList<>();
            for (Sbdh.Scope s : sbdh.businessScope()) {
                List<ExtensionElement> sc = new ArrayList<>();
                text(sc, "Type", s.type());
                text(sc, "InstanceIdentifier", s.instanceIdentifier());
                text(sc, "Identifier", s.identifier());
                sc.addAll(s.scopeInformation());
                scopes.add(ExtensionElement.of(name("Scope"), sc));
            }
            c.add(ExtensionElement.of(name("BusinessScope"), scopes));
        }
        return ExtensionElement.of(ROOT, c);
    }

    private static ExtensionElement partner(String role, Sbdh.Partner p) {
        List<ExtensionAttribute> attrs = p.authority() == null
                ? List.of() : List.of(new ExtensionAttribute(new QName("Authority"), p.authority()));
        List<ExtensionElement> c = new ArrayList<>();
        c.add(new ExtensionElement(name("Identifier"), attrs, new Simple(p.identifier(), null)));
        for (Sbdh.ContactInformation ci : p.contactInformation()) {
            List<ExtensionElement> cc = new ArrayList<>();
            text(cc, "Contact", ci.contact());
            text(cc, "EmailAddress", ci.emailAddress());
            text(cc, "FaxNumber", ci.faxNumber());
            text(cc, "TelephoneNumber", ci.telephoneNumber());
            text(cc, "ContactTypeIdentifier", ci.contactTypeIdentifier());
            c.add(ExtensionElement.of(name("ContactInformation"), cc));
        }
        return ExtensionElement.of(name(role), c);
    }

    /** The model's SBDH from the element; errors are reported at the member that carried it. */
    static Sbdh fromElement(ExtensionElement root, JsonPath path, JsonValue at) {
        Reader r = new Reader(path, at);
        String version = null;
        List<Sbdh.Partner> senders = new ArrayList<>();
        List<Sbdh.Partner> receivers = new ArrayList<>();
        Sbdh.DocumentIdentification di = null;
        List<Sbdh.Scope> scopes = new ArrayList<>();
        for (ExtensionElement e : r.children(root)) {
            switch (r.local(e)) {
                case "HeaderVersion" -> version = r.text(e);
                case "Sender" -> senders.add(r.partner(e));
                case "Receiver" -> receivers.add(r.partner(e));
                case "DocumentIdentification" -> di = r.documentIdentification(e);
                case "BusinessScope" -> {
                    for (ExtensionElement s : r.children(e)) {
                        r.expect(s, "Scope");
                        scopes.add(r.scope(s));
                    }
                }
                default -> throw r.unexpected(e, "HeaderVersion, Sender, Receiver, DocumentIdentification, "
                        + "BusinessScope");
            }
        }
        return new Sbdh(version, senders, receivers, di, scopes);
    }

    private static QName name(String local) {
        return new QName(StandardContext.SBDH_NS, local, PREFIX);
    }

    private static void text(List<ExtensionElement> into, String local, String value) {
        if (value != null) {
            into.add(ExtensionElement.text(name(local), value));
        }
    }

    /** Walks the element tree with errors located at the SBDH member. */
    private record Reader(JsonPath path, JsonValue at) {
        List<ExtensionElement> children(ExtensionElement e) {
            if (e.value() instanceof Complex c) {
                return c.children();
            }
            throw path.error(at, "sbdh:" + e.name().getLocalPart() + " holds text",
                    "child elements in the SBDH namespace");
        }

        String local(ExtensionElement e) {
            if (!StandardContext.SBDH_NS.equals(e.name().getNamespaceURI())) {
                throw unexpected(e, "elements in the SBDH namespace " + StandardContext.SBDH_NS);
            }
            return e.name().getLocalPart();
        }

        void expect(ExtensionElement e, String local) {
            if (!local.equals(local(e))) {
                throw unexpected(e, "sbdh:" + local);
            }
        }

        String text(ExtensionElement e) {
            if (e.value() instanceof Simple s) {
                return s.lexical();
            }
            if (e.value() instanceof Nil) {
                return null;
            }
            throw path.error(at, "sbdh:" + e.name().getLocalPart() + " holds child elements", "text");
        }

        RuntimeException unexpected(ExtensionElement e, String expected) {
            return path.error(at, "unexpected element " + e.name() + " in the SBDH", expected);
        }

        Sbdh.Partner partner(ExtensionElement p) {
            String identifier = null;
            String authority = null;
            List<Sbdh.ContactInformation> contacts = new ArrayList<>();
            for (ExtensionElement e : children(p)) {
                switch (local(e)) {
                    case "Identifier" -> {
                        identifier = text(e);
                        for (ExtensionAttribute a : e.attributes()) {
                            if ("Authority".equals(a.name().getLocalPart())) {
                                authority = a.value();
                            }
                        }
                    }
                    case "ContactInformation" -> contacts.add(contact(e));
                    default -> throw unexpected(e, "Identifier, ContactInformation");
                }
            }
            if (identifier == null) {
                throw path.error(at, "sbdh:" + p.name().getLocalPart() + " has no sbdh:Identifier",
                        "an sbdh:Identifier with the partner's identifier");
            }
            return new Sbdh.Partner(identifier, authority, contacts);
        }

        Sbdh.ContactInformation contact(ExtensionElement c) {
            String[] f = new String[5];
            List<String> names = List.of("Contact", "EmailAddress", "FaxNumber", "TelephoneNumber",
                    "ContactTypeIdentifier");
            for (ExtensionElement e : children(c)) {
                int i = names.indexOf(local(e));
                if (i < 0) {
                    throw unexpected(e, String.join(", ", names));
                }
                f[i] = text(e);
            }
            return new Sbdh.ContactInformation(f[0], f[1], f[2], f[3], f[4]);
        }

        Sbdh.DocumentIdentification documentIdentification(ExtensionElement d) {
            String[] f = new String[6];
            List<String> names = List.of("Standard", "TypeVersion", "InstanceIdentifier", "Type", "MultipleType",
                    "CreationDateAndTime");
            for (ExtensionElement e : children(d)) {
                int i = names.indexOf(local(e));
                if (i < 0) {
                    throw unexpected(e, String.join(", ", names));
                }
                f[i] = text(e);
            }
            Function<String, Boolean> bool = s -> s == null ? null : "true".equals(s) || "1".equals(s);
            return new Sbdh.DocumentIdentification(f[0], f[1], f[2], f[3], bool.apply(f[4]), f[5]);
        }

        Sbdh.Scope scope(ExtensionElement s) {
            String type = null;
            String instance = null;
            String identifier = null;
            List<ExtensionElement> information = new ArrayList<>();
            for (ExtensionElement e : children(s)) {
                if (!StandardContext.SBDH_NS.equals(e.name().getNamespaceURI())) {
                    information.add(e);
                    continue;
                }
                switch (local(e)) {
                    case "Type" -> type = text(e);
                    case "InstanceIdentifier" -> instance = text(e);
                    case "Identifier" -> identifier = text(e);
                    default -> information.add(e);
                }
            }
            return new Sbdh.Scope(type, instance, identifier, information);
        }
    }
}
