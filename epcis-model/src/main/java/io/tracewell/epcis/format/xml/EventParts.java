package io.tracewell.epcis.format.xml;

import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.format.EpcisFormatException;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.PersistentDisposition;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SourceDest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Readers for the parts of an event below event level (EPCIS 2.0 §9.5 element types). Each starts on the start
 * tag of its element and ends on its end tag.
 */
final class EventParts {
    private EventParts() {
    }

    /** A list of simple child elements of one name: {@code epcList/epc}, {@code correctiveEventIDs/...}. */
    static List<String> idList(XmlInput in, String itemName) {
        String list = in.localName();
        List<String> ids = new ArrayList<>();
        while (in.nextChild(list)) {
            expectUnqualified(in, list, itemName);
            ids.add(in.token(list));
        }
        return ids;
    }

    static List<QuantityElement> quantityList(XmlInput in) {
        String list = in.localName();
        List<QuantityElement> quantities = new ArrayList<>();
        while (in.nextChild(list)) {
            expectUnqualified(in, list, "quantityElement");
            quantities.add(quantityElement(in));
        }
        return quantities;
    }

    private static QuantityElement quantityElement(XmlInput in) {
        SourceLocation at = in.location();
        String epcClass = null;
        BigDecimal quantity = null;
        String uom = null;
        while (in.nextChild("quantityElement")) {
            String name = in.isUnqualified() ? in.localName() : "";
            switch (name) {
                case "epcClass":
                    epcClass = in.token("quantityElement");
                    break;
                case "quantity":
                    SourceLocation q = in.location();
                    boolean nil = "true".equals(in.raw().getAttributeValue(XmlNames.XSI_NS, "nil"));
                    String text = in.token("quantityElement");
                    if (!(nil && text.isEmpty())) {
                        quantity = XmlValues.decimal(q, "quantity", text);
                    }
                    break;
                case "uom":
                    uom = in.token("quantityElement");
                    break;
                default:
                    throw unexpected(in, "quantityElement", "epcClass, quantity, uom");
            }
        }
        if (epcClass == null) {
            throw new EpcisFormatException(at, "quantityElement has no epcClass",
                    "epcClass, then optionally quantity and uom");
        }
        return new QuantityElement(epcClass, quantity, uom);
    }

    static List<BizTransaction> bizTransactionList(XmlInput in) {
        List<BizTransaction> list = new ArrayList<>();
        while (in.nextChild("bizTransactionList")) {
            expectUnqualified(in, "bizTransactionList", "bizTransaction");
            BizTransactionType type = XmlValues.cbv(in.location(), "bizTransaction type", attributeToken(in, "type"),
                    BizTransactionType::of);
            list.add(new BizTransaction(type, in.token("bizTransactionList")));
        }
        return list;
    }

    static List<SourceDest> sourceDestList(XmlInput in, String itemName) {
        String listName = in.localName();
        List<SourceDest> list = new ArrayList<>();
        while (in.nextChild(listName)) {
            expectUnqualified(in, listName, itemName);
            String type = attributeToken(in, "type");
            if (type == null) {
                throw in.error(itemName + " has no type attribute",
                        "a type such as urn:epcglobal:cbv:sdt:owning_party (EPCIS 2.0 §7.3.5.4)");
            }
            SourceDestType sdt = XmlValues.cbv(in.location(), itemName + " type", type, SourceDestType::of);
            list.add(new SourceDest(sdt, in.token(listName)));
        }
        return list;
    }

    static ReadPoint readPoint(XmlInput in) {
        List<ExtensionElement> extensions = new ArrayList<>();
        return new ReadPoint(idWithExtensions(in, extensions), extensions);
    }

    static BizLocation bizLocation(XmlInput in) {
        List<ExtensionElement> extensions = new ArrayList<>();
        return new BizLocation(idWithExtensions(in, extensions), extensions);
    }

    /** readPoint and bizLocation: {@code id}, an optional {@code extension}, then user extensions. */
    private static String idWithExtensions(XmlInput in, List<ExtensionElement> extensions) {
        String context = in.localName();
        SourceLocation at = in.location();
        String id = null;
        while (in.nextChild(context)) {
            if (in.isUnqualified() && in.localName().equals("id") && id == null) {
                id = in.token(context);
            } else if (in.isUnqualified() && in.localName().equals("extension")) {
                localExtensions(in, extensions);
            } else if (isUserExtension(in)) {
                extensions.add(ExtensionReader.element(in));
            } else {
                throw unexpected(in, context, "id, then user extension elements in their own namespace");
            }
        }
        if (id == null) {
            throw new EpcisFormatException(at, context + " has no id", "an id element in " + context);
        }
        return id;
    }

