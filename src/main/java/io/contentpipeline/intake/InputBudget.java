package io.contentpipeline.intake;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.ToLongFunction;

/**
 * Bounds the bytes of inputs being worked on at once, articles and returns alike. The memory an
 * input takes while it is processed grows with its size (its text, page, segments and drafts are
 * held together; a return's merged text, review and page too), so every worker taking a large file
 * at the same moment could exhaust the heap. An input waits until its bytes fit in the budget; one
 * larger than the whole budget runs alone. Taken in each file consumer's order, before the
 * workers and before any lock, so that an input never holds budget while it waits for an earlier
 * version of its slug that has none. (Returns used to be outside it: a 30 MB XLIFF return was
 * worked on beside a full budget of articles.)
 */
public final class InputBudget {

    private final long capacity;
    private final ToLongFunction<Path> sizeLimit;
    private long inUse;
    /** The inputs waiting for room, in the order they came. */
    private final Deque<Object> waiting = new ArrayDeque<>();

    /**
     * @param capacity  bytes of input processed at once
     * @param sizeLimit the size over which a file is rejected unread, so counts for nothing
     *                  ({@link InboxFiles#sizeLimit}: XLIFF files and returns have limits of their own)
     */
    public InputBudget(long capacity, ToLongFunction<Path> sizeLimit) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("the input budget must be positive, not " + capacity);
        }
        this.capacity = capacity;
        this.sizeLimit = sizeLimit;
    }

    /**
     * A sixty-fourth of the heap (8 MB of a 512 MB heap): a large article takes twenty to thirty
     * times its size while it is worked on (its page as a jsoup tree above all), and sixteen
     * 5 MB articles at 6 at a time still ran a 512 MB heap out of memory.
     */
    public static long forHeap(long maxHeapBytes) {
        return Math.max(1, maxHeapBytes / 64);
    }

    /** Route step: waits for room for this file's bytes, given back when the exchange completes. */
    public void acquire(Exchange exchange) throws InterruptedException {
        long size = exchange.getIn().getHeader(Exchange.FILE_LENGTH, 0L, Long.class);
        String path = exchange.getIn().getHeader(Exchange.FILE_PATH, "", String.class);
        // A return or XLIFF file over pipeline.max-file-bytes but within its own limit is read, so it counts.
        long charge = size > sizeLimit.applyAsLong(Path.of(path)) ? 0 : Math.min(size, capacity);
        synchronized (this) {
            // First come, first served across both consumers: a large return waiting for the
            // room it needs is not overtaken by every small article that still fits (a steady
            // import kept it waiting until the inbox was empty). A file that counts for nothing
            // waits for no one.
            Object turn = new Object();
            if (charge > 0) {
                waiting.addLast(turn);
            }
            try {
                while (charge > 0 && (waiting.peekFirst() != turn || inUse > 0 && inUse + charge > capacity)) {
                    wait();
                }
                inUse += charge;
            } finally {
                waiting.remove(turn);
                // The next in line may fit now, or may be first now that this one gave up (interrupted).
                notifyAll();
            }
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                release(charge);
            }
        });
    }

    synchronized long inUse() {
        return inUse;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private synchronized void release(long charge) {
        inUse -= charge;
        notifyAll();
    }
}
