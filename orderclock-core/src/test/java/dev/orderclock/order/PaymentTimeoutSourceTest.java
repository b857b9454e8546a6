package dev.orderclock.order;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.Fired;
import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The payment timeout's safety net for orders with an open attempt, on a manual clock: the closing
 * transaction closes what it can and claims the rest for a channel check in that same transaction;
 * the sweeper hands over a lost deadline with a trade within grace plus its interval, as one
 * without; a claimed order is not handed over again until its claim passes.
 */
class PaymentTimeoutSourceTest {

    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);
    private static final Duration CHECK_CLAIM = Duration.ofSeconds(10);
    private static final Duration STEP = Duration.ofMillis(100);

    private final ManualClock clock = ManualClock.at("2026-12-06T12:00:00Z");
    private final Instant t0 = clock.instant();
    private final TimeoutOrders orders = new TimeoutOrders();
    private final List<Long> checks = new ArrayList<>();
    private final PaymentTimeoutSource source = new PaymentTimeoutSource(orders, checks::add, CHECK_CLAIM);

    @Test
    void aBatchClosesOrdersWithoutAnAttemptAndHandsOverThoseWithOneInOneTransaction() {
        // given an order without an attempt, one with an open attempt, both due, and one not yet due
        orders.add(1, t0.minusSeconds(1), false);
        orders.add(2, t0.minusSeconds(1), true);
        orders.add(3, t0.plusSeconds(60), false);

        // when the wheel fires all three
        List<Fired> fired = source.fire(new long[] {1, 2, 3}, clock);

        // then the first is closed, the second goes to the channel check, claimed, all in one transaction
        assertThat(fired).extracting(Fired::id).containsExactly(1L);
        assertThat(checks).containsExactly(2L);
        assertThat(orders.transactions).isEqualTo(1);
        assertThat(orders.row(2).status).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(orders.row(2).checkClaimedUntil).isEqualTo(t0.plus(CHECK_CLAIM));
        assertThat(orders.row(3).status).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void aLostDeadlineWithATradeIsHandedOverWithinGraceAndOneSweepIntervalAsOneWithout() {
        // given a cluster node's engine (no horizon: what the broker lost, only the sweeper finds),
        // and two deadlines nobody fires, one of an order with an open trade
        DeadlineEngine engine = clusterEngine();
        orders.add(1, t0.plusSeconds(1), true);
        orders.add(2, t0.plusSeconds(1), false);

        // when time runs to the documented bound past their deadline
        Instant bound = t0.plusSeconds(1).plus(GRACE).plus(SWEEP_INTERVAL);
        runUntil(engine, bound);

        // then both were found: the one without a trade closed, the one with a trade handed to the check
        assertThat(orders.row(2).status).isEqualTo(OrderStatus.CLOSED);
        assertThat(checks).containsExactly(1L);
        assertThat(orders.row(1).status).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void aClaimedOrderIsNotHandedOverAgainUntilItsClaimPasses() {
        // given an overdue order with a trade whose check never decides (the channel does not answer)
        DeadlineEngine engine = clusterEngine();
        orders.add(1, t0.plusSeconds(1), true);
        runUntil(engine, t0.plusSeconds(1).plus(GRACE).plus(SWEEP_INTERVAL));
        assertThat(checks).containsExactly(1L);
        Instant claimedUntil = orders.row(1).checkClaimedUntil;

        // when the sweeper keeps looking every second until just before the claim passes
        runUntil(engine, claimedUntil.minusMillis(1));

        // then it was handed over once; once the claim has passed, the next look hands it over again
        assertThat(checks).containsExactly(1L);
        runUntil(engine, claimedUntil.plus(SWEEP_INTERVAL));
        assertThat(checks).containsExactly(1L, 1L);
    }

    @Test
    void anOrderTheWheelHandedOverIsNotHandedOverAgainByTheSweeperWhileItsCheckRuns() {
        // given an order with a trade that the wheel fired at its deadline, its check still under way
        orders.add(1, t0, true);
        source.fire(new long[] {1}, clock);
        assertThat(checks).containsExactly(1L);

        // when the sweeper looks after the grace
        clock.advance(GRACE.plus(SWEEP_INTERVAL));
        List<Fired> swept = source.sweep(clock.instant().minus(GRACE), 100, clock);

        // then it is left to that check
        assertThat(swept).isEmpty();
        assertThat(checks).containsExactly(1L);
    }

    @Test
    void ordersHandedOverDoNotEndTheSweepOfABacklogEarly() {
        // given a backlog whose oldest orders hold open trades and fill a whole claim
        orders.add(1, t0.minusSeconds(40), true);
        orders.add(2, t0.minusSeconds(30), true);
        orders.add(3, t0.minusSeconds(20), false);
        orders.add(4, t0.minusSeconds(10), false);

        // when the sweeper claims two at a time
        List<Fired> swept = source.sweep(t0, 2, clock);

        // then the two with trades went to the check and the sweep went on to close the two without
        assertThat(checks).containsExactly(1L, 2L);
        assertThat(swept).extracting(Fired::id).containsExactly(3L, 4L);
        assertThat(swept).extracting(Fired::firedAt).containsOnly(t0);
    }

    @Test
    void aCheckClaimMustBePositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PaymentTimeoutSource(orders, checks::add, Duration.ZERO));
    }

    private DeadlineEngine clusterEngine() {
        return DeadlineEngine.builder(clock)
                .source(source)
                .horizonLoading(false)
                .grace(GRACE)
                .sweepInterval(SWEEP_INTERVAL)
                .sweepBatchSize(100)
                .build();
    }

    private void runUntil(DeadlineEngine engine, Instant end) {
        while (clock.instant().isBefore(end)) {
            Instant next = clock.instant().plus(STEP);
            clock.set(next.isAfter(end) ? end : next);
            engine.runOnce();
        }
    }
}
