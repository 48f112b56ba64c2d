package io.tracewell.epcis.query;

import io.tracewell.epcis.model.Namespaces;
import java.util.Objects;

/**
 * What parameters are read against: the prefixes that bind CURIEs in extension field names ({@code EQ_ex:lot}),
 * from the request's {@code GS1-Extensions} header or a named query's {@code @context}.
 */
public record QueryContext(Namespaces prefixes) {

    public QueryContext {
        Objects.requireNonNull(prefixes, "prefixes");
    }

    public static QueryContext empty() {
        return new QueryContext(Namespaces.NONE);
    }
}
