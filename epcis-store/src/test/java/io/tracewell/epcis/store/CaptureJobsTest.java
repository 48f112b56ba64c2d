package io.tracewell.epcis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.epcis.store.access.Caller;
import io.tracewell.epcis.store.job.CaptureErrorBehaviour;
import io.tracewell.epcis.store.job.CaptureJob;
import io.tracewell.epcis.store.job.CaptureJobState;
import io.tracewell.epcis.store.job.CaptureJobs;
import io.tracewell.epcis.store.schema.Migrations;
import io.tracewell.epcis.store.testdb.TestDatabase;
import io.tracewell.epcis.store.write.CaptureContext;
import io.tracewell.epcis.store.write.EventStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
    private static final String ORG = "org-a";
    private static final Caller REGULATOR = new Caller("reg", "authority", Set.of(Caller.Role.REGULATOR), Set.of());

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
        sql.execute("DELETE FROM capture_job_chunk");
        sql.execute("DELETE FROM capture_job");
        sql.execute("DELETE FROM epcis_event");
    }

    private void submit(String id, CaptureErrorBehaviour behaviour, byte[] document, String owner, Duration lease)
            throws IOException {
        CaptureJobs.DocumentUpload upload = jobs.receive(id, ORG, behaviour, JSON_LD, owner, lease);
        upload.write(document);
        upload.close();
        assertThat(jobs.submit(id, upload)).isEmpty();
    }

    @Test
    void aReceivingJobIsInvisibleUntilSubmitted() throws IOException {
        CaptureJobs.DocumentUpload upload = jobs.receive("job-1", ORG, CaptureErrorBehaviour.ROLLBACK, JSON_LD,
                "n/1", Duration.ofMinutes(1));
        upload.write(DOCUMENT);
        upload.close();
        assertThat(jobs.find("job-1")).as("before submit").isEmpty();
        assertThat(jobs.list(REGULATOR, null, 10)).isEmpty();

        assertThat(jobs.submit("job-1", upload)).isEmpty();

        CaptureJob job = jobs.find("job-1").orElseThrow();
        assertThat(job).extracting(CaptureJob::state, CaptureJob::errorBehaviour, CaptureJob::mediaType,
                CaptureJob::finishedAt, CaptureJob::eventCount, CaptureJob::errorsJson, CaptureJob::documentSize)
                .containsExactly(CaptureJobState.RUNNING, CaptureErrorBehaviour.ROLLBACK, JSON_LD, null, null, null,
                        (long) DOCUMENT.length);
        assertThat(job.createdAt()).isNotNull();
        assertThat(jobs.openDocument("job-1").readAllBytes()).isEqualTo(DOCUMENT);
        assertThat(sql.one("SELECT document_sha256 FROM capture_job WHERE capture_id = 'job-1'"))
                .as("sha256sum of the document").isEqualTo(
                        "0cc3944d39319ef05f43625169000c5a6419b81c8b8dbe99432b93e7c6103448");
        assertThat(jobs.find("no-such-job")).isEmpty();
    }

    @Test
    void aLargeDocumentIsKeptInPiecesAndReadBackWhole() throws IOException {
        byte[] document = new byte[CaptureJobs.CHUNK_SIZE * 2 + 12_345];
        new Random(7).nextBytes(document);
        CaptureJobs.DocumentUpload upload = jobs.receive("job-big", ORG, CaptureErrorBehaviour.ROLLBACK, JSON_LD,
                "n/1", Duration.ofMinutes(1));
        for (int offset = 0; offset < document.length; offset += 10_000) {
            upload.write(document, offset, Math.min(10_000, document.length - offset));
        }
        upload.close();
        jobs.submit("job-big", upload);

        assertThat(sql.one("SELECT COUNT(*) FROM capture_job_chunk WHERE capture_id = 'job-big'")).isEqualTo("3");
        try (InputStream in = jobs.openDocument("job-big")) {
            assertThat(in.readAllBytes()).isEqualTo(document);
        }
    }

    @Test
    void theSameDocumentSubmittedAgainGivesTheEarlierJob() throws IOException {
        submit("job-a", CaptureErrorBehaviour.ROLLBACK, DOCUMENT, "n/1", Duration.ofMinutes(1));
        CaptureJobs.DocumentUpload again = jobs.receive("job-b", ORG, CaptureErrorBehaviour.ROLLBACK, JSON_LD,
                "n/1", Duration.ofMinutes(1));
        again.write(DOCUMENT);
        again.close();

        assertThat(jobs.submit("job-b", again)).contains("job-a");
        assertThat(jobs.find("job-b")).isEmpty();
        assertThat(sql.one("SELECT COUNT(*) FROM capture_job_chunk WHERE capture_id = 'job-b'")).isEqualTo("0");

        jobs.finish("job-a", CaptureJobState.FAILED, 1, 0, "[]");
        CaptureJobs.DocumentUpload third = jobs.receive("job-c", ORG, CaptureErrorBehaviour.ROLLBACK, JSON_LD,
                "n/1", Duration.ofMinutes(1));
        third.write(DOCUMENT);
        third.close();
        assertThat(jobs.submit("job-c", third)).as("a failed job is tried again").isEmpty();
    }

    @Test
    void aFinishedJobIsRunningForClientsUntilItsEventsAreVisibleToQueries() throws IOException {
        submit("job-v", CaptureErrorBehaviour.ROLLBACK, DOCUMENT, "n/1", Duration.ofMinutes(1));
        // What a capture's transaction leaves at its commit: the job finished, its outbox row not yet numbered.
        sql.execute("INSERT INTO epcis_outbox (created_at, kind, capture_id, event_count)"
                + " VALUES (UTC_TIMESTAMP(6), 'CAPTURE', 'job-v', 1)");
        assertThat(jobs.finish("job-v", CaptureJobState.SUCCESS, 1, 1, null)).isTrue();

        CaptureJob committed = jobs.find("job-v").orElseThrow();
        assertThat(committed.running()).as("finished for the workers").isFalse();
        assertThat(committed.runningForClients()).as("not yet for clients: a query would miss its events").isTrue();

        new io.tracewell.epcis.store.write.OutboxPublisher(database.dataSource()).publish();
        assertThat(jobs.find("job-v").orElseThrow().runningForClients()).isFalse();
        sql.execute("DELETE FROM epcis_outbox WHERE capture_id = 'job-v'");
    }

    @Test
    void finishingRecordsTheOutcomeOnce() throws IOException {
        submit("job-2", CaptureErrorBehaviour.PROCEED, DOCUMENT, "n/1", Duration.ofMinutes(1));

        assertThat(jobs.finish("job-2", CaptureJobState.FAILED, 3, 2, "[{\"type\":\"x\"}]")).isTrue();
        assertThat(jobs.finish("job-2", CaptureJobState.SUCCESS, 4, 4, null)).as("second finish").isFalse();

        CaptureJob job = jobs.find("job-2").orElseThrow();
        assertThat(job).extracting(CaptureJob::state, CaptureJob::eventCount, CaptureJob::eventsStored,
                        CaptureJob::errorsJson)
                .containsExactly(CaptureJobState.FAILED, 3, 2, "[{\"type\":\"x\"}]");
        assertThat(job.finishedAt()).isNotNull();
        jobs.dropDocument("job-2");
        assertThat(sql.one("SELECT COUNT(*) FROM capture_job_chunk WHERE capture_id = 'job-2'")).isEqualTo("0");
        assertThatThrownBy(() -> jobs.finish("job-2", CaptureJobState.RUNNING, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a job finishes as SUCCESS or FAILED, not RUNNING");
    }

    @Test
    void aJobWhoseLeaseRanOutOrWhoseRunDiedIsFoundAndTakenOver() throws Exception {
        submit("job-live", CaptureErrorBehaviour.ROLLBACK, DOCUMENT, "other-node/run-1", Duration.ofMinutes(1));
        submit("job-dead", CaptureErrorBehaviour.ROLLBACK, "{}".getBytes(StandardCharsets.UTF_8),
                "other-node/run-2", Duration.ofMillis(20));
        submit("job-mine", CaptureErrorBehaviour.ROLLBACK, "[]".getBytes(StandardCharsets.UTF_8),
                "this-node/old-run", Duration.ofMinutes(1));
        Thread.sleep(50);

        assertThat(jobs.abandoned("this-node/", "this-node/new-run", 10))
                .containsExactlyInAnyOrder("job-dead", "job-mine");
        assertThat(jobs.claim("job-live", "this-node/new-run", "this-node/", Duration.ofMinutes(1))).isFalse();
        assertThat(jobs.claim("job-dead", "this-node/new-run", "this-node/", Duration.ofMinutes(1))).isTrue();
        assertThat(jobs.claim("job-mine", "this-node/new-run", "this-node/", Duration.ofMinutes(1))).isTrue();
        assertThat(jobs.abandoned("this-node/", "this-node/new-run", 10)).isEmpty();
        jobs.finish("job-dead", CaptureJobState.SUCCESS, 0, 0, null);
        assertThat(jobs.claim("job-dead", "this-node/new-run", "this-node/", Duration.ofMinutes(1)))
                .as("finished jobs are not claimed").isFalse();
    }

    @Test
    void sweepingRemovesUploadsWhoseReceiverDied() throws Exception {
        CaptureJobs.DocumentUpload upload = jobs.receive("job-lost", ORG, CaptureErrorBehaviour.ROLLBACK, JSON_LD,
                "n/1", Duration.ofMillis(20));
        upload.write(DOCUMENT);
        upload.close();
        Thread.sleep(50);

        assertThat(jobs.sweep()).isEqualTo(1);
        assertThat(sql.one("SELECT COUNT(*) FROM capture_job WHERE capture_id = 'job-lost'")).isEqualTo("0");
        assertThat(sql.one("SELECT COUNT(*) FROM capture_job_chunk WHERE capture_id = 'job-lost'")).isEqualTo("0");
    }

    @Test
    void anOrganisationSeesOnlyItsOwnJobsAndItsDocumentsAreNotDeduplicatedAgainstAnothers() throws IOException {
        submit("job-a", CaptureErrorBehaviour.ROLLBACK, DOCUMENT, "n/1", Duration.ofMinutes(1));
        CaptureJobs.DocumentUpload other = jobs.receive("job-b", "org-b", CaptureErrorBehaviour.ROLLBACK, JSON_LD,
                "n/1", Duration.ofMinutes(1));
        other.write(DOCUMENT);
        other.close();
        assertThat(jobs.submit("job-b", other)).as("org-b's copy is a job of its own").isEmpty();

        Caller a = new Caller("a", ORG, Set.of(Caller.Role.CAPTURE), Set.of());
        Caller b = new Caller("b", "org-b", Set.of(Caller.Role.QUERY), Set.of());
        assertThat(jobs.list(a, null, 10)).extracting(CaptureJob::captureId).containsExactly("job-a");
        assertThat(jobs.list(b, null, 10)).extracting(CaptureJob::captureId).containsExactly("job-b");
        assertThat(jobs.list(REGULATOR, null, 10)).hasSize(2);
        assertThat(jobs.find("job-b", a)).isEmpty();
        assertThat(jobs.find("job-a", a)).map(CaptureJob::organisation).contains(ORG);
        assertThat(jobs.find("job-a", REGULATOR)).isPresent();
    }

    @Test
    void jobsAreListedNewestFirstInPages() throws Exception {
        for (int i = 0; i < 5; i++) {
            submit("job-" + i, CaptureErrorBehaviour.ROLLBACK, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                    "n/1", Duration.ofMinutes(1));
            Thread.sleep(2);
        }
        List<CaptureJob> first = jobs.list(REGULATOR, null, 2);
        List<CaptureJob> second = jobs.list(REGULATOR, first.get(1), 2);
        List<CaptureJob> third = jobs.list(REGULATOR, second.get(1), 2);
        assertThat(first).extracting(CaptureJob::captureId).containsExactly("job-4", "job-3");
        assertThat(second).extracting(CaptureJob::captureId).containsExactly("job-2", "job-1");
        assertThat(third).extracting(CaptureJob::captureId).containsExactly("job-0");
    }

    @Test
    void eventsOfAJobAreFoundByItsCaptureId() throws IOException {
        submit("job-3", CaptureErrorBehaviour.ROLLBACK, DOCUMENT, "n/1", Duration.ofMinutes(1));
        assertThat(jobs.hasStoredEvents("job-3")).isFalse();

        EventStore.of(database.dataSource()).store(List.of(FullEvents.objectEvent("urn:uuid:j")),
                CaptureContext.capture("job-3", "org-a", FullEvents.NAMESPACES));

        assertThat(jobs.hasStoredEvents("job-3")).isTrue();
        assertThat(jobs.hasStoredEvents("job-4")).isFalse();
    }
}
