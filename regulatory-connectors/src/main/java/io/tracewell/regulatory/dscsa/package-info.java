/**
 * The US DSCSA document of a shipment: EPCIS 1.2 XML with an SBDH, EPCClass and Location master data carrying the
 * transaction information (TI), the GS1 US healthcare transaction statement (TS) and the events of the shipped
 * items' history, rendered from the stored EPCIS 2.0 events (docs/dscsa.md).
 *
 * <p>{@link io.tracewell.regulatory.dscsa.TradingPartner} says whose shipments get a document,
 * {@link io.tracewell.regulatory.dscsa.ShipmentHistory} reads the events of a shipment from the store, and
 * {@link io.tracewell.regulatory.dscsa.DscsaDocumentBuilder} renders the document or refuses it, listing every
 * missing TI item in one {@link io.tracewell.regulatory.dscsa.MissingTransactionDataException}.
 */
package io.tracewell.regulatory.dscsa;
