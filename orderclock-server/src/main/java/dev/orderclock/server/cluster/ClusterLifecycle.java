package dev.orderclock.server.cluster;

import dev.orderclock.rabbitmq.DueQueueConsumer;
import dev.orderclock.rabbitmq.EventRelay;

import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Starts consuming the due queue and relaying events once the engine runs (its wheel takes the near-due
 * messages), and stops both before the engine stops: unacked messages go back to the queue.
 */
final class ClusterLifecycle implements SmartLifecycle {

    private final DueQueueConsumer consumer;
    private final EventRelay relay;
    private volatile boolean running;

    ClusterLifecycle(DueQueueConsumer consumer, EventRelay relay) {
        this.consumer = consumer;
        this.relay = relay;
    }

    @Override
    public void start() {
        try {
            consumer.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not consume the due queue", e);
        }
        relay.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        consumer.stop();
        relay.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Just above the engine's phase ({@code EngineLifecycle.PHASE}): starts after it, stops before it. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096 + 1;

    @Override
    public int getPhase() {
        return PHASE;
    }
}
