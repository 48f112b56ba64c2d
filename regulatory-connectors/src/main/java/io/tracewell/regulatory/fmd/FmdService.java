package io.tracewell.regulatory.fmd;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the FMD connector on a thread of its own: it collects from the outbox and sends due deliveries when woken by a
 * commit ({@link #wake}) and every interval otherwise (other nodes' commits, retries). Errors are logged and the next
 * round tries again; deliveries keep their state in the database.
 */
public final class FmdService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FmdService.class);
    private static final int BATCH = 100;

    private final FmdConnector connector;
    private final Duration interval;
    private final LinkedBlockingQueue<Boolean> wakeUps = new LinkedBlockingQueue<>(1);
    private final Thread thread;
    private volatile boolean stopped;

    public FmdService(FmdConnector connector, Duration interval) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.thread = new Thread(this::run, "fmd-connector");
        this.thread.setDaemon(true);
    }

    public FmdService start() {
        thread.start();
        return this;
    }

    /** Events were committed: look at them now. */
    public void wake() {
        wakeUps.offer(Boolean.TRUE);
    }

    private void run() {
        while (!stopped) {
            try {
                wakeUps.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
                if (stopped) {
                    return;
                }
                while (connector.collect(BATCH) > 0 || connector.sendDue(BATCH) == BATCH) {
                    if (stopped) {
                        return;
                    }
                }
                connector.sendDue(BATCH);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("the FMD connector's round failed, tried again in {}: {}", interval, e.toString());
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
