package dev.orderclock.order;

import dev.orderclock.deadline.DeadlineScheduler;
import dev.orderclock.stock.InsufficientStockException;
import dev.orderclock.stock.UnknownSkuException;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Places a shopper's order: the shop's limits are checked first, then the store prices it, reserves
 * its stock and writes it in one transaction; once that has committed, its payment deadline is handed
 * to the scheduler. Every refusal is a {@link Result} and reserves nothing.
 */
public final class PlaceOrder {

    /** A 50-bit id collides about once in a million million orders; a few tries are plenty. */
    static final int ID_ATTEMPTS = 5;

    /** What {@link #place} did. */
    public sealed interface Result {

        record Placed(Order order) implements Result {}

        /** The items name one SKU twice; the store was not asked. */
        record SkuNamedTwice(String sku) implements Result {}

        record UnknownSku(String sku) implements Result {}

        record NotEnoughStock(String sku) implements Result {}

        /** A line or the time to pay is over the shop's limit; {@code sku} is null for the time to pay. */
        record OverShopLimit(ShopLimit limit, long max, long asked, String sku) implements Result {}

        /** The shopper already holds as much as {@link HoldingLimits} allows; {@code max} is the limit's value. */
        record HoldingLimitReached(HoldingLimits.Limit limit, long max) implements Result {}
    }

    /** The limits of one order, each a refusal the shopper can fix by asking for less. */
    public enum ShopLimit {
        UNITS_PER_LINE,
        PAY_TIMEOUT
    }

    /**
     * The shop's limits on one order.
     *
     * @param maxUnitsPerLine units of one SKU in one order
     * @param maxPayTimeout   the longest time to pay a shopper may ask for
     * @param holding         what the store checks per shopper in the order's own transaction
     */
    public record Limits(int maxUnitsPerLine, Duration maxPayTimeout, HoldingLimits holding) {

        public static final Limits NONE =
                new Limits(Integer.MAX_VALUE, Duration.ofSeconds(Long.MAX_VALUE), HoldingLimits.NONE);
    }

    /** A shopper's request; {@code payTimeout} null means the shop's default. */
    public record Request(String userId, List<NewOrder.Item> items, Duration payTimeout) {

        public Request {
            items = List.copyOf(items);
        }
    }

    private final OrderStore orders;
    private final DeadlineScheduler scheduler;
    private final PaymentTimeoutSource payments;
    private final InstantSource clock;
    private final Duration defaultPayTimeout;
    private final String currency;
    private final Limits limits;
    private final RandomGenerator ids;

    /**
     * @param scheduler the engine's wheel, or in cluster mode the delay tiers: a hint, the row is the truth
     * @param ids       the source of order ids; secure in production, since ids are shown to shoppers
     */
    public PlaceOrder(
            OrderStore orders,
            DeadlineScheduler scheduler,
            PaymentTimeoutSource payments,
            InstantSource clock,
            Duration defaultPayTimeout,
            String currency,
            Limits limits,
            RandomGenerator ids) {
        if (defaultPayTimeout.compareTo(limits.maxPayTimeout()) > 0) {
            throw new IllegalArgumentException("the default time to pay " + defaultPayTimeout
                    + " is longer than the most allowed " + limits.maxPayTimeout());
        }
        this.orders = orders;
        this.scheduler = scheduler;
        this.payments = payments;
        this.clock = clock;
        this.defaultPayTimeout = defaultPayTimeout;
        this.currency = currency;
        this.limits = limits;
        this.ids = ids;
    }

    public Result place(Request request) {
        Set<String> seen = new HashSet<>();
        for (NewOrder.Item item : request.items()) {
            if (!seen.add(item.sku())) {
                return new Result.SkuNamedTwice(item.sku());
            }
        }
        for (NewOrder.Item item : request.items()) {
            if (item.quantity() > limits.maxUnitsPerLine()) {
                return new Result.OverShopLimit(
                        ShopLimit.UNITS_PER_LINE, limits.maxUnitsPerLine(), item.quantity(), item.sku());
            }
        }
        Duration timeout = request.payTimeout() == null ? defaultPayTimeout : request.payTimeout();
        if (timeout.compareTo(limits.maxPayTimeout()) > 0) {
            return new Result.OverShopLimit(
                    ShopLimit.PAY_TIMEOUT, limits.maxPayTimeout().getSeconds(), timeout.getSeconds(), null);
        }
        Instant now = clock.instant();
        NewOrder draft = new NewOrder(0, request.userId(), request.items(), currency, now, now.plus(timeout));
        try {
            Order order = create(draft);
            scheduler.schedule(payments, order.id(), order.payDeadline());
            return new Result.Placed(order);
        } catch (UnknownSkuException e) {
            return new Result.UnknownSku(e.sku());
        } catch (InsufficientStockException e) {
            return new Result.NotEnoughStock(e.sku());
        } catch (HoldingLimitExceededException e) {
            return new Result.HoldingLimitReached(e.limit(), e.value());
        }
    }

    private Order create(NewOrder draft) {
        for (int attempt = 1; ; attempt++) {
            try {
                return orders.create(draft.withId(OrderId.random(ids)), limits.holding());
            } catch (DuplicateOrderIdException e) {
                if (attempt == ID_ATTEMPTS) {
                    throw new IllegalStateException("no free order id after " + ID_ATTEMPTS + " attempts", e);
                }
            }
        }
    }
}
