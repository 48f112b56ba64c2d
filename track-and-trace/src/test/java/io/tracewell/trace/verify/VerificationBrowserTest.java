package io.tracewell.trace.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.tracewell.epcis.capture.CaptureOutcome;
import io.tracewell.epcis.capture.SingleEventCapture;
import io.tracewell.epcis.cbv.BizStep;
import io.tracewell.epcis.cbv.Disposition;
import io.tracewell.epcis.format.Format;
import io.tracewell.epcis.format.jsonld.JsonLdEventWriter;
import io.tracewell.epcis.hash.EventHasher;
import io.tracewell.epcis.model.Action;
import io.tracewell.epcis.model.CommonFields;
import io.tracewell.epcis.model.EpcisTime;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.Ilmd;
import io.tracewell.epcis.model.Namespaces;
import io.tracewell.epcis.model.ObjectEvent;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML verification page as a real browser renders it: headless Chromium opens the Digital Link of a known and
 * of an unknown pack on a Vert.x server with the verification routes, and the rendered DOM is checked.
 *
 * <p>Skipped when {@value #CHROMIUM} is not installed, except under CI ({@code CI=true}), where {@code .ci/run}
 * installs it and its absence is a failure, so that the skip cannot hide a broken page there. When Chromium is
 * there and fails, the test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerificationBrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String GTIN = "09506000134352";
    private static final String CBVMDA = "urn:epcglobal:cbv:mda";

    private TraceTestDatabase database;
    private Vertx vertx;
    private String base;

    @BeforeAll
    void start() throws Exception {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            if ("true".equals(System.getenv("CI"))) {
                fail(CHROMIUM + " is missing under CI; .ci/run installs the Debian packages chromium and"
                        + " chromium-driver");
            }
            Assumptions.abort(CHROMIUM + " is not installed (apt-get install chromium): browser test skipped");
        }
        database = TraceTestDatabase.create();
        SingleEventCapture capture = new SingleEventCapture(DocumentValidator.create(), EventHasher.standard(),
                EventStore.of(database.dataSource()), new StoredEvents(database.dataSource()));
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new VerificationRoutes(new VerificationService(database.dataSource(), capture, Clock.systemUTC(), "local"))
                .mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        JsonLdEventWriter.writeEvent(new ObjectEvent(
                CommonFields.of(EpcisTime.of(Instant.parse("2026-03-01T08:00:00Z")),
                        new TimeZoneOffset(ZoneOffset.UTC)),
                Action.ADD, List.of("https://id.gs1.org/01/" + GTIN + "/21/BROWSER-1"), List.of(), Where.NONE,
                new Why(BizStep.COMMISSIONING, Disposition.ACTIVE, null, List.of()), List.of(),
                new Ilmd(List.of(ExtensionElement.text(new QName(CBVMDA, "lotNumber", "cbvmda"), "LOT<7>"),
                        ExtensionElement.text(new QName(CBVMDA, "itemExpirationDate", "cbvmda"), "2030-06-30"))),
                List.of()), Namespaces.NONE, body);
        assertThat(capture.capture(body.toByteArray(), Format.JSON_LD, "local")).isInstanceOf(CaptureOutcome.Captured.class);
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
    void aKnownPackShowsItsProductAndStatus(@TempDir Path profile) throws Exception {
        String dom = render(base + "/01/" + GTIN + "/10/LOT%3C7%3E/21/BROWSER-1?17=300630", profile);
        assertThat(dom).contains("<h1 class=\"ok\">Known pack, status active</h1>");
        assertThat(dom).contains("<th>GTIN</th><td>" + GTIN + "</td>");
        assertThat(dom).contains("<th>Serial number</th><td>BROWSER-1</td>");
        assertThat(dom).as("the lot is shown escaped, not as markup").contains("<td>LOT&lt;7&gt; - match</td>");
        assertThat(dom).contains("<th>Status</th><td>active</td>");
    }

    @Test
    void anUnknownPackShowsUnknown(@TempDir Path profile) throws Exception {
        String dom = render(base + "/01/" + GTIN + "/21/NEVER-ISSUED", profile);
        assertThat(dom).contains("<h1 class=\"warn\">Unknown code: this pack is not in the repository</h1>");
        assertThat(dom).contains("<th>Status</th><td>unknown</td>");
        assertThat(dom).doesNotContain("Known pack");
    }

    /** The DOM of {@code url} after Chromium rendered it, from a fresh profile; fails when Chromium does. */
    private static String render(String url, Path profile) throws Exception {
        Process chromium = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return chromium.getInputStream().readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            fail("Chromium did not finish rendering " + url + " within 90 s");
        }
        String dom = new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertThat(chromium.exitValue()).as("Chromium's exit status; DOM: %s", dom).isZero();
        return dom;
    }
}
