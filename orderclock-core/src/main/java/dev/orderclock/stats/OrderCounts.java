package dev.orderclock.stats;

import dev.orderclock.order.CloseReason;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.OrderStore;
import dev.orderclock.payment.ChannelTally;
import dev.orderclock.payment.PaymentStore;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Orders by status and payments by channel, counted by the database and kept for a moment: a dashboard that polls every
 * second, or ten of them, cost one count at most every {@link #MIN_AGE}, and never more than a
 * twentieth of the database's time however slow the count grows (a million rows). Counts come from
 * the database, not from counters, so that every node of a cluster shows the same totals.
 */
public class OrderCounts {

    static final Duration MIN_AGE = Duration.ofSeconds(1);
    static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final int DUTY_FACTOR = 20;

    private final OrderStore orders;
    private final Supplier<List<ChannelTally>> payments;
    private final InstantSource clock;
    private Counted latest;
    private Instant freshUntil = Instant.MIN;

    public OrderCounts(OrderStore orders, PaymentStore payments, InstantSource clock) {
        this(orders, payments::tallyByChannel, clock);
    }

    OrderCounts(OrderStore orders, Supplier<List<ChannelTally>> payments, InstantSource clock) {
        this.orders = orders;
        this.payments = payments;
        this.clock = clock;
    }

    /** The latest counts, counted again if they are too old; callers wait for one count, never start a second. */
    public synchronized Counted current() {
        Instant now = clock.instant();
        if (latest == null || !now.isBefore(freshUntil)) {
            long started = System.nanoTime();
            latest = count(now);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Duration age = took.multipliedBy(DUTY_FACTOR);
            age = age.compareTo(MIN_AGE) < 0 ? MIN_AGE : age.compareTo(MAX_AGE) > 0 ? MAX_AGE : age;
            freshUntil = now.plus(age);
        }
        return latest;
    }

    private Counted count(Instant now) {
        Map<OrderStatus, Long> counts = orders.countByStatus();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.put(status.name(), counts.getOrDefault(status, 0L));
        }
        return new Counted(
                Collections.unmodifiableMap(byStatus),
                orders.countClosedFor(CloseReason.PAYMENT_TIMEOUT),
                List.copyOf(payments.get()),
                now);
    }

    /**
     * Orders by status name (every status, in declaration order), closes by timeout, payments by the
     * channels that have any, and when they were counted.
     */
    public record Counted(
            Map<String, Long> byStatus, long closedByTimeout, List<ChannelTally> payments, Instant countedAt) {}
}
