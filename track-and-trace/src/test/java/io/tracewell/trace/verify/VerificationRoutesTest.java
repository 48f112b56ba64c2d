package io.tracewell.trace.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.capture.CaptureOutcome;
import io.tracewell.epcis.capture.SingleEventCapture;
import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.cbv.ErrorReason;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.jsonld.JsonLdEventWriter;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.id.Epc;
import io.tracewell.epcis.id.Gtin;
import io.tracewell.epcis.id.Sgtin;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ErrorDeclaration;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.epcis.model.ReadPoint;
import io.tracewell.epcis.model.TimeZoneOffset;
import io.tracewell.epcis.model.Where;
import io.tracewell.epcis.model.Why;
import io.tracewell.epcis.store.read.StoredEvents;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.epcis.validation.DocumentValidator;
import io.tracewell.trace.testdb.TraceTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Verification over real HTTP, on a Vert.x server with only its routes mounted, and a real MariaDB behind. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerificationRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GTIN = "09506000134352";
    private static final String CBVMDA = "urn:epcglobal:cbv:mda";
    private static final String FACTORY = "urn:epc:id:sgln:9506000.13435.0";
    private static final String PHARMACY = "urn:epc:id:sgln:9506000.13435.7";
    private static final String WAREHOUSE = "https://id.gs1.org/414/9520123456788";
    private static final char GS = '\u001d';
    private static final AtomicInteger SERIALS = new AtomicInteger();
    private static final String RESPONDER = "9506000000015";

    private TraceTestDatabase database;
    private SingleEventCapture capture;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private Vertx vertx;
    private HttpClient client;
    private String base;

    @BeforeAll
    void start() throws Exception {
        database = TraceTestDatabase.create();
        capture = new SingleEventCapture(DocumentValidator.create(), EventHasher.standard(),
                EventStore.of(database.dataSource()), new StoredEvents(database.dataSource()));
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new VerificationRoutes(new VerificationService(database.dataSource(), capture, clock, "local")).mount(router);
        new VrsRoutes(new VerificationService(database.dataSource(), capture, clock, "local"), Optional.of(RESPONDER),
                clock).mount(router);
        new io.tracewell.trace.recall.RecallRoutes(new io.tracewell.trace.recall.RecallService(capture, clock, "local"))
                .mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void knownPackWithMatchingLotAndExpiryIsActive() throws Exception {
        String serial = newSerial();
        commission(serial, "L-7/b", "2030-06-30");

        JsonNode answer = verify("(01)" + GTIN + "(17)300630(10)L-7/b(21)" + serial);

        assertThat(answer.get("known").asBoolean()).isTrue();
        assertThat(answer.get("lot").asText()).isEqualTo("match");
        assertThat(answer.get("expiry").asText()).isEqualTo("match");
        assertThat(answer.get("status").asText()).isEqualTo("active");
        assertThat(answer.get("firstScan").asBoolean()).isTrue();
        assertThat(answer.get("scans").asInt()).isEqualTo(1);
        assertThat(answer.has("firstScanned")).isFalse();
        assertThat(answer.get("code").get("epc").asText()).isEqualTo(canonical(serial));
        assertThat(answer.get("code").get("expiry").asText()).isEqualTo("2030-06-30");
    }

    @Test
    void lotOrExpiryOtherThanCommissionedIsAMismatch() throws Exception {
        String serial = newSerial();
        commission(serial, "L1", "2030-06-30");

        JsonNode lot = verify("(01)" + GTIN + "(17)300630(10)L2(21)" + serial);
        assertThat(lot.get("known").asBoolean()).isTrue();
        assertThat(lot.get("lot").asText()).isEqualTo("mismatch");
        assertThat(lot.get("expiry").asText()).isEqualTo("match");

        JsonNode expiry = verify("(01)" + GTIN + "(17)300531(21)" + serial);
        assertThat(expiry.get("lot").asText()).isEqualTo("not_given");
        assertThat(expiry.get("expiry").asText()).isEqualTo("mismatch");
    }

    @Test
    void statusFollowsShippingThenDispensing() throws Exception {
        String serial = newSerial();
        commission(serial, "L1", "2030-06-30");
        observe(serial, "2026-03-02T08:00:00Z", BizStep.SHIPPING, Disposition.IN_TRANSIT);
        assertThat(verify(bracketed(serial)).get("status").asText()).isEqualTo("in_transit");

        observe(serial, "2026-03-05T08:00:00Z", BizStep.DISPENSING, null);
        assertThat(verify(bracketed(serial)).get("status").asText()).isEqualTo("dispensed");
    }

    @Test
    void statusIsTakenFromTheLatestEventInEventTimeNotTheLatestCaptured() throws Exception {
        String serial = newSerial();
        commission(serial, "L1", "2030-06-30");
        observe(serial, "2026-03-05T08:00:00Z", BizStep.SHIPPING, Disposition.IN_TRANSIT);
        // captured later, happened earlier: an older shipment must not overwrite the later receipt
        observe(serial, "2026-03-06T08:00:00Z", BizStep.RECEIVING, Disposition.ACTIVE);
        observe(serial, "2026-03-04T08:00:00Z", BizStep.SHIPPING, Disposition.IN_TRANSIT);
        assertThat(verify(bracketed(serial)).get("status").asText()).isEqualTo("active");
    }

    @Test
    void recallDispositionMakesThePackRecalled() throws Exception {
        String serial = newSerial();
        commission(serial, "L1", "2030-06-30");
        observe(serial, "2026-04-01T08:00:00Z", BizStep.HOLDING, Disposition.RECALLED);
        assertThat(verify(bracketed(serial)).get("status").asText()).isEqualTo("recalled");
    }

    @Test
    void eventsWithAnErrorDeclarationDoNotCount() throws Exception {
        String serial = newSerial();
        commission(serial, "L1", "2030-06-30");
        observe(serial, "2026-04-01T08:00:00Z", BizStep.HOLDING, Disposition.RECALLED);
        ObjectEvent declared = new ObjectEvent(new CommonFields(EpcisTime.of(Instant.parse("2026-04-02T08:00:00Z")),
                new TimeZoneOffset(ZoneOffset.UTC), null, null, new ErrorDeclaration(
                        EpcisTime.of(Instant.parse("2026-04-03T08:00:00Z")), ErrorReason.of("incorrect_data"),
                        List.of(), List.of()), null),
                Action.OBSERVE, epcs(serial), List.of(), new Where(ReadPoint.of(FACTORY), null, List.of(), List.of()),
                new Why(BizStep.DESTROYING, Disposition.DESTROYED, null, List.of()), List.of(), null, List.of());
        capture(declared);
        assertThat(verify(bracketed(serial)).get("status").asText()).isEqualTo("recalled");
    }

    @Test
    void destroyingBizStepMakesThePackDestroyed() throws Exception {
        String serial = newSerial();
        commission(serial, "L1", "2030-06-30");
        observe(serial, "2026-04-01T08:00:00Z", BizStep.DESTROYING, null);
        assertThat(verify(bracketed(serial)).get("status").asText()).isEqualTo("destroyed");
    }

    @Test
    void stolenDispositionMakesThePackStolen() throws Exception {
        String serial = newSerial();
        commission(serial, "L1", "2030-06-30");
        observe(serial, "2026-04-01T08:00:00Z", BizStep.SHIPPING, Disposition.STOLEN);
        assertThat(verify(bracketed(serial)).get("status").asText()).isEqualTo("stolen");
    }

    @Test
    void packPastItsCommissionedExpiryIsExpired() throws Exception {
        String serial = newSerial();
        // the clock says 2026-11-22: expired yesterday
        commission(serial, "L1", "2026-11-21");
        JsonNode answer = verify("(01)" + GTIN + "(21)" + serial);
        assertThat(answer.get("known").asBoolean()).isTrue();
        assertThat(answer.get("status").asText()).isEqualTo("expired");

        String fresh = newSerial();
        commission(fresh, "L1", "2026-11-22");
        assertThat(verify("(01)" + GTIN + "(21)" + fresh).get("status").asText()).as("expires today")
                .isEqualTo("active");
    }

    @Test
    void secondScanTellsHowManyAndWhenAndWhereTheFirstWas() throws Exception {
        String serial = newSerial();
        commission(serial, "L1", "2030-06-30");
        JsonNode first = verify(bracketed(serial), FACTORY);
        Instant firstTime = clock.instant();
        assertThat(first.get("firstScan").asBoolean()).isTrue();
        assertThat(first.get("scans").asInt()).isEqualTo(1);

        JsonNode second = verify(bracketed(serial), PHARMACY);
        assertThat(second.get("firstScan").asBoolean()).isFalse();
        assertThat(second.get("scans").asInt()).isEqualTo(2);
        assertThat(Instant.parse(second.get("firstScanned").get("time").asText())).isEqualTo(firstTime);
        assertThat(second.get("firstScanned").get("readPoint").asText()).isEqualTo(Epc.canonicalOf(FACTORY));
        // verification scans do not change the status
        assertThat(second.get("status").asText()).isEqualTo("active");

        List<String[]> scans = verificationEvents(serial);
        assertThat(scans).hasSize(2);
        assertThat(scans.get(0)).containsExactly("OBSERVE", Epc.canonicalOf(FACTORY), first.get("eventID").asText());
        assertThat(scans.get(1)).containsExactly("OBSERVE", Epc.canonicalOf(PHARMACY),
                second.get("eventID").asText());
    }

    @Test
    void unknownCodeIsAnsweredAndRecorded() throws Exception {
        String serial = newSerial();
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> response = get("/verify?code=" + encode("(01)" + GTIN + "(21)" + serial));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("known").asBoolean()).isFalse();
        assertThat(answer.get("status").asText()).isEqualTo("unknown");
        assertThat(verificationEvents(serial)).hasSize(1);

        JsonNode again = verify("(01)" + GTIN + "(21)" + serial);
        assertThat(again.get("known").asBoolean()).as("a recorded scan does not make a code known").isFalse();
        assertThat(again.get("scans").asInt()).isEqualTo(2);
        assertThat(verificationEvents(serial)).hasSize(2);
    }

    @Test
    void rawElementStringWithGroupSeparatorAndBracketedFormAreTheSamePack() throws Exception {
        String serial = newSerial();
        commission(serial, "LOT42", "2030-06-30");

        JsonNode raw = verify("]d201" + GTIN + "17300630" + "10LOT42" + GS + "21" + serial);
        assertThat(raw.get("known").asBoolean()).isTrue();
        assertThat(raw.get("lot").asText()).isEqualTo("match");
        assertThat(raw.get("expiry").asText()).isEqualTo("match");
        assertThat(raw.get("code").get("lot").asText()).as("the lot ends at the GS").isEqualTo("LOT42");

        JsonNode bracketed = verify("(01)" + GTIN + "(17)300630(10)LOT42(21)" + serial);
        assertThat(bracketed.get("code").get("epc").asText()).isEqualTo(raw.get("code").get("epc").asText());
        assertThat(bracketed.get("lot").asText()).isEqualTo("match");
        assertThat(bracketed.get("scans").asInt()).as("the same pack, scanned a second time").isEqualTo(2);
    }

    @Test
    void digitalLinkPathIsVerifiedWithItsDataAttributesAndLocation() throws Exception {
        String serial = newSerial();
        commission(serial, "L9/x", "2030-06-30");
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> response = get("/01/" + GTIN + "/10/" + encodePath("L9/x") + "/21/"
                + encodePath(serial) + "?17=300630&location=" + encode(WAREHOUSE));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("known").asBoolean()).isTrue();
        assertThat(answer.get("lot").asText()).isEqualTo("match");
        assertThat(answer.get("expiry").asText()).isEqualTo("match");
        assertThat(verificationEvents(serial).get(0)[1]).isEqualTo(Epc.canonicalOf(WAREHOUSE));

        JsonNode viaQuery = verify("https://example.com/01/" + GTIN + "/10/L2/21/" + encodePath(serial));
        assertThat(viaQuery.get("lot").asText()).isEqualTo("mismatch");
    }

    @Test
    void browserGetsAnEscapedSelfContainedPage() throws Exception {
        String serial = "<b>\"&'" + SERIALS.incrementAndGet();
        commission(serial, "L1", "2030-06-30");
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/verify?code="
                        + encode("01" + GTIN + "21" + serial)))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        String page = response.body();
        assertThat(page).contains("&lt;b&gt;&quot;&amp;&#39;" + serial.substring(6))
                .doesNotContain("<b>").doesNotContain("\"&'")
                .contains("Known pack, status active")
                .doesNotContain("src=").doesNotContain("href=").doesNotContain("<script");
    }

    @Test
    void badCodesAreProblemsNamingWhatIsWrong() throws Exception {
        HttpResponse<String> checkDigit = get("/verify?code=" + encode("(01)09506000134353(21)A1"));
        assertThat(checkDigit.statusCode()).isEqualTo(400);
        assertThat(checkDigit.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(checkDigit.body());
        assertThat(problem.get("detail").asText()).startsWith("code: ").contains("check digit");
        assertThat(problem.get("errors").get(0).get("expected").asText()).contains("(21) serial");

        HttpResponse<String> noSerial = get("/verify?code=" + encode("(01)" + GTIN + "(10)L1"));
        assertThat(noSerial.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noSerial.body()).get("detail").asText()).contains("AI 21");

        HttpResponse<String> missing = get("/verify");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("detail").asText()).contains("missing");

        HttpResponse<String> location = get("/verify?code=" + encode("(01)" + GTIN + "(21)A1")
                + "&location=" + encode("urn:epc:id:sgtin:9506000.013435.1"));
        assertThat(location.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(location.body()).get("detail").asText()).startsWith("location: ");

        HttpResponse<String> path = get("/01/" + GTIN + "/10/L1");
        assertThat(path.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(path.body()).get("detail").asText()).contains("AI 21");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String newSerial() {
        return "V" + System.nanoTime() % 1_000_000_000L + "-" + SERIALS.incrementAndGet();
    }

    private static String bracketed(String serial) {
        return "(01)" + GTIN + "(21)" + serial;
    }

    private static String canonical(String serial) {
        return Epc.canonicalOf(Sgtin.of(new Gtin(GTIN), serial).toDigitalLink());
    }

    private void commission(String serial, String lot, String expiry) {
        List<ExtensionElement> ilmd = new ArrayList<>();
        ilmd.add(ExtensionElement.text(new QName(CBVMDA, "lotNumber", "cbvmda"), lot));
        ilmd.add(ExtensionElement.text(new QName(CBVMDA, "itemExpirationDate", "cbvmda"), expiry));
        capture(new ObjectEvent(common("2026-03-01T08:00:00Z"), Action.ADD, epcs(serial), List.of(),
                new Where(ReadPoint.of(FACTORY), null, List.of(), List.of()),
                new Why(BizStep.COMMISSIONING, Disposition.ACTIVE, null, List.of()),
                List.of(), new Ilmd(ilmd), List.of()));
    }

    private void observe(String serial, String time, BizStep bizStep, Disposition disposition) {
        capture(new ObjectEvent(common(time), Action.OBSERVE, epcs(serial), List.of(),
                new Where(ReadPoint.of(FACTORY), null, List.of(), List.of()),
                new Why(bizStep, disposition, null, List.of()), List.of(), null, List.of()));
    }

    private static List<String> epcs(String serial) {
        return List.of(Sgtin.of(new Gtin(GTIN), serial).toDigitalLink());
    }

    private static CommonFields common(String time) {
        return CommonFields.of(EpcisTime.of(Instant.parse(time)), new TimeZoneOffset(ZoneOffset.UTC));
    }

    private void capture(ObjectEvent event) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        JsonLdEventWriter.writeEvent(event, Namespaces.NONE, body);
        CaptureOutcome outcome = capture.capture(body.toByteArray(), Format.JSON_LD, "local");
        assertThat(outcome).isInstanceOf(CaptureOutcome.Captured.class);
    }

    /** The stored verification events of a pack in event time: action, read point, eventID. */
    private List<String[]> verificationEvents(String serial) throws Exception {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT e.action, e.read_point, e.event_id FROM epcis_event_epc p"
                        + " JOIN epcis_event e ON e.id = p.event_row_id"
                        + " WHERE p.canonical_id = ? AND e.biz_step = ? ORDER BY e.event_time")) {
            s.setString(1, canonical(serial));
            s.setString(2, VerificationService.VERIFYING);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                }
            }
            return rows;
        }
    }

    @Test
    void aRecalledLotIsAnsweredRecalledAndOtherLotsAreNot() throws Exception {
        String recalled = newSerial();
        String other = newSerial();
        commission(recalled, "R-LOT-1", "2030-06-30");
        commission(other, "R-LOT-2", "2030-06-30");
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> recall = recall("{\"gtin\": \"" + GTIN + "\", \"lot\": \"R-LOT-1\"}");
        assertThat(recall.statusCode()).as(recall.body()).isEqualTo(201);
        assertThat(JSON.readTree(recall.body()).get("eventID").asText()).isNotBlank();

        assertThat(verify("(01)" + GTIN + "(10)R-LOT-1(21)" + recalled).get("status").asText()).isEqualTo("recalled");
        // The lot comes from the pack's commissioning when the scanned code does not carry it.
        assertThat(verify("(01)" + GTIN + "(21)" + recalled).get("status").asText()).isEqualTo("recalled");
        assertThat(verify("(01)" + GTIN + "(10)R-LOT-2(21)" + other).get("status").asText()).isEqualTo("active");
    }

    @Test
    void singlePacksAreRecalledAndBadRecallsRefused() throws Exception {
        String serial = newSerial();
        commission(serial, "R-LOT-3", "2030-06-30");
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> recall = recall("{\"epcs\": [\"" + canonical(serial) + "\"]}");
        assertThat(recall.statusCode()).as(recall.body()).isEqualTo(201);
        assertThat(verify("(01)" + GTIN + "(21)" + serial).get("status").asText()).isEqualTo("recalled");

        HttpResponse<String> badGtin = recall("{\"gtin\": \"09506000134353\", \"lot\": \"X\"}");
        assertThat(badGtin.statusCode()).isEqualTo(400);
        assertThat(badGtin.body()).contains("/gtin");
        HttpResponse<String> noLot = recall("{\"gtin\": \"" + GTIN + "\"}");
        assertThat(noLot.statusCode()).isEqualTo(400);
        assertThat(noLot.body()).contains("/lot");
    }

    // DSCSA saleable returns, VRS style: GET /verify/dscsa

    @Test
    void vrsVerifiesAnActivePackAndEchoesTheCorrelation() throws Exception {
        String serial = newSerial();
        commission(serial, "LOT-A", "2030-06-30");
        String corr = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> response = get("/verify/dscsa?gtin=" + GTIN + "&serial=" + encode(serial)
                + "&lot=LOT-A&expiry=300630&corrUUID=" + corr + "&reqGLN=0614141000005");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("responderGLN").asText()).isEqualTo(RESPONDER);
        assertThat(answer.get("corrUUID").asText()).isEqualTo(corr);
        assertThat(Instant.parse(answer.get("verificationTimestamp").asText())).isEqualTo(clock.instant());
        assertThat(answer.get("data").get("verified").asBoolean()).isTrue();
        assertThat(answer.get("data").has("verificationFailureReason")).isFalse();
        assertThat(answer.get("data").has("additionalInfo")).isFalse();
        assertThat(verificationEvents(serial)).as("the request is recorded as a verification scan").hasSize(1);
        // the same with the expiry as a date
        assertThat(vrs(serial, "LOT-A", "2030-06-30").get("verified").asBoolean()).isTrue();
    }

    @Test
    void vrsNamesWhatDoesNotMatch() throws Exception {
        String serial = newSerial();
        commission(serial, "LOT-B", "2030-06-30");
        assertThat(vrs(newSerial(), "LOT-B", "300630").toString())
                .isEqualTo("{\"verified\":false,\"verificationFailureReason\":\"No_match_GTIN_Serial\"}");
        assertThat(vrs(serial, "LOT-C", "300630").get("verificationFailureReason").asText())
                .isEqualTo("No_match_GTIN_Serial_Lot");
        assertThat(vrs(serial, "LOT-B", "300531").get("verificationFailureReason").asText())
                .isEqualTo("No_match_GTIN_Serial_Expiry");
        JsonNode both = vrs(serial, "LOT-C", "300531");
        assertThat(both.get("verified").asBoolean()).isFalse();
        assertThat(both.get("verificationFailureReason").asText()).isEqualTo("No_match_GTIN_Serial_Lot_Expiry");
    }

    @Test
    void vrsRefusesPacksThatLeftTheSupplyChainAndFlagsRecalledExpiredAndStolenOnes() throws Exception {
        String dispensed = newSerial();
        String destroyed = newSerial();
        String stolen = newSerial();
        String recalled = newSerial();
        String expired = newSerial();
        for (String serial : List.of(dispensed, destroyed, stolen, recalled)) {
            commission(serial, "LOT-D", "2030-06-30");
        }
        commission(expired, "LOT-D", "2026-01-31");
        observe(dispensed, "2026-04-01T08:00:00Z", BizStep.DISPENSING, Disposition.DISPENSED);
        observe(destroyed, "2026-04-01T08:00:00Z", BizStep.DESTROYING, Disposition.DESTROYED);
        observe(stolen, "2026-04-01T08:00:00Z", BizStep.HOLDING, Disposition.STOLEN);
        observe(recalled, "2026-04-01T08:00:00Z", BizStep.HOLDING, Disposition.RECALLED);

        assertThat(vrs(dispensed, "LOT-D", "300630").toString()).isEqualTo(
                "{\"verified\":false,\"verificationFailureReason\":\"Not_for_re-distribution\"}");
        assertThat(vrs(destroyed, "LOT-D", "300630").toString()).isEqualTo(
                "{\"verified\":false,\"verificationFailureReason\":\"Not_for_re-distribution\"}");
        assertThat(vrs(stolen, "LOT-D", "300630").toString()).isEqualTo("{\"verified\":false,"
                + "\"verificationFailureReason\":\"Not_for_re-distribution\",\"additionalInfo\":\"Suspect\"}");
        assertThat(vrs(recalled, "LOT-D", "300630").toString())
                .isEqualTo("{\"verified\":true,\"additionalInfo\":\"Recalled\"}");
        assertThat(vrs(expired, "LOT-D", "260131").toString())
                .isEqualTo("{\"verified\":true,\"additionalInfo\":\"Expired\"}");
    }

    @Test
    void vrsRequestsThatAreNotCompleteOrValidAreProblems() throws Exception {
        String serial = newSerial();
        for (String[] bad : new String[][] {
            {"/verify/dscsa?gtin=" + GTIN + "&serial=" + serial + "&expiry=300630", "lot: lot is missing"},
            {"/verify/dscsa?gtin=" + GTIN + "&serial=" + serial + "&lot=L", "expiry: expiry is missing"},
            {"/verify/dscsa?serial=" + serial + "&lot=L&expiry=300630", "gtin: gtin is missing"},
            {"/verify/dscsa?gtin=09506000134353&serial=" + serial + "&lot=L&expiry=300630", "identifier:"},
            {"/verify/dscsa?gtin=" + GTIN + "&serial=" + serial + "&lot=L&expiry=301399", "identifier:"},
            {"/verify/dscsa?gtin=" + GTIN + "&serial=" + serial + "&lot=L&expiry=2030-02-30", "expiry:"},
            {"/verify/dscsa?gtin=" + GTIN + "&serial=" + serial + "&lot=L&expiry=300630&corrUUID=x", "corrUUID:"},
            {"/verify/dscsa?gtin=" + GTIN + "&serial=" + serial + "&lot=L&expiry=300630&exp=300630", "exp:"},
        }) {
            HttpResponse<String> response = get(bad[0]);
            assertThat(response.statusCode()).as(bad[0] + " " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("detail").asText()).as(bad[0]).startsWith(bad[1]);
        }
        assertThat(verificationEvents(serial)).as("refused requests are not recorded").isEmpty();
    }

    /** The {@code data} of a VRS answer. */
    private JsonNode vrs(String serial, String lot, String expiry) throws Exception {
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> response = get("/verify/dscsa?gtin=" + GTIN + "&serial=" + encode(serial) + "&lot="
                + encode(lot) + "&expiry=" + expiry);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("data");
    }

    private HttpResponse<String> recall(String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/recalls")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonNode verify(String code) throws Exception {
        return verify(code, null);
    }

    /** Scans one second after the previous scan. */
    private JsonNode verify(String code, String location) throws Exception {
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> response = get("/verify?code=" + encode(code)
                + (location == null ? "" : "&location=" + encode(location)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePath(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A clock the test moves on, so that scan times are known exactly. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        synchronized Instant advance(Duration step) {
            now = now.plus(step);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
