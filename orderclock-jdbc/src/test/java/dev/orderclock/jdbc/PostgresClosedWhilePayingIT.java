package dev.orderclock.jdbc;

import dev.orderclock.order.ClosedWhilePaying;
import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.StoreBackend;

import java.time.Duration;

/** The named race ClosedWhilePaying, on PostgreSQL 15. */
class PostgresClosedWhilePayingIT extends ClosedWhilePaying {

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.postgres(format, confirmPeriod);
    }
}
