package dev.orderclock.order;

/**
 * Every legal change of an order's status, and what it does besides. An illegal transition cannot
 * be expressed: there is no constant for it. Each is applied as one conditional update
 * ({@code ... WHERE status = from}), so when two race, the database picks the winner.
 */
public enum OrderTransition {
    /** The payment channel accepted the money: the reservation becomes a sale. */
    PAY(
            OrderStatus.PENDING_PAYMENT,
            OrderStatus.PAID,
            null,
            EventType.ORDER_PAID,
            StockEffect.SELL,
            DeadlineColumn.NONE),
    /** The payment deadline passed unpaid: the reservation returns to stock. */
    CLOSE_FOR_TIMEOUT(
            OrderStatus.PENDING_PAYMENT,
            OrderStatus.CLOSED,
            CloseReason.PAYMENT_TIMEOUT,
            EventType.ORDER_CLOSED,
            StockEffect.RELEASE,
            DeadlineColumn.PAY_DEADLINE),
    /** The shopper gave up before paying: the reservation returns to stock. */
    CANCEL(
            OrderStatus.PENDING_PAYMENT,
            OrderStatus.CLOSED,
            CloseReason.USER_CANCELLED,
            EventType.ORDER_CLOSED,
            StockEffect.RELEASE,
            DeadlineColumn.NONE),
    /** The operator shipped a paid order: the confirm deadline starts. */
    SHIP(OrderStatus.PAID, OrderStatus.SHIPPED, null, EventType.ORDER_SHIPPED, StockEffect.NONE, DeadlineColumn.NONE),
    /** The shopper confirmed receipt. */
    CONFIRM(
            OrderStatus.SHIPPED,
            OrderStatus.COMPLETED,
            null,
            EventType.ORDER_COMPLETED,
            StockEffect.NONE,
            DeadlineColumn.NONE),
    /** The confirm deadline passed without a confirmation. */
    AUTO_CONFIRM(
            OrderStatus.SHIPPED,
            OrderStatus.COMPLETED,
            null,
            EventType.ORDER_COMPLETED,
            StockEffect.NONE,
            DeadlineColumn.CONFIRM_DEADLINE);

    /** What a transition does to the stock of the order's lines. */
    public enum StockEffect {
        NONE,
        /** available += quantity: the reservation ends. */
        RELEASE,
        /** sold += quantity: the reservation becomes a sale. */
        SELL
    }

    /** The deadline that must have passed for the transition to apply, if any. */
    public enum DeadlineColumn {
        NONE,
        PAY_DEADLINE,
        CONFIRM_DEADLINE
    }

    private final OrderStatus from;
    private final OrderStatus to;
    private final CloseReason closeReason;
    private final EventType event;
    private final StockEffect stockEffect;
    private final DeadlineColumn deadline;

    OrderTransition(
            OrderStatus from,
            OrderStatus to,
            CloseReason closeReason,
            EventType event,
            StockEffect stockEffect,
            DeadlineColumn deadline) {
        this.from = from;
        this.to = to;
        this.closeReason = closeReason;
        this.event = event;
        this.stockEffect = stockEffect;
        this.deadline = deadline;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }

    /** The close reason it records, or null when it does not close the order. */
    public CloseReason closeReason() {
        return closeReason;
    }

    public EventType event() {
        return event;
    }

    public StockEffect stockEffect() {
        return stockEffect;
    }

    public DeadlineColumn deadline() {
        return deadline;
    }
}
