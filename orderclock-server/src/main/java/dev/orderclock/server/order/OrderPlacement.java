package dev.orderclock.server.order;

import dev.orderclock.order.DuplicateOrderIdException;
import dev.orderclock.order.HoldingLimitExceededException;
import dev.orderclock.order.NewOrder;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderId;
import dev.orderclock.order.OrderStore;
import dev.orderclock.server.engine.PaymentDeadlines;
import dev.orderclock.server.limits.ShopLimits;
import dev.orderclock.server.problem.ProblemException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Places a shopper's order: the store prices it, reserves its stock and writes it in one transaction;
 * once that has committed, its payment deadline is handed to the engine.
 */
@Component
public class OrderPlacement {

    /** A 50-bit id collides about once in a million million orders; a few tries are plenty. */
    static final int ID_ATTEMPTS = 5;

    private final OrderStore orders;
    private final PaymentDeadlines deadlines;
    private final InstantSource clock;
    private final OrderProperties settings;
    private final ShopLimits limits;
    private final RandomGenerator ids;

    @Autowired
    public OrderPlacement(OrderStore orders, PaymentDeadlines deadlines, InstantSource clock, OrderProperties settings,
                          ShopLimits limits) {
        // Secure: ids are shown to shoppers, and a guessable id would tell one shopper about another's orders.
        this(orders, deadlines, clock, settings, limits, new SecureRandom());
    }

    OrderPlacement(OrderStore orders, PaymentDeadlines deadlines, InstantSource clock, OrderProperties settings,
                   ShopLimits limits, RandomGenerator ids) {
        limits.checkDefaultPayTimeout(settings.payTimeout());
        this.orders = orders;
        this.deadlines = deadlines;
        this.clock = clock;
        this.settings = settings;
        this.limits = limits;
        this.ids = ids;
    }

    /**
     * @throws dev.orderclock.stock.UnknownSkuException when a SKU does not exist (nothing reserved)
     * @throws dev.orderclock.stock.InsufficientStockException when a SKU lacks stock (nothing reserved)
     * @throws ProblemException when the order is over one of the shop's limits (nothing reserved)
     */
    public Order place(String userId, CreateOrderRequest request) {
        List<NewOrder.Item> items = items(request.items());
        items.forEach(item -> limits.checkLine(item.sku(), item.quantity()));
        Instant now = clock.instant();
        Duration timeout = request.payTimeoutSeconds() == null
                ? settings.payTimeout() : Duration.ofSeconds(request.payTimeoutSeconds());
        limits.checkPayTimeout(timeout);
        NewOrder draft = new NewOrder(0, userId, items, settings.currency(), now, now.plus(timeout));
        Order order = create(draft);
        deadlines.created(order);
        return order;
    }

    private Order create(NewOrder draft) {
        for (int attempt = 1; ; attempt++) {
            try {
                return orders.create(draft.withId(OrderId.random(ids)), limits.holding());
            } catch (HoldingLimitExceededException e) {
                throw limits.refusal(e);
            } catch (DuplicateOrderIdException e) {
                if (attempt == ID_ATTEMPTS) {
                    throw new IllegalStateException("no free order id after " + ID_ATTEMPTS + " attempts", e);
                }
            }
        }
    }

    private static List<NewOrder.Item> items(List<CreateOrderRequest.Line> lines) {
        Set<String> seen = new HashSet<>();
        for (CreateOrderRequest.Line line : lines) {
            if (!seen.add(line.sku())) {
                throw ProblemException.invalid("items name SKU " + line.sku() + " more than once")
                        .with("sku", line.sku());
            }
        }
        return lines.stream().map(line -> new NewOrder.Item(line.sku(), line.quantity())).toList();
    }
}
