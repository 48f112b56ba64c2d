package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.format.xml.ExtensionReader;
import io.tracewell.epcis.format.xml.XmlInput;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parts of an EPCIS 1.2 header: the Standard Business Document Header (UN/CEFACT SBDH, as EPCIS 1.2
 * imports it) and the master data {@code VocabularyList} of {@code EPCISHeader/extension/EPCISMasterData}. Both are
 * bounded by the header, so they are read into the model at once. Identifiers are kept as written.
 */
final class Header12Parser {
    private static final String SBDH_EXPECTED = "sbdh:HeaderVersion, sbdh:Sender, sbdh:Receiver, "
            + "sbdh:DocumentIdentification, sbdh:BusinessScope";

    private Header12Parser() {
    }

    static boolean isSbdh(XmlInput in) {
        return Header12Writer.SBDH_NS.equals(in.namespace()) && in.localName().equals("StandardBusinessDocumentHeader");
    }

    static Sbdh sbdh(XmlInput in) {
        String ctx = "sbdh:StandardBusinessDocumentHeader";
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
                case "Manifest" -> throw in.error("the SBDH Manifest is not supported: the model has no place for it",
                        SBDH_EXPECTED);
                default -> throw in.unexpected(ctx, SBDH_EXPECTED);
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
                    authority = in.tokenAttribute("Authority");
                    identifier = in.token(ctx);
                }
                case "ContactInformation" -> contacts.add(contact(in));
                default -> throw in.unexpected(ctx, "sbdh:Identifier, sbdh:ContactInformation");
            }
        }
        if (identifier == null) {
            throw new EpcisFormatException(at, ctx + " has no sbdh:Identifier",
                    "sbdh:Identifier in " + ctx + ", e.g. the party's GLN");
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
                default -> throw in.unexpected(ctx, "sbdh:Contact, sbdh:EmailAddress, sbdh:FaxNumber, "
                        + "sbdh:TelephoneNumber, sbdh:ContactTypeIdentifier");
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
                case "MultipleType" -> multipleType = bool(in, ctx);
                case "CreationDateAndTime" -> creation = in.token(ctx);
                default -> throw in.unexpected(ctx, "sbdh:Standard, sbdh:TypeVersion, sbdh:InstanceIdentifier, "
                        + "sbdh:Type, sbdh:MultipleType, sbdh:CreationDateAndTime");
            }
        }
        return new Sbdh.DocumentIdentification(standard, typeVersion, instanceIdentifier, type, multipleType,
                creation);
    }

    private static Boolean bool(XmlInput in, String ctx) {
        SourceLocation at = in.location();
        String text = in.token(ctx);
        return switch (text) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new EpcisFormatException(at, "sbdh:MultipleType '" + text + "' is not a boolean",
                    "true or false");
        };
    }

    private static List<Sbdh.Scope> businessScope(XmlInput in) {
        List<Sbdh.Scope> scopes = new ArrayList<>();
        while (in.nextChild("sbdh:BusinessScope")) {
            if (!sbdhName(in).equals("Scope")) {
                throw in.unexpected("sbdh:BusinessScope", "sbdh:Scope");
            }
            scopes.add(scope(in));
        }
        return scopes;
    }

    /** Type, InstanceIdentifier, Identifier, then scope information (CorrelationInformation, ...) kept as written. */
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
                throw in.unexpected(ctx, "sbdh:Type, sbdh:InstanceIdentifier, sbdh:Identifier, then scope "
                        + "information such as sbdh:CorrelationInformation");
            }
        }
        return new Sbdh.Scope(type, instanceIdentifier, identifier, information);
    }

    /** The local name of an element in the SBDH namespace, or "" for any other element. */
    private static String sbdhName(XmlInput in) {
        return Header12Writer.SBDH_NS.equals(in.namespace()) ? in.localName() : "";
    }

    // ---- master data ----------------------------------------------------------------------------------------

    /** {@code VocabularyList} at the cursor: its vocabularies, identifiers as written. */
    static List<Vocabulary> vocabularyList(XmlInput in) {
        in.onlyAttributes("VocabularyList");
        List<Vocabulary> list = new ArrayList<>();
        while (in.nextChild("VocabularyList")) {
            if (!in.is("Vocabulary")) {
                throw in.unexpected("VocabularyList", "Vocabulary");
            }
            list.add(vocabulary(in));
        }
        return list;
    }

    private static Vocabulary vocabulary(XmlInput in) {
        in.onlyAttributes("Vocabulary", "type");
        String type = required(in, "Vocabulary", "type",
                "a vocabulary type such as urn:epcglobal:epcis:vtype:EPCClass or urn:epcglobal:epcis:vtype:Location");
        List<VocabularyElement> elements = new ArrayList<>();
        List<ExtensionElement> extensions = new ArrayList<>();
        while (in.nextChild("Vocabulary")) {
            if (in.is("VocabularyElementList")) {
                while (in.nextChild("VocabularyElementList")) {
                    if (!in.is("VocabularyElement")) {
                        throw in.unexpected("VocabularyElementList", "VocabularyElement");
                    }
                    elements.add(vocabularyElement(in));
                }
            } else if (in.is("extension")) {
                localExtensions(in, "Vocabulary/extension", extensions);
            } else if (in.isForeign(Epcis12Header.EPCIS_1_NS)) {
                extensions.add(ExtensionReader.element(in));
            } else {
                throw in.unexpected("Vocabulary", "VocabularyElementList, extension, or user extension elements "
                        + "in a namespace of their own");
            }
        }
        return new Vocabulary(type, elements, extensions);
    }

    private static VocabularyElement vocabularyElement(XmlInput in) {
        in.onlyAttributes("VocabularyElement", "id");
        String id = required(in, "VocabularyElement", "id", "the identifier the element describes, e.g. an EPC URN");
        List<VocabularyAttribute> attributes = new ArrayList<>();
        List<String> children = new ArrayList<>();
        List<ExtensionElement> extensions = new ArrayList<>();
        while (in.nextChild("VocabularyElement")) {
            if (in.is("attribute")) {
                String attributeId = required(in, "attribute", "id",
                        "the attribute name, a URI such as urn:epcglobal:cbv:mda#name");
                attributes.add(new VocabularyAttribute(attributeId,
                        ExtensionReader.attributeValue(in, "attribute " + attributeId, java.util.Set.of("id"))));
            } else if (in.is("children")) {
                while (in.nextChild("children")) {
                    if (!in.is("id")) {
                        throw in.unexpected("children", "id");
                    }
                    children.add(in.token("children"));
                }
            } else if (in.is("extension")) {
                localExtensions(in, "VocabularyElement/extension", extensions);
            } else if (in.isForeign(Epcis12Header.EPCIS_1_NS)) {
                extensions.add(ExtensionReader.element(in));
            } else {
                throw in.unexpected("VocabularyElement", "attribute, children, extension, or user extension "
                        + "elements in a namespace of their own");
            }
        }
        return new VocabularyElement(id, attributes, children, extensions);
    }

    /**
     * The content of an innermost {@code extension} element (unqualified elements, kept as extension elements
     * without a namespace, as the 1.2 writer writes them back).
     */
    static void localExtensions(XmlInput in, String context, List<ExtensionElement> sink) {
        in.onlyAttributes(context);
        while (in.nextChild(context)) {
            if (!in.isUnqualified()) {
                throw in.unexpected(context, "unqualified elements only (user extensions in a namespace of their "
                        + "own follow the extension element)");
            }
            sink.add(ExtensionReader.element(in));
        }
    }

    private static String required(XmlInput in, String element, String name, String expected) {
        String value = in.tokenAttribute(name);
        if (value == null || value.isEmpty()) {
            throw in.error(element + " has no " + name + " attribute", expected);
        }
        return value;
    }
}
