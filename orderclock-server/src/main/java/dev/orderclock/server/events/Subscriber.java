package dev.orderclock.server.events;

import dev.orderclock.outbox.OutboxEvent;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open {@code GET /api/events} response. The poller hands it events without ever waiting: they
 * queue (bounded) and the subscriber's own thread writes them out, so a slow or stalled browser
 * loses events (and is told how many) instead of holding up the others.
 */
final class Subscriber {

    static final int QUEUE = 2_000;

    private final SseEmitter emitter;
    private final Runnable onClose;
    private final BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Long lastEventId;
    private final Thread sender;
    private volatile boolean closed;

    Subscriber(SseEmitter emitter, Long lastEventId, String name, Runnable onClose) {
        this.emitter = emitter;
        this.lastEventId = lastEventId;
        this.onClose = onClose;
        this.sender = new Thread(this::sendLoop, name);
        this.sender.setDaemon(true);
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(e -> close());
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

    /** Ends the response (shutdown, or the client went away); safe to call more than once. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        sender.interrupt();
        onClose.run();
        try {
            emitter.complete();
        } catch (RuntimeException ignored) {
            // already completed by the container
        }
    }

    private void sendLoop() {
        try {
            while (!closed) {
                Outgoing next = queue.take();
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    emitter.send(new Outgoing.Skipped(lost).toSse());
                }
                emitter.send(next.toSse());
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

        SseEmitter.SseEventBuilder toSse();

        record Event(OutboxEvent event) implements Outgoing {
            @Override
            public SseEmitter.SseEventBuilder toSse() {
                return SseEmitter.event()
                        .id(Long.toString(event.seq()))
                        .name(event.type())
                        .data(event.payload());
            }
        }

        /** Events this client will not see: it fell behind, or the stream sampled a burst. */
        record Skipped(long count) implements Outgoing {
            @Override
            public SseEmitter.SseEventBuilder toSse() {
                return SseEmitter.event().name("skipped").data("{\"skipped\":" + count + "}");
            }
        }

        /** A comment line: keeps proxies from closing an idle stream and finds clients that left. */
        record Heartbeat() implements Outgoing {
            @Override
            public SseEmitter.SseEventBuilder toSse() {
                return SseEmitter.event().comment("keep-alive");
            }
        }
    }
}
