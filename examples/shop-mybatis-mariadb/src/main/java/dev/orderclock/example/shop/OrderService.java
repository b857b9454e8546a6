package dev.orderclock.example.shop;

import dev.orderclock.boot.Deadlines;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Places orders that reserve stock and must be paid within the shop's pay timeout. */
@Service
public class OrderService {

    private final OrderMapper orders;
    private final StockMapper stock;
    private final Deadlines deadlines;
    private final InstantSource clock;
    private final Duration payTimeout;

    public OrderService(
            OrderMapper orders,
            StockMapper stock,
            Deadlines deadlines,
            InstantSource clock,
            @Value("${shop.pay-timeout}") Duration payTimeout) {
        this.orders = orders;
        this.stock = stock;
        this.deadlines = deadlines;
        this.clock = clock;
        this.payTimeout = payTimeout;
    }

    @Transactional
    public long placeOrder(long skuId, int quantity) {
        if (stock.reserve(skuId, quantity) != 1) {
            throw new IllegalStateException("out of stock: " + skuId);
        }
        Instant expiry = clock.instant().plus(payTimeout).truncatedTo(ChronoUnit.MILLIS);
        OrderMapper.NewOrder order =
                new OrderMapper.NewOrder(skuId, quantity, LocalDateTime.ofInstant(expiry, ZoneOffset.UTC));
        orders.insert(order);
        // Only needed when the timeout is shorter than the horizon (60 s by default); acts after commit.
        deadlines.schedule("payment-timeout", order.id, expiry);
        return order.id;
    }

    @Transactional
    public boolean pay(long orderId) {
        return orders.markPaid(orderId) == 1;
    }
}
