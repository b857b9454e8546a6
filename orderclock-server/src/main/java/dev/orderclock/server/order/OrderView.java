package dev.orderclock.server.order;

import dev.orderclock.order.CloseReason;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderLine;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.server.stock.Money;
import dev.orderclock.web.config.ApiTime;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The order representation of docs/API.md (Orders; {@code Order} in {@code /v3/api-docs}), field for field: money as two-decimal strings, times as UTC
 * ISO-8601 with milliseconds, unset times and {@code closeReason} (unless CLOSED) as null.
 */
@Schema(name = "Order")
public record OrderView(
        @Schema(example = "ORD-7Q3K9ZP2M4") String id,
        @Schema(example = "u-42") String userId,
        @Schema(implementation = OrderStatus.class) String status,

        @Schema(implementation = CloseReason.class, nullable = true, description = "only when CLOSED")
        String closeReason,

        @Schema(example = "19.98") String amount,
        @Schema(example = "CNY") String currency,
        List<ItemView> items,
        @Schema(format = "date-time") String createdAt,
        @Schema(format = "date-time") String payDeadline,
        @Schema(format = "date-time", nullable = true) String paidAt,
        @Schema(format = "date-time", nullable = true) String closedAt,
        @Schema(format = "date-time", nullable = true) String shippedAt,
        @Schema(format = "date-time", nullable = true) String completedAt,

        @Schema(description = "null, or money that arrived for an order already closed")
        RefundView refund) {

    /** A line as ordered, with the unit price at the time of the order. */
    @Schema(name = "OrderItem")
    public record ItemView(
            String sku,
            int quantity,
            @Schema(example = "9.99") String unitPrice) {}

    /** Money that reached an order no longer pending, and where its refund stands; null when none did. */
    @Schema(name = "Refund")
    public record RefundView(
            @Schema(allowableValues = {"REFUND_PENDING", "REFUNDED"})
            String status,

            @Schema(example = "19.98") String amount,
            String tradeNo) {

        public static RefundView of(String status, BigDecimal amount, String tradeNo) {
            return new RefundView(status, Money.format(amount), tradeNo);
        }
    }

    public static OrderView of(Order order) {
        return of(order, null);
    }

    public static OrderView of(Order order, RefundView refund) {
        CloseReason reason = order.closeReason();
        return new OrderView(
                order.displayId(),
                order.userId(),
                order.status().name(),
                reason == null ? null : reason.name(),
                Money.format(order.amount()),
                order.currency(),
                order.lines().stream().map(OrderView::item).toList(),
                time(order.createdAt()),
                time(order.payDeadline()),
                time(order.paidAt()),
                time(order.closedAt()),
                time(order.shippedAt()),
                time(order.completedAt()),
                refund);
    }

    /** {@code 2026-11-24T19:20:00.123Z}: always three decimals, always UTC ({@link ApiTime}). */
    public static String time(Instant instant) {
        return ApiTime.of(instant);
    }

    private static ItemView item(OrderLine line) {
        return new ItemView(line.sku(), line.quantity(), Money.format(line.unitPrice()));
    }
}
