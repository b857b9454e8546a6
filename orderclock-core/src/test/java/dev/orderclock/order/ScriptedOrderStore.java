package dev.orderclock.order;

import dev.orderclock.deadline.Deadline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** An order store for use-case tests: {@code create} and {@code apply} answer as scripted and are recorded. */
final class ScriptedOrderStore implements OrderStore {

    final List<NewOrder> created = new ArrayList<>();
    final List<HoldingLimits> limits = new ArrayList<>();
    final List<OrderTransition> applied = new ArrayList<>();
    private final List<Function<NewOrder, Order>> creations = new ArrayList<>();
    private final List<TransitionResult> transitions = new ArrayList<>();

    /** The next {@code create} answers {@code creation}; unscripted calls store the order as pending. */
    ScriptedOrderStore creating(Function<NewOrder, Order> creation) {
        creations.add(creation);
        return this;
    }

    ScriptedOrderStore applying(TransitionResult result) {
        transitions.add(result);
        return this;
    }

    static Order stored(NewOrder order) {
        return Order.pending(
                order.id(),
                order.userId(),
                new BigDecimal("19.98"),
                order.currency(),
                List.of(),
                order.createdAt(),
                order.payDeadline());
    }

    static Order in(OrderStatus status, long id) {
        Instant at = NewOrderBuilder.DEFAULT_DEADLINE;
        return new Order(
                id,
                "u-1",
                status,
                null,
                new BigDecimal("19.98"),
                "CNY",
                List.of(),
                at.minusSeconds(1800),
                at,
                null,
                null,
                null,
                status == OrderStatus.SHIPPED ? at.plusSeconds(86_400) : null,
                null);
    }

    @Override
    public Order create(NewOrder order, HoldingLimits holding) {
        created.add(order);
        limits.add(holding);
        return creations.isEmpty() ? stored(order) : creations.remove(0).apply(order);
    }

    @Override
    public TransitionResult apply(OrderTransition transition, long id, Instant now) {
        applied.add(transition);
        return transitions.remove(0);
    }

    @Override
    public Optional<Order> find(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OrderPage list(OrderQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Order> applyDue(OrderTransition transition, long[] ids, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Order> sweepDue(OrderTransition transition, Instant cutoff, int limit, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long[] dueWithOpenAttempt(long[] ids, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Deadline> deadlines(OrderTransition transition, Deadline after, Instant until, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<OrderStatus, Long> countByStatus() {
        throw new UnsupportedOperationException();
    }

    @Override
    public long countClosedFor(CloseReason reason) {
        throw new UnsupportedOperationException();
    }
}
