package dev.orderclock.order;

import dev.orderclock.deadline.Deadline;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory {@link OrderStore} of unpaid orders, for the payment timeout's unit tests: it keeps
 * what the closing transaction decides (closed, or held by an open attempt and claimed until when)
 * and counts the transactions, so that a test can say "one transaction" and mean it.
 */
final class TimeoutOrders implements OrderStore {

    /** One order as the closing update sees it. */
    static final class Row {
        final long id;
        final Instant deadline;
        boolean openAttempt;
        OrderStatus status = OrderStatus.PENDING_PAYMENT;
        Instant closedAt;
        Instant checkClaimedUntil;

        Row(long id, Instant deadline, boolean openAttempt) {
            this.id = id;
            this.deadline = deadline;
            this.openAttempt = openAttempt;
        }
    }

    private final Map<Long, Row> rows = new TreeMap<>();
    int transactions;

    synchronized Row add(long id, Instant deadline, boolean openAttempt) {
        Row row = new Row(id, deadline, openAttempt);
        rows.put(id, row);
        return row;
    }

    synchronized Row row(long id) {
        return rows.get(id);
    }

    @Override
    public synchronized TimeoutBatch closeDueForTimeout(long[] ids, InstantSource clock, Duration checkClaim) {
        transactions++;
        Instant now = clock.instant();
        List<Row> due = Arrays.stream(ids)
                .distinct()
                .mapToObj(rows::get)
                .filter(r -> r != null && r.status == OrderStatus.PENDING_PAYMENT && !r.deadline.isAfter(now))
                .toList();
        return closeOrClaim(due, now, checkClaim);
    }

    @Override
    public synchronized TimeoutBatch sweepDueForTimeout(
            Instant cutoff, int limit, InstantSource clock, Duration checkClaim) {
        transactions++;
        Instant now = clock.instant();
        List<Row> claimed = rows.values().stream()
                .filter(r -> r.status == OrderStatus.PENDING_PAYMENT && r.deadline.isBefore(cutoff))
                .filter(r -> !r.openAttempt || r.checkClaimedUntil == null || !r.checkClaimedUntil.isAfter(now))
                .sorted((a, b) -> a.deadline.compareTo(b.deadline))
                .limit(limit)
                .toList();
        return closeOrClaim(claimed, now, checkClaim);
    }

    private TimeoutBatch closeOrClaim(List<Row> due, Instant now, Duration checkClaim) {
        List<Order> closed = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        for (Row row : due) {
            if (row.openAttempt) {
                row.checkClaimedUntil = now.plus(checkClaim);
                held.add(row.id);
            } else {
                row.status = OrderStatus.CLOSED;
                row.closedAt = now;
                closed.add(order(row));
            }
        }
        return new TimeoutBatch(closed, held.stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public synchronized List<Deadline> deadlines(OrderTransition transition, Deadline after, Instant until, int limit) {
        return rows.values().stream()
                .filter(r -> r.status == OrderStatus.PENDING_PAYMENT && !r.deadline.isAfter(until))
                .map(r -> new Deadline(r.id, r.deadline.toEpochMilli()))
                .filter(d ->
                        d.dueMillis() > after.dueMillis() || d.dueMillis() == after.dueMillis() && d.id() > after.id())
                .sorted((a, b) -> a.dueMillis() != b.dueMillis()
                        ? Long.compare(a.dueMillis(), b.dueMillis())
                        : Long.compare(a.id(), b.id()))
                .limit(limit)
                .toList();
    }

    private static Order order(Row row) {
        return new Order(
                row.id,
                "shopper",
                row.status,
                CloseReason.PAYMENT_TIMEOUT,
                BigDecimal.TEN,
                "CNY",
                List.of(new OrderLine("TEA-1", 1, BigDecimal.TEN)),
                row.deadline.minusSeconds(60),
                row.deadline,
                null,
                row.closedAt,
                null,
                null,
                null);
    }

    @Override
    public Order create(NewOrder order, HoldingLimits limits) {
        throw new UnsupportedOperationException();
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
    public TransitionResult apply(OrderTransition transition, long id, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Order> applyDue(OrderTransition transition, long[] ids, Instant now) {
        throw new UnsupportedOperationException("the payment timeout closes through closeDueForTimeout");
    }

    @Override
    public List<Order> sweepDue(OrderTransition transition, Instant cutoff, int limit, Instant now) {
        throw new UnsupportedOperationException("the payment timeout sweeps through sweepDueForTimeout");
    }

    @Override
    public long[] dueWithOpenAttempt(long[] ids, Instant now) {
        throw new UnsupportedOperationException("the open-attempt read is part of the closing transaction");
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
