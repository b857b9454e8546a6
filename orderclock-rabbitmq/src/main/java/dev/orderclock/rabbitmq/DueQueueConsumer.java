package dev.orderclock.rabbitmq;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.deadline.Fired;
import dev.orderclock.deadline.LongBatcher;

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
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every node consumes the due queue as competing consumers. A message carries many deadlines of one
 * source. Each consumer's thread takes the messages that have arrived (up to its prefetch), fires
 * their due deadlines in one transaction per source and {@code batchSize} ids, and acks the messages
 * with {@code multiple} once every transaction committed; a failed transaction is retried with
 * back-off, unacked, so a node that dies meanwhile leaves its messages to another. A deadline still a
 * little early is handed to the engine's wheel: no consumer thread waits on a clock, and if the node
 * dies before it fires, the sweeper closes it.
 */
public final class DueQueueConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DueQueueConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final Connection connection;
    private final RabbitDelayTiers tiers;
    private final Map<String, DeadlineSource> sources;
    private final DeadlineEngine engine;
    private final EngineListener listener;
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

    public static final int DEFAULT_BATCH_SIZE = 500;

    /**
     * How many consumers (channels and threads), the prefetch of each in messages (and the most one
     * step takes), and the most ids per closing transaction.
     */
    public record Settings(int consumers, int prefetch, int batchSize, Duration retryDelay) {}

    public DueQueueConsumer(
            Connection connection,
            RabbitDelayTiers tiers,
            List<DeadlineSource> sources,
            DeadlineEngine engine,
            EngineListener listener,
            InstantSource clock,
            Settings settings) {
        this.connection = connection;
        this.tiers = tiers;
        this.sources = sources.stream().collect(Collectors.toMap(DeadlineSource::name, Function.identity()));
        this.engine = engine;
        this.listener = listener;
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

    private record Arrival(long tag, Delivery delivery) {}

    /**
     * The due ids of one source in one step, cut into transactions of at most the batch size. They
     * are fired only once the step has read every message: firing waits and may be interrupted.
     */
    private record DueBatches(LongBatcher ids, List<long[]> batches) {
        static DueBatches ofSize(int batchSize) {
            List<long[]> batches = new ArrayList<>();
            return new DueBatches(new LongBatcher(batchSize, batches::add), batches);
        }

        List<long[]> all() {
            ids.flush();
            return batches;
        }
    }

    /** One channel and the thread that fires and acks what it delivers. */
    private final class Worker implements Runnable {
        private final Channel channel;
        private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        private Thread thread;

        Worker(Channel channel) {
            this.channel = channel;
        }

        DefaultConsumer consumer() {
            return new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(
                        String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    arrivals.add(new Arrival(envelope.getDeliveryTag(), new Delivery(envelope, properties, body)));
                }
            };
        }

        @Override
        public void run() {
            List<Arrival> batch = new ArrayList<>(settings.prefetch());
            while (running) {
                try {
                    Arrival first = arrivals.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    arrivals.drainTo(batch, settings.prefetch() - 1);
                    handle(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (IOException | RuntimeException e) {
                    // The ack failed (channel closed): the broker redelivers, and firing again changes nothing.
                    log.warn(
                            "{} due-queue messages not acked, the broker will deliver them again: {}",
                            batch.size(),
                            e.toString());
                } finally {
                    batch.clear();
                }
            }
        }

        private void handle(List<Arrival> batch) throws IOException, InterruptedException {
            long now = clock.millis();
            Map<DeadlineSource, DueBatches> due = new LinkedHashMap<>();
            for (Arrival arrival : batch) {
                DelayMessage message;
                try {
                    message = DelayMessage.from(arrival.delivery());
                } catch (IllegalArgumentException e) {
                    log.warn("dropping a message on the due queue that is not a deadline: {}", e.getMessage());
                    continue;
                }
                DeadlineSource source = sources.get(message.source());
                if (source == null) {
                    log.warn("dropping {} deadlines of unknown source {}", message.size(), message.source());
                    continue;
                }
                for (int i = 0; i < message.size(); i++) {
                    if (message.dueMillis()[i] > now) {
                        engine.retryAt(source, message.ids()[i], Instant.ofEpochMilli(message.dueMillis()[i]));
                    } else {
                        due.computeIfAbsent(source, s -> DueBatches.ofSize(settings.batchSize()))
                                .ids()
                                .accept(message.ids()[i]);
                    }
                }
            }
            for (Map.Entry<DeadlineSource, DueBatches> entry : due.entrySet()) {
                for (long[] ids : entry.getValue().all()) {
                    fireUntilCommitted(entry.getKey(), ids);
                }
            }
            channel.basicAck(batch.get(batch.size() - 1).tag(), true);
        }

        private void fireUntilCommitted(DeadlineSource source, long[] ids) throws InterruptedException {
            long backoff = settings.retryDelay().toMillis();
            while (true) {
                try {
                    List<Fired> fired = source.fire(ids, clock);
                    notifyQuietly(source, fired);
                    return;
                } catch (RuntimeException e) {
                    listener.onFireFailed(source, ids.length, e);
                    if (!running) {
                        throw new IllegalStateException("stopping with an unfired batch; it stays unacked", e);
                    }
                    log.warn(
                            "firing {} due deadlines of {} failed, trying again in {} ms: {}",
                            ids.length,
                            source.name(),
                            backoff,
                            e.toString());
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
                }
            }
        }

        private void notifyQuietly(DeadlineSource source, List<Fired> fired) {
            try {
                listener.onFired(source, fired, false);
            } catch (RuntimeException e) {
                log.warn("engine listener failed on {} fired deadlines: {}", fired.size(), e.toString());
            }
        }
    }
}
