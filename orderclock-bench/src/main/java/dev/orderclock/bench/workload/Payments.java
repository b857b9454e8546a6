package dev.orderclock.bench.workload;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pays a share of the orders shortly before their deadline, the way a buyer would: the shopper opens
 * a trade ({@code POST /api/orders/{id}/pay}) and the channel simulator's buyer pays it. Orders whose
 * payment the channel accepted must never end closed.
 */
public final class Payments implements AutoCloseable {

    private final OrderApi api;
    private final double share;
    private final Duration lead;
    private final InstantSource clock;
    private final ScheduledExecutorService payer = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "bench-payer");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public Payments(OrderApi api, double share, Duration lead, InstantSource clock) {
        this.api = api;
        this.share = share;
        this.lead = lead;
        this.clock = clock;
    }

    /**
     * Empty when the server takes payments; otherwise why not. Asks with a real order (due in 7 days,
     * so it never interferes), since a 404 for a missing endpoint and for a missing order look alike.
     */
    public static Optional<String> unsupportedReason(OrderApi api, Catalogue catalogue)
            throws IOException, InterruptedException {
        OrderApi.Answer probe = api.createOrder("bench-payment-probe", catalogue.any(), 1, 604_800);
        if (!probe.is(201)) {
            return Optional.of("could not create the probe order: " + probe.status());
        }
        OrderApi.Answer pay = api.pay("bench-payment-probe", probe.body().get("id").asText());
        if (pay.is(201)) {
            return Optional.empty();
        }
        return Optional.of("POST /api/orders/{id}/pay answered " + pay.status()
                + ": the server has no payments yet, so --paid was not applied and no paid order was measured");
    }

    /** Decides by chance whether this order is paid and, if so, schedules its payment {@code lead} before its deadline. */
    public void consider(CreatedOrder order) {
        if (share <= 0 || ThreadLocalRandom.current().nextDouble() >= share) {
            return;
        }
        long delay = Duration.between(clock.instant(), order.payDeadline().minus(lead)).toMillis();
        payer.schedule(() -> pay(order), Math.max(0, delay), TimeUnit.MILLISECONDS);
    }

    private void pay(CreatedOrder order) {
        try {
            OrderApi.Answer trade = api.pay(order.userId(), order.id());
            if (!trade.is(201)) {
                refused.incrementAndGet();
                return;
            }
            OrderApi.Answer paid = api.buyerPays(trade.body().get("tradeNo").asText());
            if (paid.is(200)) {
                accepted.add(order.id());
            } else {
                refused.incrementAndGet();
            }
        } catch (IOException e) {
            failed.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Orders whose payment the channel accepted before their deadline. */
    public Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    public long refused() {
        return refused.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Waits for every scheduled payment to have been tried. */
    @Override
    public void close() throws InterruptedException {
        payer.shutdown();
        payer.awaitTermination(10, TimeUnit.MINUTES);
    }
}
