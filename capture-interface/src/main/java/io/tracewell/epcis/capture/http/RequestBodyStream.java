package io.tracewell.epcis.capture.http;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body as a blocking {@link InputStream} for a worker thread, with back-pressure: the request is
 * paused while more than {@link #HIGH_WATER} bytes wait to be read, so a document of gigabytes passes through
 * a few megabytes of memory. Must be created on the request's event loop, before the body starts.
 */
final class RequestBodyStream extends InputStream {

    static final long HIGH_WATER = 4L * 1024 * 1024;
    private static final long LOW_WATER = 1024 * 1024;
    private static final Buffer END = Buffer.buffer(0);

    private final HttpServerRequest request;
    private final Context context;
    private final LinkedBlockingQueue<Buffer> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final long idleTimeoutMillis;
    private volatile Throwable failure;
    private Buffer current;
    private int position;
    private boolean ended;

    RequestBodyStream(HttpServerRequest request, Context context, long idleTimeoutMillis) {
        this.request = request;
        this.context = context;
        this.idleTimeoutMillis = idleTimeoutMillis;
        request.handler(this::offer);
        request.endHandler(v -> queue.add(END));
        request.exceptionHandler(e -> {
            failure = e;
            queue.add(END);
        });
    }

    private void offer(Buffer buffer) {
        queue.add(buffer);
        if (queued.addAndGet(buffer.length()) > HIGH_WATER && paused.compareAndSet(false, true)) {
            request.pause();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (current == null || position >= current.length()) {
            if (ended) {
                return -1;
            }
            Buffer next;
            try {
                next = queue.poll(idleTimeoutMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("reading the request body was interrupted");
            }
            if (next == null) {
                throw new IOException("the client sent nothing for " + idleTimeoutMillis / 1000 + " s");
            }
            if (next == END) {
                ended = true;
                if (failure != null) {
                    throw new IOException("the request body could not be read: " + failure.getMessage(), failure);
                }
                return -1;
            }
            current = next;
            position = 0;
            if (queued.addAndGet(-next.length()) < LOW_WATER && paused.compareAndSet(true, false)) {
                context.runOnContext(v -> request.resume());
            }
        }
        int n = Math.min(length, current.length() - position);
        current.getBytes(position, position + n, bytes, offset);
        position += n;
        return n;
    }

    /** Reads and drops the rest of the body (so the connection can answer), without holding it. */
    void drain() {
        if (paused.compareAndSet(true, false)) {
            context.runOnContext(v -> request.resume());
        }
        context.runOnContext(v -> {
            if (!request.isEnded()) {
                request.handler(b -> { });
            }
        });
        queue.clear();
    }
}
