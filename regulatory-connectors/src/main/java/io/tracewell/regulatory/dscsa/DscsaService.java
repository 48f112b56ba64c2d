package io.tracewell.regulatory.dscsa;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the DSCSA connector on a thread of its own: it collects new shipments from the outbox and sends due
 * deliveries when woken by a commit ({@link #wake}) and every interval otherwise (other nodes' commits, retries).
 * Errors are logged and the next round tries again; deliveries keep their state in the database.
 */
public final class DscsaService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DscsaService.class);
    private static final int BATCH = 100;

    private final DscsaConnector connector;
    private final io.tracewell.regulatory.as2.As2Receiver receiver;
    private final Duration interval;
    private final LinkedBlockingQueue<Boolean> wakeUps = new LinkedBlockingQueue<>(1);
    private final Thread thread;
    private volatile boolean stopped;

    public DscsaService(DscsaConnector connector, Duration interval) {
        this(connector, null, interval);
    }

    /**
     * @param receiver the AS2 receiver of partners' documents, or null; its hand-ons that failed are tried again
     *                 each round, and it is closed with the service
     */
    public DscsaService(DscsaConnector connector, io.tracewell.regulatory.as2.As2Receiver receiver,
                        Duration interval) {
        this.receiver = receiver;
        this.connector = Objects.requireNonNull(connector, "connector");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.thread = new Thread(this::run, "dscsa-connector");
        this.thread.setDaemon(true);
    }

    public DscsaService start() {
        thread.start();
        return this;
    }

    /** Events were committed: look for shipments now. */
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
                if (receiver != null) {
                    receiver.retryHandOns(BATCH);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("the DSCSA connector's round failed, tried again in {}: {}", interval, e.toString());
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        if (receiver != null) {
            receiver.close();
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
