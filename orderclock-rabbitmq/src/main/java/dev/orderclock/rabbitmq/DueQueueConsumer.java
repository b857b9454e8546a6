package dev.orderclock.rabbitmq;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every node consumes the due queue as competing consumers. A message carries many deadlines of one
 * source; the consumer hands its due deadlines to the engine's firing, the one firing loop of the node
 * (its workers batch them with the wheel's, up to the engine's batch size, and retry a failed
 * transaction by the engine's rule), and acks the message once every due deadline it carried has
 * been fired in a committed transaction ({@link DueDeliveries}). Until then the message is unacked,
 * so a node that dies meanwhile leaves it to another. A deadline still a little early is handed to
 * the engine's wheel: no consumer thread waits on a clock, and if the node dies before it fires, the
 * sweeper closes it.
 */
public final class DueQueueConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DueQueueConsumer.class);
    /** How long the acking thread waits for a settled delivery before it looks whether it should stop. */
    private static final Duration ACK_WAIT = Duration.ofMillis(100);

    private final Connection connection;
    private final RabbitDelayTiers tiers;
    private final Map<String, DeadlineSource> sources;
    private final DeadlineEngine engine;
    private final InstantSource clock;
    private final Settings settings;
    private final List<Worker> workers = new ArrayList<>();
    private volatile boolean running;

    public static final int DEFAULT_CONSUMERS = 2;
    /**
     * Messages in flight per consumer. A message holds up to 500 deadlines, so 4 keep 2,000 ready
     * while a batch commits, and a node that dies hands back at most consumers x 4 messages.
     */
    public static final int DEFAULT_PREFETCH = 4;

    /**
     * How many consumers (channels, each with its acking thread) and the prefetch of each in
     * messages. How many ids go in one closing transaction, and how a failed one is retried, are the
     * engine's.
     */
    public record Settings(int consumers, int prefetch) {}

    public DueQueueConsumer(
            Connection connection,
            RabbitDelayTiers tiers,
            List<DeadlineSource> sources,
            DeadlineEngine engine,
            InstantSource clock,
            Settings settings) {
        this.connection = connection;
        this.tiers = tiers;
        this.sources = sources.stream().collect(Collectors.toMap(DeadlineSource::name, Function.identity()));
        this.engine = engine;
        this.clock = clock;
        this.settings = settings;
    }

    public synchronized void start() throws IOException {
        if (running) {
            return;
        }
        running = true;
        for (int i = 1; i <= settings.consumers(); i++) {
            Worker worker = new Worker(connection.createChannel());
            workers.add(worker);
            // The consumer is registered on a recovering channel: after a reconnection it consumes again.
            worker.channel.basicQos(settings.prefetch());
            worker.channel.basicConsume(tiers.dueQueue(), false, worker.consumer());
            Thread thread = new Thread(worker, "orderclock-due-" + i);
            thread.setDaemon(true);
            worker.thread = thread;
            thread.start();
        }
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        for (Worker worker : workers) {
            try {
                worker.thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                // Unacked deliveries go back to the queue for the other nodes.
                worker.channel.abort();
            } catch (IOException | RuntimeException e) {
                log.debug("closing a due-queue channel failed", e);
            }
        }
        workers.clear();
    }

    @Override
    public void close() {
        stop();
    }

    /** One channel and the thread that acks what it delivered, once the engine has fired it. */
    private final class Worker implements Runnable, DueDeliveries.Acks {
        private final Channel channel;
        private final DueDeliveries deliveries = new DueDeliveries(sources, engine, clock);
        private Thread thread;

        Worker(Channel channel) {
            this.channel = channel;
        }

        DefaultConsumer consumer() {
            return new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(
                        String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    deliveries.delivered(envelope.getDeliveryTag(), new Delivery(envelope, properties, body));
                }
            };
        }

        @Override
        public void run() {
            while (running) {
                try {
                    deliveries.acknowledge(this, ACK_WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (IOException | RuntimeException e) {
                    // The channel is closed: the broker delivers its unacked messages again, and firing
                    // them again changes nothing.
                    log.warn("due-queue messages not acked, the broker will deliver them again: {}", e.toString());
                }
            }
        }

        @Override
        public void ack(long tag) throws IOException {
            channel.basicAck(tag, false);
        }

        @Override
        public void requeue(long tag) throws IOException {
            channel.basicNack(tag, false, true);
        }
    }
}
