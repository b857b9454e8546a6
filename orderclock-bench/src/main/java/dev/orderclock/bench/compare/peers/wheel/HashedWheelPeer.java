package dev.orderclock.bench.compare.peers.wheel;

import dev.orderclock.bench.compare.LibraryVersion;
import dev.orderclock.bench.compare.OrdersTable;
import dev.orderclock.bench.compare.Peer;
import dev.orderclock.bench.compare.PeerContext;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Netty's {@code HashedWheelTimer} in memory: one timeout per order, closed by a small pool when it
 * fires. It keeps nothing, so a restart loses every pending close; it is here as the precision bound
 * of a timer that does no I/O until the deadline.
 */
public final class HashedWheelPeer implements Peer {

    private static final int CLOSERS = 4;
    // Netty's default tick is 100 ms ("I/O timeouts need not be accurate"); a precision bound wants orderclock's own
    // tick.
    private static final long TICK_MS = 10;

    private OrdersTable orders;
    private Timer timer;
    private ExecutorService closers;

    @Override
    public String name() {
        return "Netty HashedWheelTimer";
    }

    @Override
    public String configuration() {
        return "netty-common " + LibraryVersion.of(HashedWheelTimer.class, "io.netty", "netty-common")
                + ", in memory, tick " + TICK_MS
                + " ms (Netty's default is 100 ms; 10 ms is orderclock's own tick), 512 buckets, one timeout per order; the task hands "
                + "the close to " + CLOSERS
                + " threads (a timer task must not block the wheel's thread); nothing persisted";
    }

    @Override
    public void start(PeerContext context) {
        orders = context.orders();
        timer = new HashedWheelTimer(r -> new Thread(r, "hashed-wheel"), TICK_MS, TimeUnit.MILLISECONDS);
        closers = Executors.newFixedThreadPool(CLOSERS, r -> new Thread(r, "wheel-closer"));
    }

    @Override
    public void schedule(long orderId, Instant deadline) {
        long delay = orders.millisUntil(deadline);
        timer.newTimeout(
                t -> closers.execute(() -> {
                    try {
                        orders.close(orderId);
                    } catch (Exception e) {
                        System.err.println("[bench] wheel close of " + orderId + " failed: " + e);
                    }
                }),
                delay,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (timer != null) {
            timer.stop();
            closers.shutdown();
            closers.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
