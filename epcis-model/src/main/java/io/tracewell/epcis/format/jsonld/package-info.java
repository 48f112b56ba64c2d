/**
 * The EPCIS 2.0 JSON-LD binding (EPCIS 2.0 §10): {@link io.tracewell.epcis.format.jsonld.JsonLdEventReader} and
 * {@link io.tracewell.epcis.format.jsonld.JsonLdEventWriter} stream documents one event at a time with Jackson's
 * streaming parser and generator, and read or write single events for the capture interface.
 *
 * <p>The mapping rules, including those for user extensions, the SBDH and master data, are in docs/formats.md.
 * The standard JSON-LD context is known by its URLs and prefixes and is never fetched.
 */
package io.tracewell.epcis.format.jsonld;
