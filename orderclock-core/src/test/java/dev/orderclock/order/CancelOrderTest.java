package dev.orderclock.order;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CancelOrderTest {

    private static final long ID = 42;

    private final ManualClock clock = ManualClock.at("2026-11-24T19:20:00.123Z");
    private final ScriptedOrderStore store = new ScriptedOrderStore();
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final PaymentTimeoutSource payments = new PaymentTimeoutSource(store);
    private final List<Order> counted = new ArrayList<>();
    private final Order pending = ScriptedOrderStore.in(OrderStatus.PENDING_PAYMENT, ID);

    @Test
    void aCancelledOrderLeavesTheSchedulerAndIsCounted() {
        Order closed = ScriptedOrderStore.in(OrderStatus.CLOSED, ID);
        store.applying(new TransitionResult.Applied(closed));

        assertThat(cancel(OpenAttemptCancellation.NONE)).isEqualTo(new CancelOrder.Result.Cancelled(closed));
        assertThat(scheduler.calls).containsExactly(new RecordingScheduler.Call("cancel", payments, ID, null));
        assertThat(counted).containsExactly(closed);
    }

    @Test
    void anOrderNoLongerPendingIsAWrongStatusAndTheChannelIsNotAsked() {
        Order paid = ScriptedOrderStore.in(OrderStatus.PAID, ID);
        store.applying(new TransitionResult.WrongStatus(paid));

        assertThat(cancel(orderId -> {
                    throw new AssertionError("the channel was asked");
                }))
                .isEqualTo(new CancelOrder.Result.WrongStatus(paid));
        assertThat(scheduler.calls).isEmpty();
        assertThat(counted).isEmpty();
    }

    @Test
    void aPendingOrderTheStoreWouldNotCancelIsCancelledThroughItsOpenAttempt() {
        Order closed = ScriptedOrderStore.in(OrderStatus.CLOSED, ID);
        store.applying(new TransitionResult.WrongStatus(pending));

        assertThat(cancel(orderId -> Optional.of(new TransitionResult.Applied(closed))))
                .isEqualTo(new CancelOrder.Result.Cancelled(closed));
        assertThat(counted).containsExactly(closed);
    }

    @Test
    void aChannelWithoutAClearAnswerChangesNothingAndSaysWhy() {
        store.applying(new TransitionResult.WrongStatus(pending));

        assertThat(cancel(orderId -> {
                    throw new OpenAttemptCancellation.Undecided("timed out", null);
                }))
                .isEqualTo(new CancelOrder.Result.ChannelUndecided(pending, "timed out"));
        assertThat(scheduler.calls).isEmpty();
    }

    @Test
    void noSuchOrderIsNotFound() {
        store.applying(new TransitionResult.NotFound(ID));

        assertThat(cancel(OpenAttemptCancellation.NONE)).isEqualTo(new CancelOrder.Result.NotFound(ID));
    }

    private CancelOrder.Result cancel(OpenAttemptCancellation openAttempts) {
        return new CancelOrder(store, openAttempts, scheduler, payments, clock, counted::add).cancel(pending);
    }
}
