package dev.orderclock.simulator;

import dev.orderclock.simulator.TradeLedger.Closing;
import dev.orderclock.simulator.TradeLedger.Payment;
import dev.orderclock.simulator.TradeLedger.Refunding;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class TradeLedgerTest {

    private static final Instant OPENED = Instant.parse("2026-11-24T11:20:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-11-24T11:50:00Z");

    private final TradeLedger ledger = new TradeLedger();

    @Test
    void aTradeIsPaidUntilTheSecondItExpires() {
        ledger.open(trade("T-1"));
        ledger.open(trade("T-2"));

        assertThat(ledger.pay("T-1", EXPIRES.minusMillis(1), false).outcome()).isEqualTo(Payment.Outcome.PAID);
        assertThat(ledger.pay("T-2", EXPIRES, false).outcome()).isEqualTo(Payment.Outcome.CLOSED);
        assertThat(ledger.find("T-2", EXPIRES).orElseThrow().status()).isEqualTo(TradeStatus.CLOSED);
    }

    @Test
    void aClosedTradeRefusesPaymentUnlessTheChannelMisbehaves() {
        ledger.open(trade("T-1"));
        assertThat(ledger.close("T-1", OPENED.plusSeconds(1)).outcome()).isEqualTo(Closing.Outcome.CLOSED);

        assertThat(ledger.pay("T-1", OPENED.plusSeconds(2), false).outcome()).isEqualTo(Payment.Outcome.CLOSED);
        assertThat(ledger.pay("T-1", OPENED.plusSeconds(3), true).outcome()).isEqualTo(Payment.Outcome.PAID);
        assertThat(ledger.pay("T-1", OPENED.plusSeconds(4), true).outcome()).isEqualTo(Payment.Outcome.ALREADY_PAID);
    }

    @Test
    void onlyAWaitingTradeCloses() {
        ledger.open(trade("T-1"));
        ledger.pay("T-1", OPENED, false);

        assertThat(ledger.close("T-1", OPENED.plusSeconds(1)).outcome()).isEqualTo(Closing.Outcome.NOT_WAITING);
        assertThat(ledger.close("T-9", OPENED).outcome()).isEqualTo(Closing.Outcome.NOT_FOUND);
    }

    @Test
    void aRefundIsCarriedOutOncePerRequestNumber() {
        ledger.open(trade("T-1"));
        ledger.pay("T-1", OPENED, false);

        Refunding first = ledger.refund("T-1", "R-1", new BigDecimal("19.98"), OPENED.plusSeconds(5));
        Refunding again = ledger.refund("T-1", "R-1", new BigDecimal("19.98"), OPENED.plusSeconds(9));

        assertThat(first.outcome()).isEqualTo(Refunding.Outcome.REFUNDED);
        assertThat(again.outcome()).isEqualTo(Refunding.Outcome.REPEATED);
        assertThat(again.refund().at()).isEqualTo(OPENED.plusSeconds(5));
        assertThat(again.trade().refunded()).isEqualByComparingTo("19.98");
        assertThat(again.trade().isFullyRefunded()).isTrue();
    }

    @Test
    void refusesRefundsThatDoNotFit() {
        ledger.open(trade("T-1"));
        ledger.open(trade("T-2"));
        ledger.pay("T-1", OPENED, false);
        ledger.refund("T-1", "R-1", new BigDecimal("10.00"), OPENED);

        assertThat(ledger.refund("T-1", "R-1", new BigDecimal("9.98"), OPENED).outcome())
                .isEqualTo(Refunding.Outcome.DISCORDANT);
        assertThat(ledger.refund("T-1", "R-2", new BigDecimal("9.99"), OPENED).outcome())
                .isEqualTo(Refunding.Outcome.TOO_MUCH);
        assertThat(ledger.refund("T-2", "R-3", new BigDecimal("1.00"), OPENED).outcome())
                .isEqualTo(Refunding.Outcome.NOT_PAID);
    }

    @Test
    void aPaymentRacingACloseHasExactlyOneWinner() throws Exception {
        for (int i = 0; i < 200; i++) {
            String tradeNo = "T-" + i;
            ledger.open(trade(tradeNo));
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Payment> pay =
                    CompletableFuture.supplyAsync(() -> await(start, () -> ledger.pay(tradeNo, OPENED, false)));
            CompletableFuture<Closing> close =
                    CompletableFuture.supplyAsync(() -> await(start, () -> ledger.close(tradeNo, OPENED)));
            start.countDown();

            boolean paid = pay.get().outcome() == Payment.Outcome.PAID;
            boolean closed = close.get().outcome() == Closing.Outcome.CLOSED;

            assertThat(paid ^ closed).as(tradeNo).isTrue();
        }
    }

    @Test
    void theLedgerStaysAtItsCapAfterManyMoreTrades() {
        TradeLedger bounded = new TradeLedger(100);
        int largest = 0;

        for (int i = 0; i < 1_000; i++) {
            bounded.open(trade("T-" + i, OPENED.plusSeconds(i)));
            bounded.close("T-" + i, OPENED.plusSeconds(i));
            largest = Math.max(largest, bounded.size());
        }

        assertThat(largest).isEqualTo(100);
        assertThat(bounded.size()).isBetween(90, 100);
        assertThat(bounded.find("T-999", OPENED.plusSeconds(999))).isPresent();
        assertThat(bounded.find("T-0", OPENED.plusSeconds(999))).isEmpty();
    }

    @Test
    void aPaidTradeStaysAnswerableWhileLaterTradesSettle() {
        TradeLedger bounded = new TradeLedger(100);
        bounded.open(trade("T-paid", OPENED));
        bounded.pay("T-paid", OPENED.plusSeconds(1), false);

        for (int i = 0; i < 500; i++) {
            bounded.open(trade("T-" + i, OPENED.plusSeconds(2 + i)));
            bounded.close("T-" + i, OPENED.plusSeconds(2 + i));
        }

        // Query-before-close and reconciliation ask after the payment: the channel still knows it.
        assertThat(bounded.find("T-paid", OPENED.plusSeconds(600)).orElseThrow().status())
                .isEqualTo(TradeStatus.PAID);
        assertThat(bounded.findByChannelTradeNo("2026112422001T-paid", OPENED.plusSeconds(600)))
                .isPresent();
        assertThat(bounded.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void openTradesAreForgottenOnlyWhenNothingSettledIsLeftTheOldestFirst() {
        TradeLedger bounded = new TradeLedger(10);
        bounded.open(trade("T-closed", OPENED));
        bounded.close("T-closed", OPENED);

        for (int i = 0; i < 10; i++) {
            bounded.open(trade("T-" + i, OPENED.plusSeconds(1 + i)));
        }

        // 11 held > 10: down to 9, the closed trade first, then the oldest open one.
        Instant now = OPENED.plusSeconds(20);
        assertThat(bounded.size()).isEqualTo(9);
        assertThat(bounded.find("T-closed", now)).isEmpty();
        assertThat(bounded.find("T-0", now)).isEmpty();
        assertThat(bounded.findByChannelTradeNo("2026112422001T-0", now)).isEmpty();
        assertThat(bounded.find("T-1", now).orElseThrow().status()).isEqualTo(TradeStatus.WAITING);
        assertThat(bounded.pay("T-0", now, false).outcome()).isEqualTo(Payment.Outcome.NOT_FOUND);
    }

    private static <T> T await(CountDownLatch start, java.util.function.Supplier<T> action) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return action.get();
    }

    private static SimTrade trade(String tradeNo) {
        return trade(tradeNo, OPENED);
    }

    private static SimTrade trade(String tradeNo, Instant openedAt) {
        return new SimTrade(
                tradeNo,
                "alipay",
                "2021000000000042",
                "ORD-1",
                new BigDecimal("19.98"),
                "tea",
                "2026112422001" + tradeNo,
                "http://localhost/notify",
                openedAt,
                EXPIRES,
                TradeStatus.WAITING,
                false,
                null,
                null,
                List.of());
    }
}
