package dev.orderclock.jdbc;

import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.StoreBackend;

import java.time.Duration;

/** The payment store's contract, on PostgreSQL 15. */
class PostgresPaymentStoreIT extends PaymentStoreContract {

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.postgres(format, confirmPeriod);
    }
}
