package dev.orderclock.payment;

import dev.orderclock.order.OrderStatus;
import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paying on another channel than the open attempt's: close it at its channel first, and decide on what it says. */
class CheckoutTest {

    static final Instant DEADLINE = Instant.parse("2026-11-24T19:50:00.123Z");

    final ManualClock clock = new ManualClock(DEADLINE.minusSeconds(300));
    final FakePaymentStore store = new FakePaymentStore(DEADLINE.minusSeconds(600), DEADLINE);
    final FakeChannel alipay = new FakeChannel("alipay");
    final FakeChannel wechat = new FakeChannel("wechat");
    final Checkout checkout =
            new Checkout(store, new PaymentChannels(List.of(alipay, wechat)), clock, PaymentOutcomes.NONE);

    @Test
    void theSameChannelAgainAnswersTheOpenAttemptWithoutCallingAnyChannel() {
        Checkout.Result result = checkout.pay(store.order(), alipay);

        assertThat(result)
                .isEqualTo(new Checkout.Result.Started(
                        store.openAttemptOf(FakePaymentStore.ORDER_ID).orElseThrow()));
        assertThat(alipay.calls).isEmpty();
        assertThat(wechat.calls).isEmpty();
    }

    @Test
    void anotherChannelClosesTheOpenAttemptAtItsChannelBeforeOpeningTheNewOne() {
        alipay.answersCloses(new CloseAnswer.Closed());

        Checkout.Result result = checkout.pay(store.order(), wechat);

        assertThat(alipay.calls).containsExactly("close");
        assertThat(store.changes).containsExactly("attempt closed", "opened wechat");
        assertThat(wechat.calls).containsExactly("open ORD-000000001A-2");
        assertThat(result).isInstanceOfSatisfying(Checkout.Result.Started.class, started -> {
            assertThat(started.attempt().channel()).isEqualTo("wechat");
            assertThat(started.attempt().payUrl()).isEqualTo("https://qr/ORD-000000001A-2");
        });
    }

    @Test
    void aTradeThatWasPaidMeanwhileMakesTheOrderPaidAndOpensNothing() {
        alipay.answersCloses(new CloseAnswer.AlreadyPaid()).answersQueries(FakeChannel.paid());

        Checkout.Result result = checkout.pay(store.order(), wechat);

        assertThat(result).isInstanceOf(Checkout.Result.PaidMeanwhile.class);
        assertThat(store.status).isEqualTo(OrderStatus.PAID);
        assertThat(alipay.calls).containsExactly("close", "query");
        assertThat(wechat.calls).isEmpty();
        assertThat(store.changes).containsExactly("paid");
    }

    @Test
    void anUnclearCloseThenAClosedTradeOpensTheNewOne() {
        alipay.answersCloses(new CloseAnswer.Unknown("timeout")).answersQueries(new TradeState.Closed());

        Checkout.Result result = checkout.pay(store.order(), wechat);

        assertThat(result).isInstanceOf(Checkout.Result.Started.class);
        assertThat(alipay.calls).containsExactly("close", "query");
        assertThat(store.changes).containsExactly("attempt closed", "opened wechat");
    }

    @Test
    void aTradeTheChannelDoesNotKnowIsClosedHereAndTheNewOneOpens() {
        alipay.answersCloses(new CloseAnswer.NotFound());

        Checkout.Result result = checkout.pay(store.order(), wechat);

        assertThat(result).isInstanceOf(Checkout.Result.Started.class);
        assertThat(alipay.calls).containsExactly("close");
    }

    @Test
    void noClearAnswerFromTheOtherChannelChangesNothing() {
        alipay.answersCloses(new CloseAnswer.Unknown("timeout")).answersQueries(new TradeState.Unknown("system error"));

        assertThatThrownBy(() -> checkout.pay(store.order(), wechat)).isInstanceOf(ChannelException.class);
        assertThat(store.changes).isEmpty();
        assertThat(store.openAttemptOf(FakePaymentStore.ORDER_ID))
                .get()
                .extracting(PaymentAttempt::channel)
                .isEqualTo("alipay");
        assertThat(wechat.calls).isEmpty();
    }

