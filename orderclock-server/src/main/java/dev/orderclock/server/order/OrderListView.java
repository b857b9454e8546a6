package dev.orderclock.server.order;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of orders, newest first; {@code nextCursor} fetches the following page, null at the end. */
@Schema(name = "OrderList")
public record OrderListView(
        List<OrderView> orders, @Schema(nullable = true) String nextCursor) {}
