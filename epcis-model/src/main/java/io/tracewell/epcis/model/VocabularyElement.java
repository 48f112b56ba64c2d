package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;

/** One vocabulary element with its attributes and the identifiers of its children (EPCIS 2.0 §6.5). */
public record VocabularyElement(String id, List<VocabularyAttribute> attributes, List<String> children,
                                List<ExtensionElement> extensions) {
    public VocabularyElement {
        Objects.requireNonNull(id, "id");
        attributes = Lists.copy(attributes);
        children = Lists.copy(children);
        extensions = Lists.copy(extensions);
    }
}