    static ErrorDeclaration errorDeclaration(XmlInput in) {
        SourceLocation at = in.location();
        EpcisTime declarationTime = null;
        ErrorReason reason = null;
        List<String> corrective = new ArrayList<>();
        List<ExtensionElement> extensions = new ArrayList<>();
        while (in.nextChild("errorDeclaration")) {
            String name = in.isUnqualified() ? in.localName() : "";
            switch (name) {
                case "declarationTime":
                    SourceLocation t = in.location();
                    declarationTime = XmlValues.dateTime(t, "declarationTime", in.token("errorDeclaration"));
                    break;
                case "reason":
                    reason = XmlValues.cbv(in.location(), "reason", in.token("errorDeclaration"), ErrorReason::of);
                    break;
                case "correctiveEventIDs":
                    corrective.addAll(idList(in, "correctiveEventID"));
                    break;
                case "extension":
                    localExtensions(in, extensions);
                    break;
                default:
                    if (!isUserExtension(in)) {
                        throw unexpected(in, "errorDeclaration", "declarationTime, reason, correctiveEventIDs or "
                                + "user extension elements in their own namespace");
                    }
                    extensions.add(ExtensionReader.element(in));
            }
        }
        if (declarationTime == null) {
            throw new EpcisFormatException(at, "errorDeclaration has no declarationTime",
                    "declarationTime in errorDeclaration (EPCIS 2.0 §7.4.1.2)");
        }
        return new ErrorDeclaration(declarationTime, reason, corrective, extensions);
    }

    static PersistentDisposition persistentDisposition(XmlInput in) {
        List<Disposition> set = new ArrayList<>();
        List<Disposition> unset = new ArrayList<>();
        while (in.nextChild("persistentDisposition")) {
            String name = in.isUnqualified() ? in.localName() : "";
            if (name.equals("set")) {
                set.add(XmlValues.cbv(in.location(), "set", in.token("persistentDisposition"), Disposition::of));
            } else if (name.equals("unset")) {
                unset.add(XmlValues.cbv(in.location(), "unset", in.token("persistentDisposition"),
                        Disposition::of));
            } else {
                throw unexpected(in, "persistentDisposition", "unset, set");
            }
        }
        return new PersistentDisposition(set, unset);
    }

    static Ilmd ilmd(XmlInput in) {
        List<ExtensionElement> elements = new ArrayList<>();
        while (in.nextChild("ilmd")) {
            if (in.isUnqualified() && in.localName().equals("extension")) {
                localExtensions(in, elements);
            } else if (isUserExtension(in)) {
                elements.add(ExtensionReader.element(in));
            } else {
                throw unexpected(in, "ilmd", "elements in their own namespace, such as cbvmda:lotNumber");
            }
        }
        return new Ilmd(elements);
    }

    /**
     * The content of an {@code <extension>} element whose schema type admits unqualified elements (##local): each
     * child becomes an extension element, unqualified ones without a namespace.
     */
    static void localExtensions(XmlInput in, List<ExtensionElement> sink) {
        while (in.nextChild("extension")) {
            if (XmlNames.EPCIS_NS.equals(in.namespace()) || XmlNames.EPCIS_QUERY_NS.equals(in.namespace())) {
                throw unexpected(in, "extension", "unqualified elements or elements in their own namespace");
            }
            sink.add(ExtensionReader.element(in));
        }
    }

    /** An element in a namespace other than the EPCIS ones: a user extension (EPCIS 2.0 §9.4). */
    static boolean isUserExtension(XmlInput in) {
        String ns = in.namespace();
        return !ns.isEmpty() && !ns.equals(XmlNames.EPCIS_NS) && !ns.equals(XmlNames.EPCIS_QUERY_NS);
    }

    private static void expectUnqualified(XmlInput in, String context, String itemName) {
        if (!(in.isUnqualified() && in.localName().equals(itemName))) {
            throw unexpected(in, context, itemName);
        }
    }

    private static String attributeToken(XmlInput in, String name) {
        String value = in.attribute(name);
        return value == null ? null : value.strip();
    }

    static EpcisFormatException unexpected(XmlInput in, String context, String expected) {
        return in.error("unexpected element '" + XmlInput.displayName(in.name()) + "' in " + context, expected);
    }
}
