package dev.orderclock.jdbc;

import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.PaidWhileClosing;
import dev.orderclock.order.StoreBackend;

import java.time.Duration;

/** The named race PaidWhileClosing, on H2 in memory. */
class H2PaidWhileClosingIT extends PaidWhileClosing {

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.h2(format, confirmPeriod);
    }
}
