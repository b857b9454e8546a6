package dev.orderclock.boot.rabbitmq;

import dev.orderclock.rabbitmq.DueQueueConsumer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Consumes the due queue once the context is refreshed (the handlers and the engine, which takes
 * near-due deadlines onto its wheel, are ready), and stops before the engine does (it depends on
 * it): unacknowledged messages go back to the queue for the other nodes.
 */
final class DueQueueStarter implements ApplicationListener<ContextRefreshedEvent>, DisposableBean {

    private final DueQueueConsumer consumer;

    DueQueueStarter(DueQueueConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        try {
            // Does nothing once running: a child context's refresh reaches this listener too.
            consumer.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not consume orderclock's due queue", e);
        }
    }

    @Override
    public void destroy() {
        consumer.stop();
    }
}
