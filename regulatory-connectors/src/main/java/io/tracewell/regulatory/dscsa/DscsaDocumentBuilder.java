package io.tracewell.regulatory.dscsa;

import io.tracewell.epcis.format.xml12.Epcis12ConversionException;
import io.tracewell.epcis.format.xml12.Epcis12Header;
import io.tracewell.epcis.format.xml12.Epcis12XmlWriter;
import io.tracewell.epcis.id.Gln;
import io.tracewell.epcis.id.Sgln;
import io.tracewell.epcis.id.UrnTranslation;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Sbdh;
import io.tracewell.epcis.store.write.StoreException;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import javax.xml.namespace.QName;

/**
 * Builds the DSCSA document of a stored shipment for one trading partner: EPCIS 1.2 XML (UTF-8, indented) as GS1 US
 * healthcare partners exchange it (docs/dscsa.md):
 *
 * <pre>
 * EPCISDocument schemaVersion="1.2"
 *   EPCISHeader
 *     sbdh:StandardBusinessDocumentHeader   sender and receiver GLN as SGLN URNs, the given InstanceIdentifier
 *     extension/EPCISMasterData             EPCClass per shipped GTIN (and lot with master data of its own),
 *                                           Location for the seller, buyer, ship-from and ship-to
 *     gs1ushc:dscsaTransactionStatement     affirmTransactionStatement true (and the legal notice, if set)
 *   EPCISBody/EventList                     commissioning, packing bottom-up, shipping
 * </pre>
 *
 * <p>Nothing is built while transaction information is missing: every missing item is collected first and all
 * are reported in one {@link MissingTransactionDataException}. Given the same stored events and master data, the
 * same partner and the same {@link DocumentIdentity}, the bytes are the same.
 *
 * <p>Thread-safe: each call uses a connection of its own.
 */
public final class DscsaDocumentBuilder {

    /** The GS1 US healthcare extension namespace of the transaction statement. */
    public static final String GS1USHC_NS = "http://epcis.gs1us.org/hc/ns";
    static final String GS1USHC_PREFIX = "gs1ushc";
    /** How the SBDH names the kind of identifier of sender and receiver. */
    static final String SGLN_AUTHORITY = "SGLN";

    private final DataSource dataSource;
    private final DscsaSettings settings;
    private final ShipmentHistory history;

    public DscsaDocumentBuilder(DataSource dataSource, DscsaSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.history = new ShipmentHistory(dataSource);
    }

    /**
     * The document of the shipment whose shipping event has this eventID.
     *
     * @see #build(ShipmentEvents, TradingPartner, DocumentIdentity)
     * @throws IllegalArgumentException also as {@link ShipmentHistory#forEventId}
     */
    public byte[] build(String shippingEventId, TradingPartner partner, DocumentIdentity identity) {
        return build(history.forEventId(shippingEventId), partner, identity);
    }

    /**
     * The document of the shipment whose shipping event is stored in this row of {@code epcis_event}.
     *
     * @see #build(ShipmentEvents, TradingPartner, DocumentIdentity)
     * @throws IllegalArgumentException also as {@link ShipmentHistory#forRow}
     */
    public byte[] build(long shippingEventRow, TradingPartner partner, DocumentIdentity identity) {
        return build(history.forRow(shippingEventRow), partner, identity);
    }

    /**
     * The document of a shipment read by {@link ShipmentHistory}.
     *
     * @throws IllegalArgumentException           when the shipment is not to {@code partner}
     * @throws MissingTransactionDataException    listing every missing item of transaction information
     * @throws Epcis12ConversionException         when something cannot be written as EPCIS 1.2, typically an
     *                                            identifier whose GS1 company prefix length is not configured
     *                                            ({@link DscsaSettings#companyPrefixLengths()})
     * @throws StoreException                     when the database cannot be read
     */
    public byte[] build(ShipmentEvents shipment, TradingPartner partner, DocumentIdentity identity) {
        Objects.requireNonNull(shipment, "shipment");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(identity, "identity");
        if (!partner.isDestinationOf(shipment.shipping())) {
            throw new IllegalArgumentException(shipment.name() + " is not a shipment to trading partner "
                    + partner.name() + ": no destination owning_party has a GLN of " + partner.partyGlns()
                    + " and no destination location a GLN of " + partner.locationGlns());
        }
        TransactionInformation.Result ti;
        try (Connection c = dataSource.getConnection()) {
            ti = TransactionInformation.of(c, shipment);
        } catch (SQLException e) {
            throw new StoreException("reading the master data of " + shipment.name() + " failed: " + e.getMessage(),
                    e);
        }
        if (!ti.missing().isEmpty()) {
            throw new MissingTransactionDataException(shipment.name(), ti.missing());
        }
        Epcis12Header header = Epcis12Header.of(identity.creationDate(), sbdh(partner, identity))
                .withNamespace(GS1USHC_PREFIX, GS1USHC_NS)
                .withMasterData(ti.masterData())
                .withHeaderElement(transactionStatement());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (Epcis12XmlWriter writer = new Epcis12XmlWriter(out, settings.companyPrefixLengths(), true)) {
            writer.begin(header);
            for (EpcisEvent event : shipment.inDocumentOrder()) {
                writer.write(event);
            }
            writer.end();
        }
        return out.toByteArray();
    }

    private Sbdh sbdh(TradingPartner partner, DocumentIdentity identity) {
        return new Sbdh("1.0",
                List.of(sglnPartner(settings.senderGln(), "Sender")),
                List.of(sglnPartner(partner.receiverGln(), "Receiver")),
                new Sbdh.DocumentIdentification("EPCglobal", "1.0", identity.instanceIdentifier(), "Events", null,
                        identity.creationDate().toString()),
                List.of());
    }

    /** A sender or receiver named by its GLN as SGLN EPC URN, as GS1 US healthcare partners name them. */
    private Sbdh.Partner sglnPartner(String gln, String element) {
        UrnTranslation urn = Sgln.of(new Gln(gln)).translateToUrn(settings.companyPrefixLengths());
        if (urn instanceof UrnTranslation.NotTranslated no) {
            throw new Epcis12ConversionException("SBDH", element + "/Identifier", "holds GLN " + gln + ", which"
                    + " cannot be written as the SGLN EPC URN that EPCIS 1.2 partners expect: " + no.detail()
                    + " (add the GS1 company prefix length of this GLN to DscsaSettings.companyPrefixLengths)");
        }
        return new Sbdh.Partner(urn.uri(), SGLN_AUTHORITY, List.of());
    }

    private ExtensionElement transactionStatement() {
        List<ExtensionElement> children = new ArrayList<>(2);
        children.add(ExtensionElement.text(new QName(GS1USHC_NS, "affirmTransactionStatement", GS1USHC_PREFIX),
                "true"));
        if (settings.legalNotice() != null) {
            children.add(ExtensionElement.text(new QName(GS1USHC_NS, "legalNotice", GS1USHC_PREFIX),
                    settings.legalNotice()));
        }
        return ExtensionElement.of(new QName(GS1USHC_NS, "dscsaTransactionStatement", GS1USHC_PREFIX), children);
    }
}
