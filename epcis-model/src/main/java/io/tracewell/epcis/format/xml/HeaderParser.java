package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the Standard Business Document Header (GS1/UN/CEFACT SBDH 1.3, as imported by the EPCIS 2.0 schema) and
 * master data vocabularies ({@code VocabularyList}, EPCIS 2.0 §9.3 / §9.6). Both are bounded in size by the
 * header, so they are read into the model at once.
 */
final class HeaderParser {
    private HeaderParser() {
    }

    static Sbdh sbdh(XmlInput in) {
        String ctx = "StandardBusinessDocumentHeader";
        String headerVersion = null;
        List<Sbdh.Partner> senders = new ArrayList<>();
        List<Sbdh.Partner> receivers = new ArrayList<>();
        Sbdh.DocumentIdentification identification = null;
        List<Sbdh.Scope> scopes = new ArrayList<>();
        while (in.nextChild(ctx)) {
            switch (sbdhName(in)) {
                case "HeaderVersion" -> headerVersion = in.token(ctx);
                case "Sender" -> senders.add(partner(in));
                case "Receiver" -> receivers.add(partner(in));
                case "DocumentIdentification" -> identification = documentIdentification(in);
                case "BusinessScope" -> scopes.addAll(businessScope(in));
                case "Manifest" -> throw in.error("the SBDH Manifest is not supported",
                        "HeaderVersion, Sender, Receiver, DocumentIdentification, BusinessScope");
                default -> throw EventParts.unexpected(in, ctx,
                        "sbdh:HeaderVersion, sbdh:Sender, sbdh:Receiver, sbdh:DocumentIdentification, "
                                + "sbdh:BusinessScope");
            }
        }
        return new Sbdh(headerVersion, senders, receivers, identification, scopes);
    }

    private static Sbdh.Partner partner(XmlInput in) {
        String ctx = "sbdh:" + in.localName();
        SourceLocation at = in.location();
        String identifier = null;
        String authority = null;
        List<Sbdh.ContactInformation> contacts = new ArrayList<>();
        while (in.nextChild(ctx)) {
            switch (sbdhName(in)) {
                case "Identifier" -> {
                    in.onlyAttributes("sbdh:Identifier", "Authority");
                    String a = in.attribute("Authority");
                    authority = a == null ? null : a.strip();
                    identifier = in.token(ctx);
                }
                case "ContactInformation" -> contacts.add(contact(in));
                default -> throw EventParts.unexpected(in, ctx, "sbdh:Identifier, sbdh:ContactInformation");
            }
        }
        if (identifier == null) {
            throw new EpcisFormatException(at, ctx + " has no sbdh:Identifier", "sbdh:Identifier in " + ctx);
        }
        return new Sbdh.Partner(identifier, authority, contacts);
    }

    private static Sbdh.ContactInformation contact(XmlInput in) {
        String ctx = "sbdh:ContactInformation";
        String contact = null;
        String email = null;
        String fax = null;
        String telephone = null;
        String typeIdentifier = null;
        while (in.nextChild(ctx)) {
            switch (sbdhName(in)) {
                case "Contact" -> contact = in.token(ctx);
                case "EmailAddress" -> email = in.token(ctx);
                case "FaxNumber" -> fax = in.token(ctx);
                case "TelephoneNumber" -> telephone = in.token(ctx);
                case "ContactTypeIdentifier" -> typeIdentifier = in.token(ctx);
                default -> throw EventParts.unexpected(in, ctx,
                        "sbdh:Contact, sbdh:EmailAddress, sbdh:FaxNumber, sbdh:TelephoneNumber, "
                                + "sbdh:ContactTypeIdentifier");
            }
        }
        return new Sbdh.ContactInformation(contact, email, fax, telephone, typeIdentifier);
    }

    private static Sbdh.DocumentIdentification documentIdentification(XmlInput in) {
        String ctx = "sbdh:DocumentIdentification";
        String standard = null;
        String typeVersion = null;
        String instanceIdentifier = null;
        String type = null;
        Boolean multipleType = null;
        String creation = null;
        while (in.nextChild(ctx)) {
            switch (sbdhName(in)) {
                case "Standard" -> standard = in.token(ctx);
                case "TypeVersion" -> typeVersion = in.token(ctx);
                case "InstanceIdentifier" -> instanceIdentifier = in.token(ctx);
                case "Type" -> type = in.token(ctx);
                case "MultipleType" -> {
                    SourceLocation at = in.location();
                    multipleType = XmlValues.bool(at, "sbdh:MultipleType", in.token(ctx));
                }
                case "CreationDateAndTime" -> creation = in.token(ctx);
                default -> throw EventParts.unexpected(in, ctx, "sbdh:Standard, sbdh:TypeVersion, "
                        + "sbdh:InstanceIdentifier, sbdh:Type, sbdh:MultipleType, sbdh:CreationDateAndTime");
            }
        }
        return new Sbdh.DocumentIdentification(standard, typeVersion, instanceIdentifier, type, multipleType,
                creation);
    }

