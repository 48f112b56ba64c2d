package io.tracewell.epcis.model;

import java.util.List;

/**
 * The "where" dimension (EPCIS 2.0 §7.3.4 and §7.3.5.4): read point, business location, and the sources and
 * destinations of a business transfer.
 */
public record Where(ReadPoint readPoint, BizLocation bizLocation, List<SourceDest> sourceList,
                    List<SourceDest> destinationList) {
    public static final Where NONE = new Where(null, null, List.of(), List.of());

    public Where {
        sourceList = Lists.copy(sourceList);
        destinationList = Lists.copy(destinationList);
    }
}
