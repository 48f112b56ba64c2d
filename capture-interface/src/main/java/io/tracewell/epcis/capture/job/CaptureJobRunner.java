package io.tracewell.epcis.capture.job;

import io.tracewell.epcis.capture.problem.EpcisExceptionType;
import io.tracewell.epcis.format.SourceLocation;
import io.tracewell.epcis.store.job.CaptureJob;
import io.tracewell.epcis.store.job.CaptureJobState;
import io.tracewell.epcis.store.job.CaptureJobs;
import io.tracewell.epcis.store.schema.DatabaseUnavailable;
import io.tracewell.epcis.store.write.EventStore;
import io.tracewell.epcis.store.write.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs capture jobs on a fixed number of worker threads, holds their leases, and picks up jobs nobody works
 * on: those of an earlier run of this node (after a crash or {@code kill -9}, at once) and those of other nodes
 * whose lease ran out. The queue holds job IDs only; the jobs themselves are in the database, so a full queue
 * or a stop loses nothing.
 *
 * <p>The owner of a lease is {@code <nodeId>/<run>}: a new run of the same node recognises its predecessor's
 * jobs as abandoned without waiting for their leases to run out. Two servers sharing a database need
 * different node IDs.
 */
public final class CaptureJobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureJobRunner.class);

    /** How often a job stopped by an unreachable database is tried again. */
    static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(2);

    private final CaptureJobs jobs;
    private final DocumentCapture capture;
    private final String nodePrefix;
    private final String owner;
    private final Duration lease;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    public CaptureJobRunner(CaptureJobs jobs, DocumentCapture capture, String nodeId, int workerCount,
                            Duration lease) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.capture = Objects.requireNonNull(capture, "capture");
        this.nodePrefix = Objects.requireNonNull(nodeId, "nodeId") + "/";
        this.owner = nodePrefix + UUID.randomUUID();
        this.lease = Objects.requireNonNull(lease, "lease");
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "capture-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "capture-leases");
            t.setDaemon(true);
            return t;
        });
    }

    /** Clears leftovers of crashes, resumes abandoned jobs, and starts renewing leases and looking for more. */
    public CaptureJobRunner start() {
        try {
            int removed = jobs.sweep();
            if (removed > 0) {
                LOG.info("removed {} capture upload(s) that never completed", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not clear unfinished capture uploads: {}", e.getMessage());
        }
        long renewMillis = Math.max(100, lease.toMillis() / 3);
        timer.scheduleWithFixedDelay(this::renewLeases, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::resumeAbandoned, 0, Math.max(200, lease.toMillis() / 2),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** The lease owner this runner writes: {@code <nodeId>/<run>}. */
    public String owner() {
        return owner;
    }

    /** The prefix that marks any run of this node. */
    public String nodePrefix() {
        return nodePrefix;
    }

    public Duration lease() {
        return lease;
    }

    /** Queues a submitted job. */
    public void submit(String captureId) {
        if (queued.add(captureId)) {
            workers.execute(() -> run(captureId));
        }
    }

    /** Jobs waiting or being worked on by this node. */
    public int pending() {
        return queued.size();
    }

    private void run(String captureId) {
        boolean retry = false;
        try {
            if (!jobs.claim(captureId, owner, nodePrefix, lease)) {
                return; // finished meanwhile, or another node holds it
            }
            Optional<CaptureJob> job = jobs.find(captureId);
            if (job.isEmpty() || !job.get().running()) {
                return;
            }
            long started = System.nanoTime();
            for (int attempt = 1; ; attempt++) {
                try {
                    capture.process(job.get());
                    break;
                } catch (StoreException e) {
                    // Another transaction collided with this one (two documents with the same events, say):
                    // the job's transaction was rolled back whole, so working the job again is safe.
                    if (!e.isTransient() || attempt == EventStore.TRANSIENT_ATTEMPTS) {
                        throw e;
                    }
                    LOG.info("capture job {} collided with another transaction; attempt {} of {}", captureId,
                            attempt + 1, EventStore.TRANSIENT_ATTEMPTS);
                    EventStore.pause(attempt);
                }
            }
            LOG.info("capture job {} finished in {} ms", captureId, (System.nanoTime() - started) / 1_000_000);
            jobs.dropDocument(captureId);
        } catch (InterruptedException e) {
            LOG.info("capture job {} stopped; it resumes when a node picks it up again", captureId);
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                // Nothing is wrong with the job: its open transaction was rolled back (a proceed job keeps what it
                // committed), and it is worked again once the database answers.
                LOG.warn("capture job {} stopped: the database is unavailable ({}); it is tried again every {} ms",
                        captureId, e.getMessage(), UNAVAILABLE_RETRY.toMillis());
                retry = true;
            } else {
                fail(captureId, e);
            }
        } catch (Error e) {
            fail(captureId, e);
        } finally {
            queued.remove(captureId);
            if (retry) {
                retryLater(captureId);
            }
        }
    }

    /** Submits the job again after {@link #UNAVAILABLE_RETRY}, unless the runner is closing. */
    private void retryLater(String captureId) {
        try {
            timer.schedule(() -> submit(captureId), UNAVAILABLE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.info("capture job {} resumes when a node picks it up again", captureId);
        }
    }

    /** Marks the job failed with the reason, so that its client learns it; when even that fails, it is resumed. */
    private void fail(String captureId, Throwable e) {
        LOG.error("capture job {} failed", captureId, e);
        try {
            String json = CaptureErrors.toJson(List.of(new CaptureError(EpcisExceptionType.IMPLEMENTATION, null,
                    SourceLocation.NONE, "the server could not finish the capture: " + e.getMessage(), null)),
                    0, "/capture/" + captureId);
            if (jobs.finish(captureId, CaptureJobState.FAILED, 0, 0, json)) {
                jobs.dropDocument(captureId);
            }
        } catch (RuntimeException again) {
            LOG.error("capture job {} could not be marked failed; it is resumed later", captureId, again);
        }
    }

    private void renewLeases() {
        try {
            jobs.renew(owner, lease);
        } catch (RuntimeException e) {
            LOG.warn("renewing capture job leases failed: {}", e.getMessage());
        }
    }

    private void resumeAbandoned() {
        try {
            for (String id : jobs.abandoned(nodePrefix, owner, 100)) {
                if (!queued.contains(id)) {
                    LOG.info("resuming capture job {}", id);
                    submit(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("looking for abandoned capture jobs failed: {}", e.getMessage());
        }
    }

    /** Stops taking work and interrupts running jobs (their open transactions roll back; they stay RUNNING). */
    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("capture workers did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
