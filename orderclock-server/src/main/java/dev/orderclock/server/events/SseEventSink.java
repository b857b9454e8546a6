package dev.orderclock.server.events;

import dev.orderclock.outbox.EventSink;
import dev.orderclock.outbox.OutboxEvent;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;

/**
 * One {@code GET /api/events} response: {@code id} the outbox sequence number, {@code event} the type,
 * {@code data} the stored body; {@code event: skipped} with {@code {"skipped":n}}; a comment line as
 * the heartbeat.
 */
final class SseEventSink implements EventSink {

    private final SseEmitter emitter;

    SseEventSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void event(OutboxEvent event) throws IOException {
        emitter.send(SseEmitter.event()
                .id(Long.toString(event.seq()))
                .name(event.type())
                .data(event.payload()));
    }

    @Override
    public void skipped(long count) throws IOException {
        emitter.send(SseEmitter.event().name("skipped").data("{\"skipped\":" + count + "}"));
    }

    @Override
    public void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("keep-alive"));
    }

    @Override
    public void end() {
        try {
            emitter.complete();
        } catch (RuntimeException ignored) {
            // already completed by the container
        }
    }
}