    private static List<Sbdh.Scope> businessScope(XmlInput in) {
        List<Sbdh.Scope> scopes = new ArrayList<>();
        while (in.nextChild("sbdh:BusinessScope")) {
            if (!sbdhName(in).equals("Scope")) {
                throw EventParts.unexpected(in, "sbdh:BusinessScope", "sbdh:Scope");
            }
            scopes.add(scope(in));
        }
        return scopes;
    }

    /** Type, InstanceIdentifier, Identifier, then scope information elements (CorrelationInformation, ...). */
    private static Sbdh.Scope scope(XmlInput in) {
        String ctx = "sbdh:Scope";
        String type = null;
        String instanceIdentifier = null;
        String identifier = null;
        List<ExtensionElement> information = new ArrayList<>();
        while (in.nextChild(ctx)) {
            String name = sbdhName(in);
            if (name.equals("Type") && information.isEmpty()) {
                type = in.token(ctx);
            } else if (name.equals("InstanceIdentifier") && information.isEmpty()) {
                instanceIdentifier = in.token(ctx);
            } else if (name.equals("Identifier") && information.isEmpty()) {
                identifier = in.token(ctx);
            } else if (!in.isUnqualified()) {
                information.add(ExtensionReader.element(in));
            } else {
                throw EventParts.unexpected(in, ctx, "sbdh:Type, sbdh:InstanceIdentifier, sbdh:Identifier, "
                        + "then scope information such as sbdh:CorrelationInformation");
            }
        }
        return new Sbdh.Scope(type, instanceIdentifier, identifier, information);
    }

    /** The local name of an element in the SBDH namespace, or "" for any other element. */
    private static String sbdhName(XmlInput in) {
        return XmlNames.SBDH_NS.equals(in.namespace()) ? in.localName() : "";
    }

    // ---- master data ----------------------------------------------------------------------------------------

    static List<Vocabulary> vocabularyList(XmlInput in) {
        in.onlyAttributes("VocabularyList");
        List<Vocabulary> list = new ArrayList<>();
        while (in.nextChild("VocabularyList")) {
            if (!(in.isUnqualified() && in.localName().equals("Vocabulary"))) {
                throw EventParts.unexpected(in, "VocabularyList", "Vocabulary");
            }
            list.add(vocabulary(in));
        }
        return list;
    }

    private static Vocabulary vocabulary(XmlInput in) {
        in.onlyAttributes("Vocabulary", "type");
        String type = requiredAttribute(in, "Vocabulary", "type",
                "a vocabulary type such as urn:epcglobal:epcis:vtype:BusinessLocation");
        List<VocabularyElement> elements = new ArrayList<>();
        List<ExtensionElement> extensions = new ArrayList<>();
        while (in.nextChild("Vocabulary")) {
            if (in.isUnqualified() && in.localName().equals("VocabularyElementList")) {
                while (in.nextChild("VocabularyElementList")) {
                    if (!(in.isUnqualified() && in.localName().equals("VocabularyElement"))) {
                        throw EventParts.unexpected(in, "VocabularyElementList", "VocabularyElement");
                    }
                    elements.add(vocabularyElement(in));
                }
            } else if (in.isUnqualified() && in.localName().equals("extension")) {
                EventParts.localExtensions(in, extensions);
            } else if (EventParts.isUserExtension(in)) {
                extensions.add(ExtensionReader.element(in));
            } else {
                throw EventParts.unexpected(in, "Vocabulary",
                        "VocabularyElementList, or user extension elements in their own namespace");
            }
        }
        return new Vocabulary(type, elements, extensions);
    }

    private static VocabularyElement vocabularyElement(XmlInput in) {
        in.onlyAttributes("VocabularyElement", "id");
        String id = requiredAttribute(in, "VocabularyElement", "id", "the identifier the element describes");
        List<VocabularyAttribute> attributes = new ArrayList<>();
        List<String> children = new ArrayList<>();
        List<ExtensionElement> extensions = new ArrayList<>();
        while (in.nextChild("VocabularyElement")) {
            String name = in.isUnqualified() ? in.localName() : "";
            if (name.equals("attribute")) {
                String attributeId = requiredAttribute(in, "attribute", "id", "the attribute name, a URI");
                attributes.add(new VocabularyAttribute(attributeId,
                        ExtensionReader.attributeValue(in, "attribute " + attributeId, Set.of("id"))));
            } else if (name.equals("children")) {
                children.addAll(EventParts.idList(in, "id"));
            } else if (name.equals("extension")) {
                EventParts.localExtensions(in, extensions);
            } else if (EventParts.isUserExtension(in)) {
                extensions.add(ExtensionReader.element(in));
            } else {
                throw EventParts.unexpected(in, "VocabularyElement",
                        "attribute, children, or user extension elements in their own namespace");
            }
        }
        return new VocabularyElement(id, attributes, children, extensions);
    }

    private static String requiredAttribute(XmlInput in, String element, String name, String expected) {
        String value = in.attribute(name);
        if (value == null || value.isBlank()) {
            throw in.error(element + " has no " + name + " attribute", expected);
        }
        return value.strip();
    }
}
