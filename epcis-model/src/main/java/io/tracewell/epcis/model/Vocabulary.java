package io.tracewell.epcis.model;

import java.util.List;
import java.util.Objects;

/**
 * Master data for one vocabulary type, e.g. {@code urn:epcglobal:epcis:vtype:BusinessLocation}
 * (EPCIS 2.0 §7.2, §9.3 EPCISMasterData, §10 vocabularyList).
 */
public record Vocabulary(String type, List<VocabularyElement> elements, List<ExtensionElement> extensions) {
    public Vocabulary {
        Objects.requireNonNull(type, "type");
        elements = Lists.copy(elements);
        extensions = Lists.copy(extensions);
    }
}
