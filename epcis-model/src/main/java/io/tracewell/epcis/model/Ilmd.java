package io.tracewell.epcis.model;

import java.util.List;

/**
 * Instance/lot master data (EPCIS 2.0 §7.3.6): only user-defined, namespaced elements, e.g. CBV master data
 * attributes such as {@code cbvmda:lotNumber}.
 */
public record Ilmd(List<ExtensionElement> elements) {
    public Ilmd {
        elements = Lists.copy(elements);
    }
}
