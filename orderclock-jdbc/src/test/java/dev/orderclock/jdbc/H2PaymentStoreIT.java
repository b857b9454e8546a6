package dev.orderclock.jdbc;

import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.StoreBackend;

import java.time.Duration;

/** The payment store's contract, on H2 in memory. */
class H2PaymentStoreIT extends PaymentStoreContract {

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.h2(format, confirmPeriod);
    }
}
