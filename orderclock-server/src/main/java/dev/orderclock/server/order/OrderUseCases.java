package dev.orderclock.server.order;

import dev.orderclock.deadline.DeadlineScheduler;
import dev.orderclock.order.AutoConfirmSource;
import dev.orderclock.order.CancelOrder;
import dev.orderclock.order.DeliverOrder;
import dev.orderclock.order.OpenAttemptCancellation;
import dev.orderclock.order.OrderStore;
import dev.orderclock.order.PaymentTimeoutSource;
import dev.orderclock.order.PlaceOrder;
import dev.orderclock.server.limits.ShopLimits;
import dev.orderclock.server.stats.CloseRecorder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.InstantSource;

/**
 * Core's order use cases, wired. The scheduler is the engine itself, unless a profile adds a
 * {@code @Primary} one (cluster: the RabbitMQ delay tiers).
 */
@Configuration(proxyBeanMethods = false)
class OrderUseCases {

    @Bean
    PlaceOrder placeOrder(
            OrderStore orders,
            DeadlineScheduler scheduler,
            PaymentTimeoutSource payments,
            InstantSource clock,
            OrderProperties settings,
            ShopLimits limits) {
        limits.checkDefaultPayTimeout(settings.payTimeout());
        // Secure: ids are shown to shoppers, and a guessable id would tell one shopper about another's orders.
        return new PlaceOrder(
                orders,
                scheduler,
                payments,
                clock,
                settings.payTimeout(),
                settings.currency(),
                limits.perOrder(),
                new SecureRandom());
    }

    @Bean
    CancelOrder cancelOrder(
            OrderStore orders,
            OpenAttemptCancellation throughChannel,
            DeadlineScheduler scheduler,
            PaymentTimeoutSource payments,
            InstantSource clock,
            CloseRecorder closes) {
        return new CancelOrder(orders, throughChannel, scheduler, payments, clock, order -> closes.cancelled());
    }

    @Bean
    DeliverOrder deliverOrder(
            OrderStore orders, DeadlineScheduler scheduler, AutoConfirmSource autoConfirm, InstantSource clock) {
        return new DeliverOrder(orders, scheduler, autoConfirm, clock);
    }
}
