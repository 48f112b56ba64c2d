package io.tracewell.epcis.model;

import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * An XML attribute on a user extension element (other than {@code xsi:type} and {@code xsi:nil}, which the model
 * holds as the value's datatype and {@link ExtensionElement.Nil}).
 */
public record ExtensionAttribute(QName name, String value) {
    public ExtensionAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
