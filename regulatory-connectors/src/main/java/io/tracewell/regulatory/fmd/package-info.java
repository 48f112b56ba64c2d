/**
 * The EU FMD connector (docs/fmd.md): product master data, batch and pack data, pack status changes, batch recalls
 * and product withdrawals from stored events and master data to the EU hub, through the delivery records the
 * regulatory connectors share (docs/deliveries.md). {@link io.tracewell.regulatory.fmd.EuHubPort} is what the
 * connector needs of a hub; {@link io.tracewell.regulatory.fmd.SoapHubAdapter} implements it with SOAP 1.2 messages
 * of our own design over HTTPS with a client certificate.
 */
package io.tracewell.regulatory.fmd;
