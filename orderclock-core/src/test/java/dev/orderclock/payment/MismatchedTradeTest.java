package dev.orderclock.payment;

import dev.orderclock.order.OrderStatus;
import dev.orderclock.payment.QueryBeforeClose.Decision;
import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A trade the channel holds with another amount, currency or merchant ends: closed or refunded, never retried. */
class MismatchedTradeTest {

    static final Instant DEADLINE = Instant.parse("2026-11-24T19:50:00.123Z");
    static final TradeState.Paid MORE = new TradeState.Paid("ch-9", new BigDecimal("29.98"), DEADLINE.minusSeconds(60));

    final ManualClock clock = new ManualClock(DEADLINE.plusMillis(10));
    final FakePaymentStore store = new FakePaymentStore(DEADLINE.minusSeconds(600), DEADLINE);
    final FakeChannel channel = new FakeChannel();
    final List<Map.Entry<Long, Instant>> retries = new ArrayList<>();
    final QueryBeforeClose check = new QueryBeforeClose(
            store,
            new PaymentChannels(List.of(channel)),
            clock,
            (id, when) -> retries.add(Map.entry(id, when)),
            PaymentOutcomes.NONE,
            Runnable::run,
            QueryBeforeClose.Settings.DEFAULTS);

    @Test
    void aTradePaidWithAnotherAmountClosesTheOrderAndHasExactlyThatMoneyRefunded() {
        channel.answersQueries(MORE);

        assertThat(check.decide(FakePaymentStore.ORDER_ID)).isEqualTo(Decision.CLOSED);

        assertThat(store.status).isEqualTo(OrderStatus.CLOSED);
        assertThat(store.changes).containsExactly("mismatched, refund 29.98 due", "closed");
        PaymentAttempt attempt = store.find(FakePaymentStore.TRADE_NO).orElseThrow();
        assertThat(attempt.status()).isEqualTo(PaymentAttempt.Status.MISMATCHED);
        assertThat(attempt.refund().requestNo()).isEqualTo("RF_" + FakePaymentStore.TRADE_NO);
        assertThat(channel.calls).containsExactly("query");
        assertThat(retries).isEmpty();
    }

    @Test
    void aWaitingTradeInAnotherCurrencyIsClosedAtTheChannelAndNothingIsRefunded() {
        channel.answersQueries(new TradeState.Mismatched("currency USD", null)).answersCloses(new CloseAnswer.Closed());

        assertThat(check.decide(FakePaymentStore.ORDER_ID)).isEqualTo(Decision.CLOSED);

        assertThat(channel.calls).containsExactly("query", "close");
        assertThat(store.changes).containsExactly("mismatched", "closed");
        assertThat(store.find(FakePaymentStore.TRADE_NO).orElseThrow().refund()).isNull();
    }

    @Test
    void anUnclearCloseOfAMismatchedTradeChangesNothingAndIsAskedAgain() {
        channel.answersQueries(new TradeState.Mismatched("merchant", null))
                .answersCloses(new CloseAnswer.Unknown("timeout"));

        assertThat(check.decide(FakePaymentStore.ORDER_ID)).isEqualTo(Decision.RETRY);

        assertThat(store.changes).isEmpty();
        assertThat(store.status).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void aMismatchedTradeIsNeverAskedAboutAgain() {
        channel.answersQueries(MORE);
        check.decide(FakePaymentStore.ORDER_ID);
        channel.calls.clear();

        Decision again = check.decide(FakePaymentStore.ORDER_ID);

        assertThat(again).isEqualTo(Decision.SETTLED);
        assertThat(channel.calls).isEmpty();
        assertThat(store.changes).containsExactly("mismatched, refund 29.98 due", "closed");
    }

    @Test
    void reconciliationEndsAMismatchedTradeBeforeTheDeadlineAndLeavesTheOrderPending() {
        clock.set(DEADLINE.minusSeconds(60));
        channel.answersQueries(MORE);
        Reconciliation reconciliation = new Reconciliation(
                store,
                new PaymentChannels(List.of(channel)),
                check,
                clock,
                PaymentOutcomes.NONE,
                java.time.Duration.ofSeconds(30),
                10);

        assertThat(reconciliation.runOnce()).isZero();

        assertThat(store.status).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(store.changes).containsExactly("mismatched, refund 29.98 due");
        assertThat(store.openAttemptOf(FakePaymentStore.ORDER_ID)).isEmpty();
    }

    @Test
    void aNotificationOfAnotherAmountEndsTheTradeOnlyWhenTheChannelsAnswerConfirmsIt() {
        clock.set(DEADLINE.minusSeconds(60));
        PaymentNotifications notifications = new PaymentNotifications(store, clock, PaymentOutcomes.NONE);
        channel.notifies(new PaymentNotification(
                "n-1", FakePaymentStore.TRADE_NO, "ch-9", PaymentNotification.Kind.PAID, MORE.amount(), MORE.paidAt()));
        InboundNotification inbound = new InboundNotification(Map.of(), "signed");

        channel.answersQueries(
                new TradeState.Waiting(), MORE); // the first answer shows the attempt's trade, then another
        PaymentNotifications.Receipt unconfirmed = notifications.handle(channel, inbound);
        List<String> changedByIt = List.copyOf(store.changes);
        PaymentNotifications.Receipt confirmed = notifications.handle(channel, inbound);
        PaymentNotifications.Receipt repeated = notifications.handle(channel, inbound);

        assertThat(unconfirmed.refusal()).isEqualTo(PaymentNotifications.Refusal.AMOUNT_MISMATCH);
        assertThat(changedByIt).isEmpty();
        assertThat(confirmed.isAccepted()).isTrue();
        assertThat(repeated.isAccepted()).isTrue();
        assertThat(store.changes).containsExactly("mismatched, refund 29.98 due");
        assertThat(store.status).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void switchingChannelEndsAMismatchedTradeAndOpensTheNewAttempt() {
        clock.set(DEADLINE.minusSeconds(300));
        FakeChannel wechat = new FakeChannel("wechat");
        channel.answersCloses(new CloseAnswer.AlreadyPaid()).answersQueries(MORE);
        Checkout checkout =
                new Checkout(store, new PaymentChannels(List.of(channel, wechat)), clock, PaymentOutcomes.NONE);

        Checkout.Result result = checkout.pay(store.order(), wechat);

        assertThat(result).isInstanceOf(Checkout.Result.Started.class);
        assertThat(store.changes).containsExactly("mismatched, refund 29.98 due", "opened wechat");
        assertThat(store.status).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }
}
