package io.tracewell.epcis.conformance;

import java.util.List;
import java.util.Map;

/** An XML element reduced to what it means (see {@link XmlNormalizer}), keeping its spelling for reports. */
record NormalizedXml(
        String key,
        String writtenName,
        Map<String, Attribute> attributes,
        Object text,
        String writtenText,
        List<NormalizedXml> children) {

    /** An attribute: its value to compare and its value as written. */
    record Attribute(String writtenName, Object canonical, String written) {
    }

    /** {@code {namespace}local}, or the local name for an element in no namespace. */
    static String key(String namespace, String localName) {
        return namespace == null || namespace.isEmpty() ? localName : "{" + namespace + "}" + localName;
    }
}
