package dev.orderclock.order;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliverOrderTest {

    private static final long ID = 42;

    private final ScriptedOrderStore store = new ScriptedOrderStore();
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final AutoConfirmSource autoConfirm = new AutoConfirmSource(store);
    private final DeliverOrder delivery =
            new DeliverOrder(store, scheduler, autoConfirm, ManualClock.at("2026-11-24T19:20:00.123Z"));

    @Test
    void aShippedOrderHasItsConfirmDeadlineScheduled() {
        Order shipped = ScriptedOrderStore.in(OrderStatus.SHIPPED, ID);
        store.applying(new TransitionResult.Applied(shipped));

        assertThat(delivery.ship(ID)).isEqualTo(new DeliverOrder.Result.Done(shipped));
        assertThat(store.applied).containsExactly(OrderTransition.SHIP);
        assertThat(scheduler.calls)
                .containsExactly(new RecordingScheduler.Call("schedule", autoConfirm, ID, shipped.confirmDeadline()));
    }

    @Test
    void aConfirmedOrderLeavesTheScheduler() {
        Order completed = ScriptedOrderStore.in(OrderStatus.COMPLETED, ID);
        store.applying(new TransitionResult.Applied(completed));

        assertThat(delivery.confirm(ID)).isEqualTo(new DeliverOrder.Result.Done(completed));
        assertThat(store.applied).containsExactly(OrderTransition.CONFIRM);
        assertThat(scheduler.calls).containsExactly(new RecordingScheduler.Call("cancel", autoConfirm, ID, null));
    }

    @Test
    void shippingAnUnpaidOrderIsAWrongStatusNamingTheStatusRequired() {
        Order pending = ScriptedOrderStore.in(OrderStatus.PENDING_PAYMENT, ID);
        store.applying(new TransitionResult.WrongStatus(pending));

        assertThat(delivery.ship(ID)).isEqualTo(new DeliverOrder.Result.WrongStatus(pending, OrderStatus.PAID));
        assertThat(scheduler.calls).isEmpty();
    }

    @Test
    void confirmingAnOrderNotShippedIsAWrongStatusNamingTheStatusRequired() {
        Order paid = ScriptedOrderStore.in(OrderStatus.PAID, ID);
        store.applying(new TransitionResult.WrongStatus(paid));

        assertThat(delivery.confirm(ID)).isEqualTo(new DeliverOrder.Result.WrongStatus(paid, OrderStatus.SHIPPED));
        assertThat(scheduler.calls).isEmpty();
    }

    @Test
    void noSuchOrderIsNotFound() {
        store.applying(new TransitionResult.NotFound(ID));

        assertThat(delivery.ship(ID)).isEqualTo(new DeliverOrder.Result.NotFound(ID));
        assertThat(scheduler.calls).isEmpty();
    }
}
