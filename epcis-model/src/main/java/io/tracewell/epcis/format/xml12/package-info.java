/**
 * EPCIS 1.2 XML output for trading partners that exchange EPCIS 1.2, such as US DSCSA partners:
 * {@link io.tracewell.epcis.format.xml12.Epcis12XmlWriter} renders events of the EPCIS 2.0 model in the 1.2 layout
 * with CBV URNs and EPC URNs, and refuses, naming event and field, what 1.2 cannot carry
 * ({@link io.tracewell.epcis.format.xml12.Epcis12ConversionException}). The header, with its SBDH, master data and
 * elements of other namespaces, is an {@link io.tracewell.epcis.format.xml12.Epcis12Header}.
 *
 * <p>The schema the output follows is the project's own ({@code xsd} module, {@code epcis/1.2/epcis-1.2.xsd});
 * docs/schemas.md describes it.
 */
package io.tracewell.epcis.format.xml12;
