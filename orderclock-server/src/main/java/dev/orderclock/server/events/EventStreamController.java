package dev.orderclock.server.events;

import dev.orderclock.outbox.EventStream;
import dev.orderclock.outbox.Subscriber;
import dev.orderclock.server.order.JacksonOrderEventFormat;
import dev.orderclock.web.identity.Caller;
import dev.orderclock.web.problem.ProblemException;
import dev.orderclock.web.problem.ProblemType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/events} (operator): the order events as server-sent events, {@code id} the outbox
 * sequence number, {@code event} the type ({@code order.closed}), {@code data} the body of docs/API.md's
 * Events ({@code OrderEvent} in {@code /v3/api-docs}). It starts with the latest few, or with what was
 * missed after {@code Last-Event-ID}.
 */
@Tag(name = "operations")
@RestController
class EventStreamController {

    private final EventStream stream;

    EventStreamController(EventStream stream) {
        this.stream = stream;
    }

    @Operation(
            summary = "Order events, as server-sent events",
            description = "The operator. id: the outbox sequence"
                    + " number (send it back as Last-Event-ID); event: the type; data: the event body.")
    @ApiResponse(
            responseCode = "200",
            description = "the stream; each data is one event body",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(implementation = JacksonOrderEventFormat.EventBody.class)))
    @ApiResponse(responseCode = "503", description = "unavailable: too many event streams are open")
    @GetMapping("/api/events")
    SseEmitter events(
            Caller.Operator operator, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        SseEmitter emitter = new SseEmitter(0L); // no time limit: heartbeats find the clients that left
        try {
            Subscriber subscriber = stream.subscribe(new SseEventSink(emitter), parse(lastEventId));
            emitter.onCompletion(subscriber::close);
            emitter.onTimeout(subscriber::close);
            emitter.onError(e -> subscriber.close());
        } catch (EventStream.TooManySubscribers e) {
            throw new ProblemException(
                    ProblemType.UNAVAILABLE,
                    "too many event streams are open (" + EventStream.MAX_SUBSCRIBERS + "); close one and try again");
        }
        return emitter;
    }

    /** A Last-Event-ID this server did not write is ignored: the stream starts as for a new client. */
    private static Long parse(String lastEventId) {
        if (lastEventId == null || !lastEventId.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(lastEventId);
    }
}
