package io.tracewell.epcis.validation;

import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.format.SourceLocation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks, while the document streams past, the rules of {@link EpcisRule} that the XML Schema cannot
 * state. It keeps only what the rules need about the current event (which fields it has, how many items
 * its lists hold, its action), so memory does not grow with the document.
 *
 * <p>It sits behind the schema validator and sees the document as the validator passed it on; where the
 * schema already failed (an action that is not ADD, OBSERVE or DELETE, say) the rules that depend on the
 * broken field stay silent rather than repeat the error.
 */
final class XmlEventRules extends DefaultHandler {

    private static final Set<String> EVENT_TYPES = Set.of(
            "ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent");
    private static final Set<String> SINGLE_ERROR_DECLARATION_FIELDS = Set.of("reason", "correctiveEventIDs", "extension");

    /** EPCIS, SBDH and the XML Schema namespaces: elements there are not user extensions. */
    private static final Set<String> STANDARD_NAMESPACES = Set.of("urn:epcglobal:epcis:xsd:2",
            "urn:epcglobal:epcis-query:xsd:2", "urn:epcglobal:epcis-masterdata:xsd:2",
            "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader");

    private final ViolationCollector out;
    private final Supplier<SourceLocation> position;

    /** Names of the open elements; EPCIS elements are unqualified, others are written {namespace}name. */
    private final Deque<String> open = new ArrayDeque<>();

    private EventFacts event;
    private int eventDepth;
    private StringBuilder actionText;

    /** Depth of the outermost open user extension element (0 when outside one), for the nesting limit. */
    private int extensionRootDepth;
    private boolean extensionTooDeepReported;

    private Map<String, Integer> errorDeclarationFields;
    private SourceLocation errorDeclarationStart;
    private int errorDeclarationDepth;

    XmlEventRules(ViolationCollector out, Supplier<SourceLocation> position) {
        this.out = out;
        this.position = position;
    }

    /** What the rules need to know about one event. */
    private static final class EventFacts {
        final String type;
        final SourceLocation start;
        final Map<String, SourceLocation> fields = new HashMap<>();
        final Map<String, Integer> listSizes = new HashMap<>();
        String action;

        EventFacts(String type, SourceLocation start) {
            this.type = type;
            this.start = start;
        }

        boolean has(String field) {
            return fields.containsKey(field);
        }

        boolean hasItems(String list) {
            return listSizes.getOrDefault(list, 0) > 0;
        }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        String parent = open.peek();
        String name = uri.isEmpty() ? localName : "{" + uri + "}" + localName;
        open.push(name);
        int depth = open.size();

        if (event == null && "EventList".equals(parent) && EVENT_TYPES.contains(name)) {
            event = new EventFacts(name, position.get());
            eventDepth = depth;
        } else if (event != null && depth == eventDepth + 1) {
            event.fields.putIfAbsent(name, position.get());
            if ("action".equals(name)) {
                actionText = new StringBuilder();
            } else if ("errorDeclaration".equals(name)) {
                errorDeclarationFields = new HashMap<>();
                errorDeclarationStart = position.get();
                errorDeclarationDepth = depth;
            }
        } else if (event != null && depth == eventDepth + 2) {
            event.listSizes.merge(parent, 1, Integer::sum);
        }
        if (errorDeclarationFields != null && depth == errorDeclarationDepth + 1) {
            errorDeclarationFields.merge(name, 1, Integer::sum);
        }
        if (extensionRootDepth == 0 && !uri.isEmpty() && !STANDARD_NAMESPACES.contains(uri)) {
            extensionRootDepth = depth;
            extensionTooDeepReported = false;
        } else if (extensionRootDepth > 0 && depth - extensionRootDepth + 1 > ExtensionElement.MAX_DEPTH
                && !extensionTooDeepReported) {
            violation(position.get(), EpcisRule.EXTENSION_DEPTH);
            extensionTooDeepReported = true;
        }
        if ("sensorReport".equals(name) && "sensorElement".equals(parent)
                && attributes.getIndex("", "type") < 0 && attributes.getIndex("", "exception") < 0) {
            violation(position.get(), EpcisRule.SENSOR_REPORT_TYPE);
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (actionText != null) {
            actionText.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        int depth = open.size();
        open.pop();
        if (depth == extensionRootDepth) {
            extensionRootDepth = 0;
        }
        if (event == null) {
            return;
        }
        if (actionText != null && depth == eventDepth + 1) {
            event.action = actionText.toString();
            actionText = null;
        }
        if (errorDeclarationFields != null && depth == errorDeclarationDepth) {
            checkErrorDeclaration();
            errorDeclarationFields = null;
        }
        if (depth == eventDepth) {
            checkEvent(event);
            event = null;
        }
    }

    private void checkErrorDeclaration() {
        if (errorDeclarationFields.getOrDefault("declarationTime", 0) != 1) {
            violation(errorDeclarationStart, EpcisRule.ERROR_DECLARATION_TIME);
        }
        for (String field : SINGLE_ERROR_DECLARATION_FIELDS) {
            if (errorDeclarationFields.getOrDefault(field, 0) > 1) {
                violation(errorDeclarationStart, EpcisRule.ERROR_DECLARATION_SINGLE_FIELDS);
                return;
            }
        }
    }

    private void checkEvent(EventFacts e) {
        boolean delete = "DELETE".equals(e.action);
        switch (e.type) {
            case "ObjectEvent" -> {
                if (!e.has("epcList") && !e.hasItems("quantityList")
                        && !(e.hasItems("sensorElementList") && e.has("readPoint"))) {
                    violation(e.start, EpcisRule.OBJECT_EVENT_OBJECTS);
                }
                if (e.has("ilmd") && ("OBSERVE".equals(e.action) || delete)) {
                    violation(e.fields.get("ilmd"), EpcisRule.OBJECT_EVENT_ILMD);
                }
            }
            case "AggregationEvent" -> {
                if (!e.hasItems("childEPCs") && !e.hasItems("childQuantityList") && !delete) {
                    violation(e.start, EpcisRule.AGGREGATION_EVENT_CHILDREN);
                }
                if (("ADD".equals(e.action) || delete) && !e.has("parentID")) {
                    violation(e.start, EpcisRule.AGGREGATION_EVENT_PARENT);
                }
            }
            case "TransactionEvent" -> {
                if (!e.has("epcList") && !e.hasItems("quantityList") && !delete) {
                    violation(e.start, EpcisRule.TRANSACTION_EVENT_OBJECTS);
                }
            }
            case "TransformationEvent" -> {
                boolean inputs = e.hasItems("inputEPCList") || e.hasItems("inputQuantityList");
                boolean outputs = e.hasItems("outputEPCList") || e.hasItems("outputQuantityList");
                if (!(inputs && outputs) && !((inputs || outputs) && e.has("transformationID"))) {
                    violation(e.start, EpcisRule.TRANSFORMATION_EVENT_IO);
                }
            }
            case "AssociationEvent" -> {
                if (!e.hasItems("childEPCs") && !e.hasItems("childQuantityList") && !delete) {
                    violation(e.start, EpcisRule.ASSOCIATION_EVENT_CHILDREN);
                }
            }
            default -> throw new IllegalStateException("not an event type: " + e.type);
        }
    }

    private void violation(SourceLocation where, EpcisRule rule) {
        out.add(where, rule.title(), rule.description());
    }
}
