package dev.orderclock.server.payment;

import dev.orderclock.deadline.DeadlineInbox;
import dev.orderclock.deadline.SweepTurn;
import dev.orderclock.jdbc.JdbcPaymentStore;
import dev.orderclock.jdbc.JdbcStorage;
import dev.orderclock.payment.CancelWithOpenAttempt;
import dev.orderclock.payment.Checkout;
import dev.orderclock.payment.PaymentAttempt;
import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.payment.PaymentChannels;
import dev.orderclock.payment.PaymentNotifications;
import dev.orderclock.payment.PaymentOutcomes;
import dev.orderclock.payment.PaymentStore;
import dev.orderclock.payment.QueryBeforeClose;
import dev.orderclock.payment.Reconciliation;
import dev.orderclock.payment.Refunds;
import dev.orderclock.server.engine.PaymentDeadlines;
import dev.orderclock.server.limits.LimitsProperties;
import dev.orderclock.server.order.OrderProperties;
import dev.orderclock.server.order.OrderRefunds;
import dev.orderclock.server.order.OrderView;
import dev.orderclock.server.stats.CloseRecorder;
import dev.orderclock.settings.InvalidSettingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/** The payment side of orders: attempts, checkout, notifications, query-before-close, 查单 and refunds. */
@Configuration(proxyBeanMethods = false)
public class PaymentConfiguration {

    /** The one currency Alipay's and WeChat Pay's domestic trades are in. */
    public static final String CHANNEL_CURRENCY = "CNY";

    /** Over the storage the order store is built on: a payment changes its order on the same transition path. */
    @Bean
    PaymentStore paymentStore(JdbcStorage storage) {
        return new JdbcPaymentStore(storage);
    }

    /** Both channels charge in yuan: a shop in another currency would be charged amounts it never meant. */
    @Bean
    PaymentChannels paymentChannels(ObjectProvider<PaymentChannel> channels, OrderProperties orders) {
        List<PaymentChannel> all = channels.orderedStream().toList();
        if (!all.isEmpty() && !CHANNEL_CURRENCY.equals(orders.currency())) {
            throw InvalidSettingException.of(
                    "orderclock.currency",
                    "orderclock.currency must be " + CHANNEL_CURRENCY
                            + " while " + all.stream().map(PaymentChannel::name).toList() + " take payments: it is "
                            + orders.currency()
                            + ". Both channels charge yuan, so every amount would be charged in the wrong "
                            + "currency.",
                    "Set orderclock.currency=" + CHANNEL_CURRENCY + ".");
        }
        return new PaymentChannels(all);
    }

    @Bean
    PaymentOutcomes paymentOutcomes(PaymentDeadlines deadlines, CloseRecorder closes) {
        return new ServerPaymentOutcomes(deadlines, closes);
    }

    @Bean
    Checkout checkout(
            PaymentStore store,
            PaymentChannels channels,
            InstantSource clock,
            PaymentOutcomes outcomes,
            LimitsProperties limits) {
        return new Checkout(store, channels, clock, outcomes, limits.paymentAttemptsPerOrder());
    }

    @Bean
    PaymentNotifications paymentNotifications(PaymentStore store, InstantSource clock, PaymentOutcomes outcomes) {
        return new PaymentNotifications(store, clock, outcomes);
    }

    @Bean
    CancelWithOpenAttempt cancelWithOpenAttempt(
            PaymentStore store, PaymentChannels channels, InstantSource clock, PaymentOutcomes outcomes) {
        return new CancelWithOpenAttempt(store, channels, clock, outcomes);
    }

    /** Bounded twice: at most max-in-flight checks run (threads) and none queue beyond that (the rest retry). */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService paymentCheckThreads(PaymentProperties settings) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(
                settings.maxInFlight(),
                settings.maxInFlight(),
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.maxInFlight()),
                runnable -> {
                    Thread thread = new Thread(runnable, "orderclock-payment-check-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Retries go into the payment deadlines' inbox, which the engine takes into the wheel of the payment
     * timeouts: the engine fires the timeout source, which hands orders to this check, so it is built after.
     */
    @Bean
    QueryBeforeClose queryBeforeClose(
            PaymentStore store,
            PaymentChannels channels,
            InstantSource clock,
            DeadlineInbox paymentDeadlineInbox,
            PaymentOutcomes outcomes,
            ExecutorService paymentCheckThreads,
            PaymentProperties settings) {
        return new QueryBeforeClose(
                store,
                channels,
                clock,
                paymentDeadlineInbox::retryAt,
                outcomes,
                paymentCheckThreads,
                settings.checkSettings());
    }

    @Bean
    Reconciliation reconciliation(
            PaymentStore store,
            PaymentChannels channels,
            QueryBeforeClose check,
            InstantSource clock,
            PaymentOutcomes outcomes,
            PaymentProperties settings) {
        return new Reconciliation(
                store, channels, check, clock, outcomes, settings.reconcileAge(), settings.reconcileBatchSize());
    }

    @Bean
    Refunds refunds(
            PaymentStore store,
            PaymentChannels channels,
            InstantSource clock,
            PaymentOutcomes outcomes,
            PaymentProperties settings) {
        return new Refunds(store, channels, clock, outcomes, settings.refundBatchSize());
    }

    @Bean
    PaymentJobs paymentJobs(
            Reconciliation reconciliation,
            Refunds refunds,
            PaymentProperties settings,
            ObjectProvider<SweepTurn> turns) {
        return new PaymentJobs(reconciliation, refunds, settings, turns.getIfAvailable(() -> SweepTurn.ALWAYS));
    }

    /** The latest attempt with a refund is the one the order shows. */
    @Bean
    OrderRefunds orderRefunds(PaymentStore store) {
        return orderIds -> store.refundedAttemptsOf(orderIds).stream()
                .collect(Collectors.toMap(
                        PaymentAttempt::orderId,
                        attempt -> attempt,
                        BinaryOperator.maxBy(Comparator.comparing(PaymentAttempt::paidAt))))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        entry -> OrderView.RefundView.of(
                                entry.getValue().refund().status().name(),
                                entry.getValue().refund().amount(),
                                entry.getValue().tradeNo())));
    }
}
