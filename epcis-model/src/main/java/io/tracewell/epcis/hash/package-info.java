/**
 * The EPCIS event hash ID of CBV 2.0 ("EPCIS Event Hash ID"): a canonical pre-hash string built from the parsed,
 * syntax-neutral event and its digest as {@code ni:///sha-256;<hex>?ver=CBV2.0}.
 *
 * <p>{@link io.tracewell.epcis.hash.EventHasher} is the entry point; {@link io.tracewell.epcis.hash.HashProfile}
 * chooses between the CBV 2.0 rules (default), the output of the reference implementation up to 2025 and the
 * CBV 2.1 draft; {@link io.tracewell.epcis.hash.HashAlgorithm} the digest. docs/hash.md describes the rules and
 * how each published test vector relates to the profiles.
 */
package io.tracewell.epcis.hash;
