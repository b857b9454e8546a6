package dev.orderclock.jdbc;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.order.AutoConfirmSource;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.StoreBackend;
import dev.orderclock.order.StoreSuite;
import dev.orderclock.order.StoredEvent;
import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/** A shipped order completes by itself when its confirm deadline passes, through the engine, on a manual clock. */
class H2AutoConfirmIT extends StoreSuite {

    static final Instant T0 = Instant.parse("2026-11-24T19:20:00.123Z");

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.h2(format, confirmPeriod);
    }

    @Test
    void aShippedOrderCompletesWhenItsConfirmDeadlinePassesAndNotBefore() {
        // given
        ManualClock clock = new ManualClock(T0);
        shop().hasProduct("TEA-1", "9.99", 10);
        Order shipped = shop().shipped(shop().paid(shop().places(anOrder().of("TEA-1", 1)), T0), T0);
        AutoConfirmSource source = new AutoConfirmSource(shop().orders());
        DeadlineEngine engine = DeadlineEngine.builder(clock).source(source).build();
        engine.schedule(source, shipped.id(), shipped.confirmDeadline());
        // when
        clock.set(shipped.confirmDeadline().minusMillis(1));
        engine.runOnce();
        OrderStatus before = shop().order(shipped.id()).status();
        clock.set(shipped.confirmDeadline().plusMillis(20));
        engine.runOnce();
        engine.runOnce();
        // then
        assertThat(shipped.confirmDeadline()).isEqualTo(T0.plus(CONFIRM_PERIOD));
        assertThat(before).isEqualTo(OrderStatus.SHIPPED);
        Order completed = shop().order(shipped.id());
        assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(completed.completedAt()).isAfterOrEqualTo(shipped.confirmDeadline());
        assertThat(shop().eventsOf(shipped))
                .extracting(StoredEvent::type)
                .containsExactly("order.created", "order.paid", "order.shipped", "order.completed");
    }
}
