package io.tracewell.epcis.bench;

import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.BizTransactionType;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.SensorMeasurementType;
import io.tracewell.epcis.cbv.SourceDestType;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.AggregationEvent;
import io.tracewell.epcis.model.AssociationEvent;
import io.tracewell.epcis.model.BizLocation;
import io.tracewell.epcis.model.BizTransaction;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.PersistentDisposition;
import io.tracewell.epcis.model.QuantityElement;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.SensorElement;
import io.tracewell.epcis.model.SensorMetadata;
import io.tracewell.epcis.model.SensorReport;
import io.tracewell.epcis.model.SourceDest;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.TransactionEvent;
import io.tracewell.epcis.model.TransformationEvent;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.xml.namespace.QName;

/**
 * Realistic EPCIS events for benchmarks, made one at a time from their index (the same index always gives the
 * same event, nothing is kept): a pharmaceutical supply chain mix of the five event types, 40 % object events
 * (commissioning with ILMD, shipping with transactions and source/destination), 20 % aggregation, 15 %
 * transaction, 10 % transformation and 15 % association events; one event in four carries sensor data, every
 * event a user extension.
 */
final class SyntheticEvents {
    static final String EXAMPLE_NS = "https://ns.example.com/epcis/";
    static final Namespaces NAMESPACES = Namespaces.NONE.with("example", EXAMPLE_NS);

    private static final String CBVMDA_NS = "urn:epcglobal:cbv:mda";
    private static final Instant START = Instant.parse("2024-01-01T06:00:00Z");
    private static final TimeZoneOffset OFFSET = TimeZoneOffset.parse("+01:00");
    private static final String[] COMPANIES = {"4012345", "0614141", "4000001", "9520123"};

    private SyntheticEvents() {
    }

