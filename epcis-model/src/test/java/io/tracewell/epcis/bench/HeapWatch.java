package io.tracewell.epcis.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures heap use over a piece of work: the peak of each heap pool (from {@link MemoryPoolMXBean}, summed: an
 * upper bound of the heap in use at any one time), the largest heap left after a collection (what the work
 * really kept alive), and the number and time of collections.
 */
final class HeapWatch implements AutoCloseable {

    record Result(long peakPoolSumBytes, long maxAfterGcBytes, long collections, long collectionMillis,
                  long maxHeapBytes) {
    }

    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final NotificationListener listener = this::onNotification;
    private final long collectionsBefore;
    private final long collectionMillisBefore;

    HeapWatch() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                heapPools.add(pool);
            }
        }
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
        collectionsBefore = count;
        collectionMillisBefore = millis;
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        // The after-GC map also lists non-heap pools (metaspace, code cache): count the heap pools only.
        long used = 0;
        for (Map.Entry<String, MemoryUsage> entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeapPool(entry.getKey())) {
                used += entry.getValue().getUsed();
            }
        }
        maxAfterGc.accumulateAndGet(used, Math::max);
    }

    private boolean isHeapPool(String name) {
        for (MemoryPoolMXBean pool : heapPools) {
            if (pool.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    Result result() {
        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            peak += pool.getPeakUsage().getUsed();
        }
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new Result(peak, maxAfterGc.get(), count - collectionsBefore, millis - collectionMillisBefore,
                Runtime.getRuntime().maxMemory());
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean gc : collectors) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // never added
                }
            }
        }
    }
}
