package dev.orderclock.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test orders that read as sentences: {@code anOrder().forUser("u-1").of("TEA-1", 2).pendingUntil(t)}.
 * Unless told otherwise an order has a random id, is created 30 minutes before its deadline, and the
 * deadline is {@link #DEFAULT_DEADLINE}.
 */
public final class NewOrderBuilder {

    public static final Instant DEFAULT_DEADLINE = Instant.parse("2026-11-24T19:50:00.123Z");
    public static final Duration DEFAULT_PAY_TIMEOUT = Duration.ofMinutes(30);

    private long id = OrderId.random(ThreadLocalRandom.current());
    private String userId = "u-1";
    private final List<NewOrder.Item> items = new ArrayList<>();
    private String currency = "CNY";
    private Instant createdAt;
    private Instant payDeadline = DEFAULT_DEADLINE;

    private NewOrderBuilder() {}

    public static NewOrderBuilder anOrder() {
        return new NewOrderBuilder();
    }

    public NewOrderBuilder withId(long id) {
        this.id = id;
        return this;
    }

    public NewOrderBuilder forUser(String userId) {
        this.userId = userId;
        return this;
    }

    public NewOrderBuilder of(String sku, int quantity) {
        items.add(new NewOrder.Item(sku, quantity));
        return this;
    }

    public NewOrderBuilder and(String sku, int quantity) {
        return of(sku, quantity);
    }

    public NewOrderBuilder createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public NewOrderBuilder pendingUntil(Instant payDeadline) {
        this.payDeadline = payDeadline;
        return this;
    }

    public NewOrder build() {
        Instant created = createdAt != null ? createdAt : payDeadline.minus(DEFAULT_PAY_TIMEOUT);
        return new NewOrder(id, userId, items, currency, created, payDeadline);
    }
}
