package io.tracewell.epcis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.store.job.CaptureErrorBehaviour;
import io.tracewell.epcis.store.job.CaptureJob;
import io.tracewell.epcis.store.job.CaptureJobState;
import io.tracewell.epcis.store.job.CaptureJobs;
import io.tracewell.epcis.store.schema.Migrations;
import io.tracewell.epcis.store.testdb.TestDatabase;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Capture jobs as stored, on one MariaDB server; the subclasses choose the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CaptureJobsTest {

    private static final byte[] DOCUMENT = "{\"type\":\"EPCISDocument\"}".getBytes(StandardCharsets.UTF_8);
    private static final String JSON_LD = "application/ld+json";

    private TestDatabase database;
    private Sql sql;
    private CaptureJobs jobs;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void migrate() {
        database = createDatabase();
        Migrations.migrate(database.dataSource());
        sql = new Sql(database.dataSource());
        jobs = new CaptureJobs(database.dataSource());
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTables() {
        sql.execute("DELETE FROM capture_job");
        sql.execute("DELETE FROM epcis_event");
    }

    @Test
    void aNewJobIsRunningAndKeepsItsDocument() {
        jobs.create("job-1", CaptureErrorBehaviour.ROLLBACK, JSON_LD, DOCUMENT, "node-1", Duration.ofMinutes(1));

        CaptureJob job = jobs.find("job-1").orElseThrow();
        assertThat(job).extracting(CaptureJob::state, CaptureJob::errorBehaviour, CaptureJob::mediaType,
                CaptureJob::finishedAt, CaptureJob::eventCount, CaptureJob::errorsJson)
                .containsExactly(CaptureJobState.RUNNING, CaptureErrorBehaviour.ROLLBACK, JSON_LD, null, null, null);
        assertThat(job.createdAt()).isNotNull();
        assertThat(jobs.document("job-1")).hasValueSatisfying(d -> assertThat(d).isEqualTo(DOCUMENT));
        assertThat(sql.one("SELECT document_sha256 FROM capture_job WHERE capture_id = 'job-1'"))
                .as("sha256sum of the document").isEqualTo(
                        "0cc3944d39319ef05f43625169000c5a6419b81c8b8dbe99432b93e7c6103448");
        assertThat(jobs.find("no-such-job")).isEmpty();
    }

    @Test
    void finishingRecordsTheOutcomeAndDropsTheDocumentOnce() {
        jobs.create("job-2", CaptureErrorBehaviour.PROCEED, JSON_LD, DOCUMENT, "node-1", Duration.ofMinutes(1));

        assertThat(jobs.finish("job-2", CaptureJobState.FAILED, 3, "[{\"type\":\"x\"}]")).isTrue();
        assertThat(jobs.finish("job-2", CaptureJobState.SUCCESS, 4, null)).as("second finish").isFalse();

        CaptureJob job = jobs.find("job-2").orElseThrow();
        assertThat(job).extracting(CaptureJob::state, CaptureJob::eventCount, CaptureJob::errorsJson)
                .containsExactly(CaptureJobState.FAILED, 3, "[{\"type\":\"x\"}]");
        assertThat(job.finishedAt()).isNotNull();
        assertThat(jobs.document("job-2")).isEmpty();
        assertThatThrownBy(() -> jobs.finish("job-2", CaptureJobState.RUNNING, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a job finishes as SUCCESS or FAILED, not RUNNING");
    }

    @Test
    void aJobWhoseLeaseRanOutIsFoundAndTakenOver() throws InterruptedException {
        jobs.create("job-live", CaptureErrorBehaviour.ROLLBACK, JSON_LD, DOCUMENT, "node-1", Duration.ofMinutes(1));
        jobs.create("job-dead", CaptureErrorBehaviour.ROLLBACK, JSON_LD, DOCUMENT, "node-2", Duration.ofMillis(20));
        Thread.sleep(50);

        assertThat(jobs.abandoned(10)).containsExactly("job-dead");
        assertThat(jobs.claim("job-live", "node-3", Duration.ofMinutes(1))).isFalse();
        assertThat(jobs.claim("job-dead", "node-3", Duration.ofMinutes(1))).isTrue();
        assertThat(jobs.abandoned(10)).isEmpty();
        jobs.finish("job-dead", CaptureJobState.SUCCESS, 0, null);
        assertThat(jobs.claim("job-dead", "node-3", Duration.ofMinutes(1))).as("finished jobs are not claimed")
                .isFalse();
    }

    @Test
    void eventsOfAJobAreFoundByItsCaptureId() {
        jobs.create("job-3", CaptureErrorBehaviour.ROLLBACK, JSON_LD, DOCUMENT, "node-1", Duration.ofMinutes(1));
        assertThat(jobs.hasStoredEvents("job-3")).isFalse();

        EventStore.of(database.dataSource()).store(List.of(FullEvents.objectEvent("urn:uuid:j")),
                CaptureContext.capture("job-3", FullEvents.NAMESPACES));

        assertThat(jobs.hasStoredEvents("job-3")).isTrue();
        assertThat(jobs.hasStoredEvents("job-4")).isFalse();
    }
}
