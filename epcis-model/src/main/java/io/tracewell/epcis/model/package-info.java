/**
 * The EPCIS 2.0 event and document model (EPCIS 2.0 §7 abstract data model, §9 XML and §10 JSON-LD bindings).
 *
 * <p>Every type here is an immutable value. Field names follow the standard so that a reader with EPCIS 2.0 open
 * finds each concept by its name. CBV values are typed ({@code io.tracewell.epcis.cbv}): a bare word, URN or Web
 * URI of one term is one value. Other values are kept as the capturer wrote them (identifier spelling,
 * time zone offset, decimal scale) so that a document converts between XML and JSON-LD without loss; normalisation
 * for comparison, hashing and indexing happens in the packages that need it.
 *
 * <p>Optional single values are {@code null} when absent; lists are never {@code null} and are empty when absent.
 */
package io.tracewell.epcis.model;
