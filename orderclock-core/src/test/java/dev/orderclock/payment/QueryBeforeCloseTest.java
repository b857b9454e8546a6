package dev.orderclock.payment;

import dev.orderclock.order.OrderStatus;
import dev.orderclock.payment.QueryBeforeClose.Decision;
import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the check decides for every answer a channel can give, on a manual clock. */
class QueryBeforeCloseTest {

    static final Instant DEADLINE = Instant.parse("2026-11-24T19:50:00.123Z");

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
    void aTradePaidWhoseNotificationWasLostMakesTheOrderPaid() {
        channel.answersQueries(FakeChannel.paid());

        assertThat(decide()).isEqualTo(Decision.PAID);
        assertThat(store.status).isEqualTo(OrderStatus.PAID);
        assertThat(channel.calls).containsExactly("query");
    }

    @Test
    void aWaitingTradeIsClosedAtTheChannelThenTheOrder() {
        channel.answersQueries(new TradeState.Waiting()).answersCloses(new CloseAnswer.Closed());

        assertThat(decide()).isEqualTo(Decision.CLOSED);
        assertThat(channel.calls).containsExactly("query", "close");
        assertThat(store.changes).containsExactly("closed");
    }

    @Test
    void aTradeTheChannelAlreadyClosedClosesTheOrderWithoutAnotherCall() {
        channel.answersQueries(new TradeState.Closed());

        assertThat(decide()).isEqualTo(Decision.CLOSED);
        assertThat(channel.calls).containsExactly("query");
    }

    @Test
    void aTradeNotFoundIsNotTakenForClosedButClosedAtTheChannelOnceItsExpiryPassed() {
        channel.answersQueries(new TradeState.NotFound()).answersCloses(new CloseAnswer.NotFound());

        assertThat(decide()).isEqualTo(Decision.CLOSED);
        assertThat(channel.calls).containsExactly("query", "close");
    }

    @Test
    void aTradeNotFoundBeforeItsExpiryWaitsForTheExpiry() {
        clock.set(DEADLINE.minusSeconds(5));
        channel.answersQueries(new TradeState.NotFound()).answersCloses(new CloseAnswer.NotFound());

        assertThat(decide()).isEqualTo(Decision.RETRY);
        assertThat(retries).containsExactly(Map.entry(FakePaymentStore.ORDER_ID, DEADLINE));
        assertThat(store.status).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void aCloseRefusedBecausePaidQueriesAgainAndPaysTheOrder() {
        channel.answersQueries(new TradeState.Waiting(), FakeChannel.paid())
                .answersCloses(new CloseAnswer.AlreadyPaid());

        assertThat(decide()).isEqualTo(Decision.PAID);
        assertThat(channel.calls).containsExactly("query", "close", "query");
    }

    @Test
    void anUnclearCloseThatStaysUnclearLeavesTheOrderPendingAndRetries() {
        channel.answersQueries(new TradeState.Waiting()).answersCloses(new CloseAnswer.Unknown("timeout"));

        assertThat(decide()).isEqualTo(Decision.RETRY);
        assertThat(store.status).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(retries).hasSize(1);
    }

    @Test
    void anUnknownAnswerIsNeverAGuessTheOrderComesBackWithAGrowingBackOff() {
        channel.answersQueries(new TradeState.Unknown("system error"));

        Decision first = decide();
        clock.set(DEADLINE.plusSeconds(20));
        Decision second = decide();
        clock.set(DEADLINE.plus(Duration.ofHours(1)));
        Decision third = decide();

        assertThat(List.of(first, second, third)).containsOnly(Decision.RETRY);
        assertThat(store.status).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(retries)
                .extracting(Map.Entry::getValue)
                .containsExactly(
                        DEADLINE.plusMillis(10).plusSeconds(1),
                        DEADLINE.plusSeconds(40),
                        DEADLINE.plus(Duration.ofHours(1)).plusSeconds(60));
    }

    @Test
    void anOrderWhoseAttemptWasSettledMeanwhileFiresAgainToCloseIfStillDue() {
        channel.answersQueries(FakeChannel.paid());
        decide();

        assertThat(decide()).isEqualTo(Decision.SETTLED);
        assertThat(retries)
                .extracting(Map.Entry::getValue)
                .containsExactly(clock.instant().plusSeconds(1));
    }

    @Test
    void beyondTheLimitInFlightAnOrderIsRetriedShortlyInsteadOfQueued() {
        List<Runnable> parked = new ArrayList<>();
        QueryBeforeClose narrow = new QueryBeforeClose(
                store,
                new PaymentChannels(List.of(channel)),
                clock,
                (id, when) -> retries.add(Map.entry(id, when)),
                PaymentOutcomes.NONE,
                parked::add,
                new QueryBeforeClose.Settings(1, Duration.ofSeconds(1), Duration.ofSeconds(60)));

        narrow.check(1);
        narrow.check(2);

        assertThat(parked).hasSize(1);
        assertThat(retries).containsExactly(Map.entry(2L, clock.instant().plusSeconds(1)));
    }

    private Decision decide() {
        return check.decide(FakePaymentStore.ORDER_ID);
    }
}
