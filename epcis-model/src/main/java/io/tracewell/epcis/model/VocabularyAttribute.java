package io.tracewell.epcis.model;

import java.util.Objects;

/**
 * A master data attribute: an attribute name URI and a value that is text or structured content. The value uses
 * the same representation as user extensions; a repeated attribute id is a multi-valued attribute.
 */
public record VocabularyAttribute(String id, ExtensionElement.ExtensionValue value) {
    public VocabularyAttribute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
    }
}
