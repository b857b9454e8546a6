package dev.orderclock.server.order;

import java.util.List;

/** A page of orders, newest first; {@code nextCursor} fetches the following page, null at the end. */
public record OrderListView(List<OrderView> orders, String nextCursor) {
}
