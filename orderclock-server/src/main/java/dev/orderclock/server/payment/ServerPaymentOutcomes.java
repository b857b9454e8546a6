package dev.orderclock.server.payment;

import dev.orderclock.deadline.Fired;
import dev.orderclock.order.Order;
import dev.orderclock.payment.PaymentOutcomes;
import dev.orderclock.server.engine.PaymentDeadlines;
import dev.orderclock.server.stats.CloseRecorder;

import java.util.List;

/** Payment outcomes into the rest of the server: a paid order leaves the wheel; a close counts in the close lag. */
final class ServerPaymentOutcomes implements PaymentOutcomes {

    private final PaymentDeadlines deadlines;
    private final CloseRecorder closes;

    ServerPaymentOutcomes(PaymentDeadlines deadlines, CloseRecorder closes) {
        this.deadlines = deadlines;
        this.closes = closes;
    }

    @Override
    public void paid(Order order) {
        deadlines.settled(order);
    }

    @Override
    public void closedForTimeout(Order order) {
        closes.timedOut(List.of(new Fired(order.id(), order.payDeadline(), order.closedAt())));
    }
}
