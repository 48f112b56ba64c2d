package io.tracewell.server.config;

import io.tracewell.epcis.capture.CaptureLimits;

/**
 * The capture interface: its limits, how many documents are worked on at once, and the name this node
 * writes into the leases of the jobs it works on (unique among servers sharing a database).
 *
 * @param limits  events and bytes per {@code POST /capture} document
 * @param workers capture jobs worked on at the same time
 * @param nodeId  this server's name in capture job leases
 * @param organisation the operator's own organisation ({@code epcis.security.organisation}): the events the
 *                     server captures on its own (serial commissioning, verification scans, recalls, documents
 *                     received from DSCSA partners) belong to it (docs/security.md, "Visibility")
 */
public record CaptureSettings(CaptureLimits limits, int workers, String nodeId, String organisation) {

    public CaptureSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (nodeId == null || nodeId.isBlank() || nodeId.contains("/")) {
            throw new IllegalArgumentException("nodeId must be a non-blank name without '/': " + nodeId);
        }
        if (organisation == null || organisation.isBlank() || organisation.length() > 128) {
            throw new IllegalArgumentException("organisation must be a non-blank name of at most 128 characters");
        }
    }
}
