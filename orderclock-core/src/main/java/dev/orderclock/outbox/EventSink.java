package dev.orderclock.outbox;

import java.io.IOException;

/**
 * Where one {@link EventStream} subscriber's events are written, a server-sent-events response for
 * instance. Only the subscriber's own sending thread calls it, so a slow client holds up nobody else;
 * a method that throws ends the subscription (the client went away).
 */
public interface EventSink {

    /** One event of the outbox. */
    void event(OutboxEvent event) throws IOException;

    /** Events this client will not see: it fell behind, or the stream sampled a burst. */
    void skipped(long count) throws IOException;

    /** Nothing to say: keeps proxies from closing an idle stream and finds clients that left. */
    void heartbeat() throws IOException;

    /** Ends the stream; called once, from any thread, possibly after the client already went away. */
    void end();
}
