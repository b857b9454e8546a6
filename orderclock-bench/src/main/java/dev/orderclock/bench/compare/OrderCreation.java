package dev.orderclock.bench.compare;

import dev.orderclock.bench.measurement.CloseObserver;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The creation phase of a peer's run: the workload's orders inserted from its client threads, each
 * handed to the peer and the observer once committed, and a share of them paid shortly before
 * their deadline from {@code payer}.
 */
final class OrderCreation {

    /** What the creation phase did. */
    record Result(
            long ids,
            Instant started,
            Instant finished,
            Instant lastDeadline,
            AtomicLong failed,
            AtomicReference<String> firstFailure,
            AtomicLong paymentsIntended) {
        double perSecond() {
            double seconds = Duration.between(started, finished).toNanos() / 1e9;
            return seconds > 0 ? ids / seconds : 0;
        }
    }

    private final OrdersTable orders;
    private final InstantSource clock;
    private final ScheduledExecutorService payer;
    private final Set<Long> paid;

    /** Paid orders go into {@code paid} as the table accepts their payment. */
    OrderCreation(OrdersTable orders, InstantSource clock, ScheduledExecutorService payer, Set<Long> paid) {
        this.orders = orders;
        this.clock = clock;
        this.payer = payer;
        this.paid = paid;
    }

    Result run(Peer peer, Workload workload, CloseObserver observer) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong intended = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicReference<Instant> lastDeadline = new AtomicReference<>(clock.instant());
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < workload.concurrency(); t++) {
            Thread thread = new Thread(
                    () -> {
                        long i;
                        while ((i = next.getAndIncrement()) < workload.orders()) {
                            pace(workload, startNanos, i);
                            Instant now = clock.instant();
                            // Whole milliseconds: Quartz's Date, a TTL and a delayed queue's score cannot hold finer.
                            Instant deadline = now.plusSeconds(
                                            workload.timeouts().secondsFor(now))
                                    .truncatedTo(ChronoUnit.MILLIS);
                            try {
                                long id = orders.createOrder(deadline);
                                observer.expect(id, deadline);
                                peer.schedule(id, deadline);
                                done.incrementAndGet();
                                lastDeadline.accumulateAndGet(deadline, (a, b) -> a.isAfter(b) ? a : b);
                                if (ThreadLocalRandom.current().nextDouble() < workload.paidShare()) {
                                    intended.incrementAndGet();
                                    long delay = Duration.between(clock.instant(), deadline.minus(workload.payLead()))
                                            .toMillis();
                                    payer.schedule(() -> pay(id), Math.max(0, delay), TimeUnit.MILLISECONDS);
                                }
                            } catch (Exception e) {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(null, e.toString());
                            }
                        }
                    },
                    "bench-peer-client-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(done.get(), started, clock.instant(), lastDeadline.get(), failed, firstFailure, intended);
    }

    private static void pace(Workload workload, long startNanos, long i) {
        if (workload.ratePerSecond() > 0) {
            long due = startNanos + (long) (i * 1e9 / workload.ratePerSecond());
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private void pay(long id) {
        try {
            if (orders.pay(id)) {
                paid.add(id);
            }
        } catch (SQLException e) {
            // Not paid: the order stays pending and must close like any other.
        }
    }
}
