package dev.orderclock.server.order;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderPage;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.server.identity.Caller;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/** Orders (API.md, Orders): shoppers place, read, list, cancel and confirm their own; operators see all and ship. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderPlacement placement;
    private final VisibleOrders visible;
    private final OrderCancellation cancellation;
    private final OrderShipping shipping;
    private final OrderRefunds refunds;

    OrderController(OrderPlacement placement, VisibleOrders visible, OrderCancellation cancellation,
                    OrderShipping shipping, OrderRefunds refunds) {
        this.placement = placement;
        this.visible = visible;
        this.cancellation = cancellation;
        this.shipping = shipping;
        this.refunds = refunds;
    }

    @PostMapping
    ResponseEntity<OrderView> create(Caller.Shopper shopper, @Valid @RequestBody CreateOrderRequest request) {
        Order order = placement.place(shopper.userId(), request);
        return ResponseEntity.created(URI.create("/api/orders/" + order.displayId())).body(OrderView.of(order));
    }

    @GetMapping("/{id}")
    OrderView get(Caller caller, @PathVariable String id) {
        return view(visible.find(caller, id));
    }

    @GetMapping
    OrderListView list(Caller caller,
                       @RequestParam(required = false) OrderStatus status,
                       @RequestParam(defaultValue = "50") int limit,
                       @RequestParam(required = false) String cursor) {
        OrderPage page = visible.list(caller, status, limit, OrderCursor.decode(cursor));
        long[] mayHaveRefund = page.orders().stream().filter(OrderController::mayHaveRefund).mapToLong(Order::id).toArray();
        Map<Long, OrderView.RefundView> pageRefunds = refunds.of(mayHaveRefund);
        return new OrderListView(page.orders().stream().map(order -> OrderView.of(order, pageRefunds.get(order.id()))).toList(),
                OrderCursor.encode(page.next()));
    }

    @PostMapping("/{id}/cancel")
    OrderView cancel(Caller caller, @PathVariable String id) {
        return view(cancellation.cancel(visible.find(caller, id)));
    }

    @PostMapping("/{id}/ship")
    OrderView ship(Caller.Operator operator, @PathVariable String id) {
        return view(shipping.ship(visible.find(operator, id)));
    }

    @PostMapping("/{id}/confirm")
    OrderView confirm(Caller.Shopper shopper, @PathVariable String id) {
        return view(shipping.confirm(visible.find(shopper, id)));
    }

    /** Only orders that left pending can have had money to give back; pending ones skip the lookup. */
    private OrderView view(Order order) {
        return OrderView.of(order, mayHaveRefund(order) ? refunds.of(order.id()).orElse(null) : null);
    }

    private static boolean mayHaveRefund(Order order) {
        return order.status() != OrderStatus.PENDING_PAYMENT;
    }
}
