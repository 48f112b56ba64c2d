package io.tracewell.epcis.query;

/** One parsed query parameter as SQL: adds its predicate to the query's {@link SqlWhere}. */
@FunctionalInterface
public interface Condition {
    void appendTo(SqlWhere where);
}
