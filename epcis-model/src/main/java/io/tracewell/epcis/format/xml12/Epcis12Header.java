package io.tracewell.epcis.format.xml12;

import io.tracewell.epcis.model.DocumentHeader;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.model.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything of an EPCIS 1.2 document but its events, as {@link Epcis12XmlWriter#begin} writes it:
 *
 * <pre>
 * EPCISDocument schemaVersion="1.2" creationDate="…"
 *   EPCISHeader                                (only with an SBDH: 1.2 requires one in every header)
 *     sbdh:StandardBusinessDocumentHeader
 *     extension/EPCISMasterData/VocabularyList (the master data)
 *     …the header elements…                    (e.g. gs1ushc:dscsaTransactionStatement)
 *   EPCISBody/EventList                        (the events)
 *   …the document extensions…
 * </pre>
 *
 * @param creationDate       when the document was created; the time of {@link Epcis12XmlWriter#begin} when null
 * @param namespaces         prefixes declared on the root element (e.g. {@code gs1ushc}); others are declared where
 *                           first used
 * @param sbdh               the Standard Business Document Header; required when there is master data or a header
 *                           element, and then complete ({@link Sbdh#isComplete()})
 * @param masterData         vocabularies for the header, e.g. {@code urn:epcglobal:epcis:vtype:EPCClass} and
 *                           {@code urn:epcglobal:epcis:vtype:Location}
 * @param headerElements     children of EPCISHeader after the SBDH and master data, each in a namespace of its own
 * @param documentExtensions extensions after EPCISBody: unqualified ones go into the {@code extension} element,
 *                           namespaced ones follow it
 */
public record Epcis12Header(
        EpcisTime creationDate,
        Namespaces namespaces,
        Sbdh sbdh,
        List<Vocabulary> masterData,
        List<ExtensionElement> headerElements,
        List<ExtensionElement> documentExtensions) {

    /** The EPCIS 1.2 namespace; header elements must be in another one. */
    static final String EPCIS_1_NS = "urn:epcglobal:epcis:xsd:1";

    public Epcis12Header {
        namespaces = namespaces == null ? Namespaces.NONE : namespaces;
        masterData = masterData == null ? List.of() : List.copyOf(masterData);
        headerElements = headerElements == null ? List.of() : List.copyOf(headerElements);
        documentExtensions = documentExtensions == null ? List.of() : List.copyOf(documentExtensions);
        for (ExtensionElement e : headerElements) {
            String ns = e.name().getNamespaceURI();
            if (ns.isEmpty() || ns.equals(EPCIS_1_NS)) {
                throw new IllegalArgumentException("header element '" + e.name() + "' needs a namespace of its own:"
                        + " EPCIS 1.2 admits only elements of other namespaces after the SBDH and master data");
            }
        }
    }

    /** A header with an SBDH and nothing else. */
    public static Epcis12Header of(EpcisTime creationDate, Sbdh sbdh) {
        return new Epcis12Header(creationDate, Namespaces.NONE, sbdh, List.of(), List.of(), List.of());
    }

    /**
     * The parts of an EPCIS 2.0 document header that 1.2 has too: creation date, namespaces, SBDH, master data
     * and document extensions. The schema version and the JSON-LD and query members are not carried over.
     */
    public static Epcis12Header from(DocumentHeader header) {
        Objects.requireNonNull(header, "header");
        return new Epcis12Header(header.creationDate(), header.namespaces(), header.sbdh(), header.masterData(),
                List.of(), header.extensions());
    }

    public Epcis12Header withSbdh(Sbdh newSbdh) {
        return new Epcis12Header(creationDate, namespaces, newSbdh, masterData, headerElements, documentExtensions);
    }

    public Epcis12Header withMasterData(List<Vocabulary> vocabularies) {
        return new Epcis12Header(creationDate, namespaces, sbdh, vocabularies, headerElements, documentExtensions);
    }

    /** This header with one more prefix declared on the root element. */
    public Epcis12Header withNamespace(String prefix, String iri) {
        return new Epcis12Header(creationDate, namespaces.with(prefix, iri), sbdh, masterData, headerElements,
                documentExtensions);
    }

    /**
     * This header with one more element at the end of EPCISHeader, e.g. the GS1 US healthcare
     * {@code gs1ushc:dscsaTransactionStatement} (namespace {@code http://epcis.gs1us.org/hc/ns}).
     *
     * @throws IllegalArgumentException when the element is unqualified or in the EPCIS 1.2 namespace
     */
    public Epcis12Header withHeaderElement(ExtensionElement element) {
        List<ExtensionElement> more = new ArrayList<>(headerElements);
        more.add(Objects.requireNonNull(element, "element"));
        return new Epcis12Header(creationDate, namespaces, sbdh, masterData, more, documentExtensions);
    }
}
