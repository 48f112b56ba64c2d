package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import java.util.List;
import java.util.Optional;

/**
 * Names of the CBV master data vocabulary ({@code cbvmda}) as stored events and master data spell them: master
 * data attribute ids {@code urn:epcglobal:cbv:mda#name} (the CBV's form, which documents carry), and in a captured
 * document also {@code urn:epcglobal:cbv:mda:name} or {@code cbvmda:name}; ILMD elements in the namespace
 * {@code urn:epcglobal:cbv:mda} (XML) or {@code urn:epcglobal:cbv:mda:} (the JSON-LD context).
 */
public final class CbvMda {

    /** How the document writes master data attribute ids: this prefix and the attribute's name. */
    public static final String ATTRIBUTE_PREFIX = "urn:epcglobal:cbv:mda#";

    private static final List<String> ATTRIBUTE_PREFIXES =
            List.of(ATTRIBUTE_PREFIX, "urn:epcglobal:cbv:mda:", "cbvmda:");
    private static final List<String> ILMD_NAMESPACES =
            List.of("urn:epcglobal:cbv:mda", "urn:epcglobal:cbv:mda:", ATTRIBUTE_PREFIX);

    private CbvMda() {
    }

    /** The CBV master data attribute name of an attribute id, e.g. {@code name}; empty for other attributes. */
    public static Optional<String> attributeName(String attributeId) {
        for (String prefix : ATTRIBUTE_PREFIXES) {
            if (attributeId.startsWith(prefix) && attributeId.length() > prefix.length()) {
                return Optional.of(attributeId.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /** The text of the first top-level ILMD element {@code cbvmda:<localName>}, if present and not blank. */
    static Optional<String> ilmd(Ilmd ilmd, String localName) {
        if (ilmd == null) {
            return Optional.empty();
        }
        for (ExtensionElement e : ilmd.elements()) {
            if (e.name().getLocalPart().equals(localName) && ILMD_NAMESPACES.contains(e.name().getNamespaceURI())
                    && e.value() instanceof ExtensionElement.Simple simple && !simple.lexical().isBlank()) {
                return Optional.of(simple.lexical().strip());
            }
        }
        return Optional.empty();
    }
}
