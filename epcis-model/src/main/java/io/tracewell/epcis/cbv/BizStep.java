package io.tracewell.epcis.cbv;

/**
 * A business step (EPCIS {@code bizStep}), CBV 2.0. Read from any spelling ({@code shipping}, {@code
 * urn:epcglobal:cbv:bizstep:shipping}, {@code https://ref.gs1.org/cbv/BizStep-shipping}, {@code cbv:...}); other URIs
 * are kept as given.
 *
 * @param uri the Web URI of a standard term, or the URI as given
 */
public record BizStep(String uri) implements CbvUrnValue {

    public static final BizStep ACCEPTING = of("accepting");
    public static final BizStep ARRIVING = of("arriving");
    public static final BizStep ASSEMBLING = of("assembling");
    public static final BizStep COLLECTING = of("collecting");
    public static final BizStep COMMISSIONING = of("commissioning");
    public static final BizStep CONSIGNING = of("consigning");
    public static final BizStep CREATING_CLASS_INSTANCE = of("creating_class_instance");
    public static final BizStep CYCLE_COUNTING = of("cycle_counting");
    public static final BizStep DECOMMISSIONING = of("decommissioning");
    public static final BizStep DEPARTING = of("departing");
    public static final BizStep DESTROYING = of("destroying");
    public static final BizStep DISASSEMBLING = of("disassembling");
    public static final BizStep DISPENSING = of("dispensing");
    public static final BizStep ENCODING = of("encoding");
    public static final BizStep ENTERING_EXITING = of("entering_exiting");
    public static final BizStep HOLDING = of("holding");
    public static final BizStep INSPECTING = of("inspecting");
    public static final BizStep INSTALLING = of("installing");
    public static final BizStep KILLING = of("killing");
    public static final BizStep LOADING = of("loading");
    public static final BizStep OTHER = of("other");
    public static final BizStep PACKING = of("packing");
    public static final BizStep PICKING = of("picking");
    public static final BizStep RECEIVING = of("receiving");
    public static final BizStep REMOVING = of("removing");
    public static final BizStep REPACKAGING = of("repackaging");
    public static final BizStep REPAIRING = of("repairing");
    public static final BizStep REPLACING = of("replacing");
    public static final BizStep RESERVING = of("reserving");
    public static final BizStep RETAIL_SELLING = of("retail_selling");
    public static final BizStep SAMPLING = of("sampling");
    public static final BizStep SENSOR_REPORTING = of("sensor_reporting");
    public static final BizStep SHIPPING = of("shipping");
    public static final BizStep STAGING_OUTBOUND = of("staging_outbound");
    public static final BizStep STOCK_TAKING = of("stock_taking");
    public static final BizStep STOCKING = of("stocking");
    public static final BizStep STORING = of("storing");
    public static final BizStep TRANSPORTING = of("transporting");
    public static final BizStep UNLOADING = of("unloading");
    public static final BizStep UNPACKING = of("unpacking");
    public static final BizStep VOID_SHIPPING = of("void_shipping");

    public BizStep {
        uri = CbvCodec.canonical(CbvVocabulary.BIZ_STEP, uri);
    }

    /**
     * Reads any spelling.
     *
     * @throws VocabularyException if the value is neither a term of the vocabulary nor an absolute URI
     */
    public static BizStep of(String value) {
        return new BizStep(value);
    }

    @Override
    public CbvVocabulary vocabulary() {
        return CbvVocabulary.BIZ_STEP;
    }

    @Override
    public String toString() {
        return uri;
    }
}
