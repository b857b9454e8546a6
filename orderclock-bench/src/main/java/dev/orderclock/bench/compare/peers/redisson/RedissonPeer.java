package dev.orderclock.bench.compare.peers.redisson;

import dev.orderclock.bench.compare.LibraryVersion;
import dev.orderclock.bench.compare.OrdersTable;
import dev.orderclock.bench.compare.Peer;
import dev.orderclock.bench.compare.PeerContext;

import org.redisson.Redisson;
import org.redisson.api.RBlockingQueue;
import org.redisson.api.RDelayedQueue;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Redisson's delayed queue on the local Redis: each order id is offered with its delay; Redisson
 * moves it to a blocking queue when due, where consumer threads take it and close the order.
 */
public final class RedissonPeer implements Peer {

    private static final int CONSUMERS = 4;

    private RedissonClient redisson;
    private RBlockingQueue<String> due;
    private RDelayedQueue<String> delayed;
    private OrdersTable orders;
    private final List<Thread> consumers = new ArrayList<>();
    private volatile boolean running;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong takenEarly = new AtomicLong();

    @Override
    public String name() {
        return "Redisson delayed queue";
    }

    @Override
    public String configuration() {
        return "redisson " + LibraryVersion.of(Redisson.class, "org.redisson", "redisson")
                + ", single server, defaults; RDelayedQueue over an RBlockingQueue (StringCodec), offer(id, delay) after the "
                + "order's commit, " + CONSUMERS
                + " consumer threads take() and close; nothing in PostgreSQL but the orders";
    }

    @Override
    @SuppressWarnings("deprecation") // RDelayedQueue: still the documented delayed queue of the open-source edition
    public void start(PeerContext context) {
        orders = context.orders();
        Config config = new Config();
        config.useSingleServer()
                .setAddress("redis://" + context.services().redis().getHost() + ":"
                        + context.services().redis().getPort());
        redisson = Redisson.create(config);
        due = redisson.getBlockingQueue(context.prefix() + ":due", StringCodec.INSTANCE);
        delayed = redisson.getDelayedQueue(due);
        running = true;
        for (int i = 0; i < CONSUMERS; i++) {
            Thread consumer = new Thread(this::consume, "redisson-consumer-" + i);
            consumer.setDaemon(true);
            consumer.start();
            consumers.add(consumer);
        }
    }

    private void consume() {
        while (running) {
            try {
                String message = due.poll(1, TimeUnit.SECONDS);
                if (message != null) {
                    // "id:deadline" so the peer can tell a lost message from one taken before its deadline.
                    int colon = message.indexOf(':');
                    taken.incrementAndGet();
                    if (orders.clock().millis() < Long.parseLong(message.substring(colon + 1))) {
                        takenEarly.incrementAndGet();
                    }
                    orders.close(Long.parseLong(message.substring(0, colon)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    System.err.println("[bench] redisson consumer: " + e);
                }
            }
        }
    }

    @Override
    public void schedule(long orderId, Instant deadline) {
        delayed.offer(orderId + ":" + deadline.toEpochMilli(), orders.millisUntil(deadline), TimeUnit.MILLISECONDS);
        offered.incrementAndGet();
    }

    @Override
    public Optional<String> finding() {
        long lost = offered.get() - taken.get();
        return Optional.of(String.format(
                "%,d offered, %,d taken from the queue (%,d not delivered), %,d taken before " + "their deadline",
                offered.get(), taken.get(), lost, takenEarly.get()));
    }

    @Override
    @SuppressWarnings("deprecation")
    public void close() throws InterruptedException {
        running = false;
        for (Thread consumer : consumers) {
            consumer.join(5_000);
        }
        if (redisson != null) {
            delayed.destroy();
            due.delete();
            delayed.delete();
            redisson.shutdown();
        }
    }
}
