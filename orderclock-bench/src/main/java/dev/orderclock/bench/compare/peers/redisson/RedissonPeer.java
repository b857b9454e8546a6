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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    @Override
    public String name() {
        return "Redisson delayed queue";
    }

    @Override
    public String configuration() {
        return "redisson " + LibraryVersion.of(Redisson.class, "org.redisson", "redisson")
                + ", single server, defaults; RDelayedQueue over an RBlockingQueue (StringCodec), offer(id, delay) after the "
                + "order's commit, " + CONSUMERS + " consumer threads take() and close; nothing in PostgreSQL but the orders";
    }

    @Override
    @SuppressWarnings("deprecation") // RDelayedQueue: still the documented delayed queue of the open-source edition
    public void start(PeerContext context) {
        orders = context.orders();
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + context.services().redis().getHost() + ":"
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
                String id = due.poll(1, TimeUnit.SECONDS);
                if (id != null) {
                    orders.close(Long.parseLong(id));
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
        long delay = Duration.between(orders.clock().instant(), deadline).toMillis() + 1;
        delayed.offer(Long.toString(orderId), Math.max(0, delay), TimeUnit.MILLISECONDS);
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