    static EpcisEvent event(long index) {
        SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L);
        int kind = (int) (index % 20);
        CommonFields common = common(index, random);
        if (kind < 8) {
            return objectEvent(index, random, common, kind < 3);
        }
        if (kind < 12) {
            return aggregationEvent(index, random, common);
        }
        if (kind < 15) {
            return transactionEvent(index, random, common);
        }
        if (kind < 17) {
            return transformationEvent(index, random, common);
        }
        return associationEvent(index, random, common);
    }

    private static CommonFields common(long index, SplittableRandom random) {
        EpcisTime time = new EpcisTime(START.plusMillis(index * 997 + random.nextInt(500)).atOffset(OFFSET.offset()));
        String eventID = "urn:uuid:" + new UUID(0x5eedL << 32 | index >>> 32, index);
        return new CommonFields(time, OFFSET, null, eventID, null, null);
    }

    private static ObjectEvent objectEvent(long index, SplittableRandom random, CommonFields common,
                                           boolean commissioning) {
        String company = company(random);
        List<String> epcs = sgtins(company, random, 3 + random.nextInt(10));
        if (commissioning) {
            Why why = new Why(BizStep.COMMISSIONING, Disposition.ACTIVE, null,
                    List.of());
            return new ObjectEvent(common, Action.ADD, epcs, List.of(), where(company, random, false), why,
                    sensors(index, random), ilmd(random), extensions(index, random));
        }
        Why why = new Why(BizStep.SHIPPING, Disposition.IN_TRANSIT, null,
                transactions(company, random));
        return new ObjectEvent(common, Action.OBSERVE, epcs, quantities(company, random, 1),
                where(company, random, true), why, sensors(index, random), null, extensions(index, random));
    }

    private static AggregationEvent aggregationEvent(long index, SplittableRandom random, CommonFields common) {
        String company = company(random);
        String parent = "urn:epc:id:sscc:" + company + "." + digits(random, 17 - company.length());
        Why why = new Why(BizStep.PACKING, Disposition.IN_PROGRESS, null,
                List.of());
        return new AggregationEvent(common, Action.ADD, parent, sgtins(company, random, 6 + random.nextInt(18)),
                quantities(company, random, random.nextInt(2)), where(company, random, false), why,
                sensors(index, random), extensions(index, random));
    }

    private static TransactionEvent transactionEvent(long index, SplittableRandom random, CommonFields common) {
        String company = company(random);
        Why why = new Why(BizStep.RECEIVING, Disposition.IN_PROGRESS,
                new PersistentDisposition(List.of(Disposition.COMPLETENESS_VERIFIED),
                        List.of(Disposition.COMPLETENESS_INFERRED)),
                transactions(company, random));
        return new TransactionEvent(common, Action.ADD, null, sgtins(company, random, 2 + random.nextInt(6)),
                quantities(company, random, 1 + random.nextInt(2)), where(company, random, true), why,
                sensors(index, random), extensions(index, random));
    }

    private static TransformationEvent transformationEvent(long index, SplittableRandom random,
                                                           CommonFields common) {
        String company = company(random);
        Why why = new Why(BizStep.REPACKAGING, Disposition.ACTIVE, null,
                transactions(company, random));
        return new TransformationEvent(common, sgtins(company, random, 2 + random.nextInt(4)),
                quantities(company, random, 2), sgtins(company, random, 4 + random.nextInt(8)),
                quantities(company, random, 1), "urn:epc:id:gdti:" + company + ".00001." + random.nextInt(100000),
                where(company, random, false), why, sensors(index, random), ilmd(random), extensions(index, random));
    }

    private static AssociationEvent associationEvent(long index, SplittableRandom random, CommonFields common) {
        String company = company(random);
        String parent = "urn:epc:id:grai:" + company + ".55555." + random.nextInt(100000);
        Why why = new Why(BizStep.ASSEMBLING, null, null, List.of());
        List<String> devices = List.of("urn:epc:id:giai:" + company + "." + random.nextInt(1000000));
        return new AssociationEvent(common, Action.ADD, parent, devices, List.of(), where(company, random, false),
                why, sensors(index, random), extensions(index, random));
    }

    private static String company(SplittableRandom random) {
        return COMPANIES[random.nextInt(COMPANIES.length)];
    }

    private static String digits(SplittableRandom random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    private static List<String> sgtins(String company, SplittableRandom random, int n) {
        String item = "0" + digits(random, 12 - company.length());
        List<String> epcs = new ArrayList<>(n);
        long serial = random.nextLong(1_000_000_000L);
        for (int i = 0; i < n; i++) {
            epcs.add("urn:epc:id:sgtin:" + company + "." + item + "." + (serial + i));
        }
        return epcs;
    }

    private static List<QuantityElement> quantities(String company, SplittableRandom random, int n) {
        List<QuantityElement> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String lgtin = "urn:epc:class:lgtin:" + company + ".0" + digits(random, 12 - company.length()) + ".L"
                    + random.nextInt(100000);
            list.add(random.nextBoolean()
                    ? new QuantityElement(lgtin, BigDecimal.valueOf(1 + random.nextInt(500)), null)
                    : new QuantityElement(lgtin, BigDecimal.valueOf(random.nextInt(100000), 2), "KGM"));
        }
        return list;
    }

    private static Where where(String company, SplittableRandom random, boolean transfer) {
        ReadPoint readPoint = ReadPoint.of("urn:epc:id:sgln:" + company + ".00001." + random.nextInt(400));
        BizLocation bizLocation = BizLocation.of("urn:epc:id:sgln:" + company + ".00001.0");
        if (!transfer) {
            return new Where(readPoint, bizLocation, List.of(), List.of());
        }
        String receiver = COMPANIES[random.nextInt(COMPANIES.length)];
        return new Where(readPoint, bizLocation,
                List.of(new SourceDest(SourceDestType.OWNING_PARTY, "urn:epc:id:pgln:" + company + ".00001"),
                        new SourceDest(SourceDestType.LOCATION, "urn:epc:id:sgln:" + company + ".00001.0")),
                List.of(new SourceDest(SourceDestType.OWNING_PARTY, "urn:epc:id:pgln:" + receiver + ".00002"),
                        new SourceDest(SourceDestType.LOCATION, "urn:epc:id:sgln:" + receiver + ".00002.0")));
    }

    private static List<BizTransaction> transactions(String company, SplittableRandom random) {
        return List.of(
                new BizTransaction(BizTransactionType.PO,
                        "urn:epcglobal:cbv:bt:" + company + "000001:PO" + random.nextInt(1000000)),
                new BizTransaction(BizTransactionType.DESADV,
                        "urn:epcglobal:cbv:bt:" + company + "000001:ASN" + random.nextInt(1000000)));
    }

    private static Ilmd ilmd(SplittableRandom random) {
        return new Ilmd(List.of(
                ExtensionElement.text(new QName(CBVMDA_NS, "lotNumber", "cbvmda"), "L" + random.nextInt(100000)),
                ExtensionElement.text(new QName(CBVMDA_NS, "itemExpirationDate", "cbvmda"),
                        "2026-" + String.format("%02d", 1 + random.nextInt(12)) + "-28"),
                ExtensionElement.text(new QName(CBVMDA_NS, "countryOfOrigin", "cbvmda"), "DE")));
    }

    /** One event in four carries a temperature and humidity report from a logger. */
    private static List<SensorElement> sensors(long index, SplittableRandom random) {
        if (index % 4 != 3) {
            return List.of();
        }
        EpcisTime time = EpcisTime.of(START.plusSeconds(index));
        SensorMetadata metadata = new SensorMetadata(time, null, null, "urn:epc:id:giai:4000001." + index % 1000,
                "https://id.gs1.org/8004/4000001111", null, null, null, List.of());
        SensorReport temperature = SensorReport.builder().type(SensorMeasurementType.of("gs1:Temperature"))
                .value(BigDecimal.valueOf(20 + random.nextInt(600), 2)).uom("CEL")
                .minValue(BigDecimal.valueOf(random.nextInt(200), 2)).maxValue(BigDecimal.valueOf(800, 2))
                .build();
        SensorReport humidity = SensorReport.builder().type(SensorMeasurementType.of("gs1:RelativeHumidity"))
                .value(BigDecimal.valueOf(30 + random.nextInt(40))).uom("A93").build();
        return List.of(new SensorElement(metadata, List.of(temperature, humidity), List.of()));
    }

    /** A typed simple value, a value with an attribute, and a small structure. */
    private static List<ExtensionElement> extensions(long index, SplittableRandom random) {
        QName batch = new QName(EXAMPLE_NS, "batchCount", "example");
        QName weight = new QName(EXAMPLE_NS, "grossWeight", "example");
        QName unit = new QName(EXAMPLE_NS, "unit", "example");
        QName handling = new QName(EXAMPLE_NS, "handling", "example");
        return List.of(
                new ExtensionElement(batch, List.of(),
                        new ExtensionElement.Simple(Integer.toString(random.nextInt(1000)), Datatypes.INTEGER)),
                new ExtensionElement(weight, List.of(new ExtensionAttribute(unit, "KGM")),
                        new ExtensionElement.Simple(Integer.toString(1 + random.nextInt(900)), null)),
                ExtensionElement.of(handling, List.of(
                        ExtensionElement.text(new QName(EXAMPLE_NS, "operator", "example"), "op-" + index % 97),
                        ExtensionElement.text(new QName(EXAMPLE_NS, "shift", "example"),
                                index % 3 == 0 ? "early" : "late"))));
    }
}
