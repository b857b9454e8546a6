package dev.orderclock.outbox;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open subscription of an {@link EventStream}. The poller hands it events without ever waiting:
 * they queue (bounded) and the subscriber's own thread writes them to its {@link EventSink}, so a slow
 * or stalled client loses events (and is told how many) instead of holding up the others.
 */
public final class Subscriber {

    static final int QUEUE = 2_000;

    private final EventSink sink;
    private final Runnable onClose;
    private final BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Long lastEventId;
    private final Thread sender;
    private volatile boolean closed;

    Subscriber(EventSink sink, Long lastEventId, String name, Runnable onClose) {
        this.sink = sink;
        this.lastEventId = lastEventId;
        this.onClose = onClose;
        this.sender = new Thread(this::sendLoop, name);
        this.sender.setDaemon(true);
    }

    /** The {@code Last-Event-ID} the client sent when it reconnected, or null. */
    Long lastEventId() {
        return lastEventId;
    }

    void start() {
        sender.start();
    }

    void offer(List<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            offer(new Outgoing.Event(event));
        }
    }

    void offer(Outgoing outgoing) {
        if (!closed && !queue.offer(outgoing)) {
            dropped.incrementAndGet();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Ends the subscription (shutdown, or the client went away); safe to call more than once. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sender.interrupt();
        onClose.run();
        sink.end();
    }

    private void sendLoop() {
        try {
            while (!closed) {
                Outgoing next = queue.take();
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    sink.skipped(lost);
                }
                next.sendTo(sink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // The client went away (or the response was completed): nothing to tell anyone.
        } finally {
            close();
        }
    }

    /** What goes down the stream: an event, a note that some were skipped, or a heartbeat. */
    sealed interface Outgoing {

        void sendTo(EventSink sink) throws IOException;

        record Event(OutboxEvent event) implements Outgoing {
            @Override
            public void sendTo(EventSink sink) throws IOException {
                sink.event(event);
            }
        }

        record Skipped(long count) implements Outgoing {
            @Override
            public void sendTo(EventSink sink) throws IOException {
                sink.skipped(count);
            }
        }

        record Heartbeat() implements Outgoing {
            @Override
            public void sendTo(EventSink sink) throws IOException {
                sink.heartbeat();
            }
        }
    }
}
