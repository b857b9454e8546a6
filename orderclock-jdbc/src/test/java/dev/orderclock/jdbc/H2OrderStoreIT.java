package dev.orderclock.jdbc;

import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.OrderStoreContract;
import dev.orderclock.order.StoreBackend;

import java.time.Duration;

/** The whole OrderStore and ProductStore contract, on H2 in memory. */
class H2OrderStoreIT extends OrderStoreContract {

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.h2(format, confirmPeriod);
    }
}
