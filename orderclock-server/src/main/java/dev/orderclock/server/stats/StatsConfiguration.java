package dev.orderclock.server.stats;

import dev.orderclock.order.OrderStore;
import dev.orderclock.payment.PaymentStore;
import dev.orderclock.stats.CloseTimeline;
import dev.orderclock.stats.OrderCounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.InstantSource;

/** The counts and the per-second close timeline behind {@code /api/stats}, over this node's {@link CloseRecorder}. */
@Configuration(proxyBeanMethods = false)
class StatsConfiguration {

    @Bean
    OrderCounts orderCounts(OrderStore orders, PaymentStore payments, InstantSource clock) {
        return new OrderCounts(orders, payments, clock);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    CloseTimeline closeTimeline(CloseRecorder closes, InstantSource clock) {
        return new CloseTimeline(closes::sinceLastSample, clock);
    }
}
