package io.tracewell.regulatory.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a regulatory connector (DSCSA, EU FMD) on a thread of its own: it collects new work from the outbox and sends
 * due deliveries when woken by a commit ({@link #wake}) and every interval otherwise (other nodes' commits,
 * retries). Errors are logged and the next round tries again; deliveries keep their state in the database.
 */
public final class ConnectorService implements AutoCloseable {

    /** What a connector does each round. */
    public interface Connector {
        /** Turns up to {@code limit} new outbox rows into deliveries; returns how many rows it handled. */
        int collect(int limit);

        /** Sends up to {@code limit} due deliveries; returns how many it attempted. */
        int sendDue(int limit);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorService.class);
    private static final int BATCH = 100;

    private final String name;
    private final Connector connector;
    private final Runnable eachRound;
    private final AutoCloseable closedWith;
    private final Duration interval;
    private final LinkedBlockingQueue<Boolean> wakeUps = new LinkedBlockingQueue<>(1);
    private final Thread thread;
    private volatile boolean stopped;

    public ConnectorService(String name, Connector connector, Duration interval) {
        this(name, connector, interval, () -> { }, () -> { });
    }

    /**
     * @param name       the connector's name, for its thread and the log, e.g. {@code dscsa}
     * @param eachRound  more work of the connector's, done after each round (e.g. AS2 hand-ons to try again)
     * @param closedWith closed after the service has stopped (e.g. the connector's AS2 receiver)
     */
    public ConnectorService(String name, Connector connector, Duration interval, Runnable eachRound,
                            AutoCloseable closedWith) {
        this.name = Objects.requireNonNull(name, "name");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.eachRound = Objects.requireNonNull(eachRound, "eachRound");
        this.closedWith = Objects.requireNonNull(closedWith, "closedWith");
        this.thread = new Thread(this::run, name + "-connector");
        this.thread.setDaemon(true);
    }

    public ConnectorService start() {
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
                eachRound.run();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("a round of the {} connector failed, tried again in {}: {}", name, interval, e.toString());
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
        try {
            closedWith.close();
        } catch (Exception e) {
            LOG.warn("closing what the {} connector used failed: {}", name, e.toString());
        }
    }
}