    @Test
    void anOrderPastItsDeadlineIsRefusedAfterItsAttemptIsClosed() {
        alipay.answersCloses(new CloseAnswer.Closed());
        clock.set(DEADLINE);

        Checkout.Result result = checkout.pay(store.order(), wechat);

        assertThat(result).isInstanceOf(Checkout.Result.Refused.class);
        assertThat(wechat.calls).isEmpty();
    }

    @Test
    void inTheLastSecondBeforeTheDeadlineNoTradeOpensAndThePaymentWindowIsClosed() {
        alipay.answersCloses(new CloseAnswer.Closed());
        clock.set(Checkout.lastOpening(DEADLINE)); // 19:50:00.000, the deadline 19:50:00.123

        Checkout.Result result = checkout.pay(store.order(), wechat);

        assertThat(result)
                .isEqualTo(new Checkout.Result.WindowClosed(store.order(), Instant.parse("2026-11-24T19:50:00Z")));
        assertThat(alipay.calls).isEmpty();
        assertThat(wechat.calls).isEmpty();
        assertThat(store.changes).isEmpty();
    }

    @Test
    void justBeforeTheLastOpeningATradeStillOpens() {
        alipay.answersCloses(new CloseAnswer.Closed());
        clock.set(Checkout.lastOpening(DEADLINE).minusMillis(1));

        assertThat(checkout.pay(store.order(), wechat)).isInstanceOf(Checkout.Result.Started.class);
    }

    @Test
    void aRefusalBecauseTheExpiryPassedOnTheWayIsAClosedWindowNotAFailure() {
        alipay.answersCloses(new CloseAnswer.Closed());
        clock.set(Checkout.lastOpening(DEADLINE).minusMillis(1));
        FakeChannel tooLate = new FakeChannel("wechat") {
            @Override
            public OpenedTrade open(TradeRequest request) {
                clock.set(Checkout.lastOpening(DEADLINE).plusMillis(5)); // the call took a while
                throw new ChannelRefusedException("time_expire has passed");
            }
        };

        Checkout.Result result = new Checkout(
                        store, new PaymentChannels(List.of(alipay, tooLate)), clock, PaymentOutcomes.NONE)
                .pay(store.order(), tooLate);

        assertThat(result).isInstanceOf(Checkout.Result.WindowClosed.class);
    }

    @Test
    void aFinalRefusalBeforeTheWindowClosesReachesTheCaller() {
        FakeChannel refusing = new FakeChannel("alipay") {
            @Override
            public OpenedTrade open(TradeRequest request) {
                throw new ChannelRefusedException("ACQ.TOTAL_FEE_EXCEED");
            }
        };
        store.closeAttempt(FakePaymentStore.TRADE_NO, clock.instant());

        assertThatThrownBy(
                        () -> new Checkout(store, new PaymentChannels(List.of(refusing)), clock, PaymentOutcomes.NONE)
                                .pay(store.order(), refusing))
                .isInstanceOf(ChannelRefusedException.class);
    }

    @Test
    void beyondTheAttemptLimitNothingOpensButTheOpenAttemptIsStillAnswered() {
        alipay.answersCloses(new CloseAnswer.Closed());
        Checkout limited =
                new Checkout(store, new PaymentChannels(List.of(alipay, wechat)), clock, PaymentOutcomes.NONE, 1);

        Checkout.Result same = limited.pay(store.order(), alipay);
        Checkout.Result other = limited.pay(store.order(), wechat);

        assertThat(same).isInstanceOf(Checkout.Result.Started.class);
        assertThat(other).isEqualTo(new Checkout.Result.LimitReached(store.order(), 1));
        assertThat(alipay.calls).isEmpty(); // the open attempt is not closed for an attempt that cannot open
        assertThat(wechat.calls).isEmpty();
        assertThat(store.openAttemptOf(FakePaymentStore.ORDER_ID)).isPresent();
    }
}
