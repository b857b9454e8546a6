package dev.orderclock.bench.workload;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pays a share of the orders shortly before their deadline, the way a buyer would: the shopper opens
 * a trade ({@code POST /api/orders/{id}/pay}) right after creating the order, and the channel
 * simulator's buyer pays it {@code lead} before the deadline. The lead is at least
 * {@link #MIN_LEAD}: Alipay's {@code time_expire} holds whole seconds, so a trade expires at the
 * second the deadline falls in, up to a second before it. Orders whose payment the channel accepted
 * must never end closed.
 */
public final class Payments implements AutoCloseable {

    /** The shortest lead the channel can honour: its expiry is the deadline truncated to the second. */
    public static final Duration MIN_LEAD = Duration.ofSeconds(1);

    private final OrderApi api;
    private final double share;
    private final Duration lead;
    private final InstantSource clock;
    /** Opens trades as orders are created; apart from the buyers, so that closing can wait for it first. */
    private final ExecutorService opener = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "bench-trade-opener");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledExecutorService payer = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "bench-payer");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicLong intended = new AtomicLong();
    private final AtomicLong notOpened = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public Payments(OrderApi api, double share, Duration lead, InstantSource clock) {
        if (lead.compareTo(MIN_LEAD) < 0) {
            throw new IllegalArgumentException("pay lead " + lead + " is shorter than " + MIN_LEAD);
        }
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
        OrderApi.Answer pay =
                api.pay("bench-payment-probe", probe.body().get("id").asText());
        if (pay.is(201)) {
            return Optional.empty();
        }
        return Optional.of("POST /api/orders/{id}/pay answered " + pay.status()
                + ": the server has no payments yet, so --paid was not applied and no paid order was measured");
    }

    /** Decides by chance whether this order is paid and, if so, opens its trade now and pays it later. */
    public void consider(CreatedOrder order) {
        if (share <= 0 || ThreadLocalRandom.current().nextDouble() >= share) {
            return;
        }
        intended.incrementAndGet();
        opener.execute(() -> open(order));
    }

    private void open(CreatedOrder order) {
        try {
            OrderApi.Answer trade = api.pay(order.userId(), order.id());
            if (!trade.is(201)) {
                notOpened.incrementAndGet();
                return;
            }
            String tradeNo = trade.body().get("tradeNo").asText();
            long delay = Duration.between(clock.instant(), order.payDeadline().minus(lead))
                    .toMillis();
            payer.schedule(() -> buyerPays(order, tradeNo), Math.max(0, delay), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            failed.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void buyerPays(CreatedOrder order, String tradeNo) {
        try {
            if (api.buyerPays(tradeNo).is(200)) {
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

    /** Orders chosen to be paid. */
    public long intended() {
        return intended.get();
    }

    /** Orders whose trade the server would not open ({@code /pay} not 201). */
    public long notOpened() {
        return notOpened.get();
    }

    /** Trades the channel refused to take the buyer's money for (expired, closed). */
    public long refused() {
        return refused.get();
    }

    /** Calls that got no answer. */
    public long failed() {
        return failed.get();
    }

    /** Waits for every trade to have been opened, then for every scheduled payment to have been tried. */
    @Override
    public void close() throws InterruptedException {
        opener.shutdown();
        opener.awaitTermination(10, TimeUnit.MINUTES);
        payer.shutdown();
        payer.awaitTermination(10, TimeUnit.MINUTES);
    }
}
