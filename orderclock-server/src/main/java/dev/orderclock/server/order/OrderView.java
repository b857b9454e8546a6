package dev.orderclock.server.order;

import dev.orderclock.order.CloseReason;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderLine;
import dev.orderclock.server.stock.Money;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The order representation of API.md, field for field: money as two-decimal strings, times as UTC
 * ISO-8601 with milliseconds, unset times and {@code closeReason} (unless CLOSED) as null.
 */
public record OrderView(
        String id,
        String userId,
        String status,
        String closeReason,
        String amount,
        String currency,
        List<ItemView> items,
        String createdAt,
        String payDeadline,
        String paidAt,
        String closedAt,
        String shippedAt,
        String completedAt,
        RefundView refund) {

    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A line as ordered, with the unit price at the time of the order. */
    public record ItemView(String sku, int quantity, String unitPrice) {
    }

    /** Money that reached an order no longer pending, and where its refund stands; null when none did. */
    public record RefundView(String status, String amount, String tradeNo) {
    }

    public static OrderView of(Order order) {
        return of(order, null);
    }

    public static OrderView of(Order order, RefundView refund) {
        CloseReason reason = order.closeReason();
        return new OrderView(order.displayId(), order.userId(), order.status().name(),
                reason == null ? null : reason.name(), Money.format(order.amount()), order.currency(),
                order.lines().stream().map(OrderView::item).toList(),
                time(order.createdAt()), time(order.payDeadline()), time(order.paidAt()), time(order.closedAt()),
                time(order.shippedAt()), time(order.completedAt()), refund);
    }

    /** {@code 2026-11-24T19:20:00.123Z}: always three decimals, always UTC. */
    public static String time(Instant instant) {
        return instant == null ? null : MILLIS_UTC.format(instant);
    }

    private static ItemView item(OrderLine line) {
        return new ItemView(line.sku(), line.quantity(), Money.format(line.unitPrice()));
    }
}
