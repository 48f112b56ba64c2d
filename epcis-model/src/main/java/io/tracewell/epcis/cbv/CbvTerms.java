package io.tracewell.epcis.cbv;

import java.util.List;

/**
 * The terms of each vocabulary as EPCIS 2.0 / CBV 2.0 define them (the standard's JSON-LD context lists the same
 * terms). Kept in alphabetical order.
 */
final class CbvTerms {

    /** CBV 2.0 business steps. */
    static final List<String> BIZ_STEP = List.of(
            "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning",
            "creating_class_instance", "cycle_counting", "decommissioning", "departing", "destroying",
            "disassembling", "dispensing", "encoding", "entering_exiting", "holding", "inspecting", "installing",
            "killing", "loading", "other", "packing", "picking", "receiving", "removing", "repackaging", "repairing",
            "replacing", "reserving", "retail_selling", "sampling", "sensor_reporting", "shipping",
            "staging_outbound", "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking",
            "void_shipping");

    /** CBV 2.0 dispositions. */
    static final List<String> DISPOSITION = List.of(
            "active", "available", "completeness_inferred", "completeness_verified", "conformant", "container_closed",
            "container_open", "damaged", "destroyed", "dispensed", "disposed", "encoded", "expired", "in_progress",
            "in_transit", "inactive", "mismatch_class", "mismatch_instance", "mismatch_quantity", "needs_replacement",
            "no_pedigree_match", "non_conformant", "non_sellable_other", "partially_dispensed", "recalled",
            "reserved", "retail_sold", "returned", "sellable_accessible", "sellable_not_accessible", "stolen",
            "unavailable", "unknown");

    /** CBV 2.0 business transaction types. */
    static final List<String> BIZ_TRANSACTION_TYPE = List.of(
            "bol", "cert", "desadv", "inv", "pedigree", "po", "poc", "prodorder", "recadv", "rma", "testprd",
            "testres", "upevt");

    /** CBV 2.0 source/destination types. */
    static final List<String> SOURCE_DEST_TYPE = List.of(
            "location", "owning_party", "possessing_party");

    /** CBV 2.0 error reasons. */
    static final List<String> ERROR_REASON = List.of(
            "did_not_occur", "incorrect_data");

    /** GS1 Web Vocabulary measurement types used as sensorReport type. */
    static final List<String> SENSOR_MEASUREMENT_TYPE = List.of(
            "AbsoluteHumidity", "AbsorbedDose", "AbsorbedDoseRate", "Acceleration", "Altitude", "AmountOfSubstance",
            "AmountOfSubstancePerUnitVolume", "Angle", "AngularAcceleration", "AngularMomentum", "AngularVelocity",
            "Area", "Capacitance", "Conductance", "Conductivity", "Count", "Density", "Dimensionless",
            "DoseEquivalent", "DoseEquivalentRate", "DynamicViscosity", "ElectricCharge", "ElectricCurrent",
            "ElectricCurrentDensity", "ElectricFieldStrength", "Energy", "Exposure", "Force", "Frequency",
            "Illuminance", "Inductance", "Irradiance", "KinematicViscosity", "Length", "LinearMomentum", "Luminance",
            "LuminousFlux", "LuminousIntensity", "MagneticFlux", "MagneticFluxDensity", "MagneticVectorPotential",
            "Mass", "MassConcentration", "MassFlowRate", "MassPerAreaTime", "MemoryCapacity", "MolalityOfSolute",
            "MolarEnergy", "MolarMass", "MolarVolume", "Power", "Pressure", "RadiantFlux", "RadiantIntensity",
            "Radioactivity", "RelativeHumidity", "Resistance", "Resistivity", "SolidAngle", "SpecificVolume", "Speed",
            "SurfaceDensity", "SurfaceTension", "Temperature", "Time", "Torque", "Voltage", "Volume",
            "VolumeFlowRate", "VolumeFraction", "VolumetricFlux", "Wavenumber");

    /** Sensor alert types (sensorReport exception). */
    static final List<String> SENSOR_ALERT_TYPE = List.of(
            "ALARM_CONDITION", "ERROR_CONDITION");

    /** CBV 2.0 sensor components. */
    static final List<String> COMPONENT = List.of(
            "altitude", "axial_distance", "azimuth", "easting", "elevation_angle", "height", "latitude", "longitude",
            "northing", "polar_angle", "spherical_radius", "x", "y", "z");

    private CbvTerms() {
    }
}
