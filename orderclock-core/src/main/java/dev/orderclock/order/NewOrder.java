package dev.orderclock.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a shopper asked for, ready to be stored: the store looks up prices, reserves stock and
 * writes the order and its {@code order.created} event in one transaction.
 */
public record NewOrder(
        long id, String userId, List<Item> items, String currency, Instant createdAt, Instant payDeadline) {

    /** A requested line: a SKU and how many. */
    public record Item(String sku, int quantity) {
        public Item {
            Objects.requireNonNull(sku, "sku");
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive: " + quantity);
            }
        }
    }

    public NewOrder {
        Objects.requireNonNull(userId, "userId");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one item");
        }
        if (items.stream().map(Item::sku).distinct().count() != items.size()) {
            throw new IllegalArgumentException("each SKU at most once");
        }
        if (!payDeadline.isAfter(createdAt)) {
            throw new IllegalArgumentException("the pay deadline must follow creation");
        }
    }

    /** Units over all lines: what the order would reserve. */
    public long units() {
        return items.stream().mapToLong(Item::quantity).sum();
    }

    public NewOrder withId(long newId) {
        return new NewOrder(newId, userId, items, currency, createdAt, payDeadline);
    }
}
