package dev.orderclock.server.order;

import dev.orderclock.order.NewOrder;
import dev.orderclock.order.OrderBounds;
import dev.orderclock.order.PlaceOrder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.util.List;

/**
 * {@code POST /api/orders}: 1 to 100 lines, each a SKU and a quantity from 1 to 10000; the time to pay
 * in seconds (1 to 604800), or none for the shop's default ({@link OrderBounds}). Each SKU at most once is checked by
 * {@link PlaceOrder}, which names the repeated SKU.
 */
public record CreateOrderRequest(
        @NotNull(message = "is required")
        @Size(min = 1, max = OrderBounds.MAX_LINES, message = "must have 1 to " + OrderBounds.MAX_LINES + " lines")
        List<@NotNull(message = "must not be null") @Valid Line> items,

        @Min(value = OrderBounds.MIN_PAY_TIMEOUT_SECONDS, message = "must be from 1 to 604800")
        @Max(value = OrderBounds.MAX_PAY_TIMEOUT_SECONDS, message = "must be from 1 to 604800")
        Integer payTimeoutSeconds) {

    PlaceOrder.Request toPlacement(String userId) {
        return new PlaceOrder.Request(
                userId,
                items.stream()
                        .map(line -> new NewOrder.Item(line.sku(), line.quantity()))
                        .toList(),
                payTimeoutSeconds == null ? null : Duration.ofSeconds(payTimeoutSeconds));
    }

    /** One line: which product and how many. */
    public record Line(
            @NotNull(message = "is required") @Size(min = 1, max = 64, message = "must be 1 to 64 characters")
            String sku,

            @NotNull(message = "is required")
            @Min(value = 1, message = "must be from 1 to " + OrderBounds.MAX_QUANTITY)
            @Max(value = OrderBounds.MAX_QUANTITY, message = "must be from 1 to " + OrderBounds.MAX_QUANTITY)
            Integer quantity) {}
}
