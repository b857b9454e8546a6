package dev.orderclock.order;

import java.util.List;

/** One page of a listing; {@code next} is the cursor of the following page, or null at the end. */
public record OrderPage(List<Order> orders, Long next) {

    public OrderPage {
        orders = List.copyOf(orders);
    }
}
