package dev.orderclock.server.order;

import dev.orderclock.order.CancelOrder;
import dev.orderclock.order.DeliverOrder;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderPage;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.PlaceOrder;
import dev.orderclock.web.identity.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/**
 * Orders (docs/API.md, Orders; {@code /v3/api-docs}): shoppers place, read, list, cancel and confirm their
 * own; operators see all and ship.
 */
@Tag(name = "orders")
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final PlaceOrder placement;
    private final VisibleOrders visible;
    private final CancelOrder cancellation;
    private final DeliverOrder delivery;
    private final OrderRefunds refunds;

    OrderController(
            PlaceOrder placement,
            VisibleOrders visible,
            CancelOrder cancellation,
            DeliverOrder delivery,
            OrderRefunds refunds) {
        this.placement = placement;
        this.visible = visible;
        this.cancellation = cancellation;
        this.delivery = delivery;
        this.refunds = refunds;
    }

    @Operation(
            summary = "Place an order",
            description =
                    "Reserves the stock; pay before payDeadline (now +"
                            + " payTimeoutSeconds, default orderclock.pay-timeout) or the order closes. A refused order reserves nothing.")
    @ApiResponse(responseCode = "201", description = "the order, PENDING_PAYMENT", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "unknown-sku")
    @ApiResponse(responseCode = "409", description = "not-enough-stock, or holding-limit-reached (limit, max)")
    @ApiResponse(responseCode = "422", description = "over-shop-limit (limit, max)")
    @PostMapping
    ResponseEntity<OrderView> create(Caller.Shopper shopper, @Valid @RequestBody CreateOrderRequest request) {
        Order order = OrderAnswers.placed(placement.place(request.toPlacement(shopper.userId())));
        return ResponseEntity.created(URI.create("/api/orders/" + order.displayId()))
                .body(OrderView.of(order));
    }

    @Operation(summary = "An order", description = "A shopper's own, or any for the operator.")
    @ApiResponse(responseCode = "200", description = "the order", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "order-not-found (also another shopper's order)")
    @GetMapping("/{id}")
    OrderView get(Caller caller, @PathVariable String id) {
        return view(visible.find(caller, id));
    }

    @Operation(summary = "Orders, newest first", description = "A shopper's own, or all for the operator.")
    @ApiResponse(responseCode = "200", description = "a page; nextCursor null at the end", useReturnTypeSchema = true)
    @GetMapping
    OrderListView list(
            Caller caller,
            @RequestParam(required = false) OrderStatus status,
            @Parameter(schema = @Schema(minimum = "1", maximum = "500", defaultValue = "50"))
                    @RequestParam(defaultValue = "50")
                    int limit,
            @RequestParam(required = false) String cursor) {
        OrderPage page = visible.list(caller, status, limit, OrderCursor.decode(cursor));
        long[] mayHaveRefund = page.orders().stream()
                .filter(OrderController::mayHaveRefund)
                .mapToLong(Order::id)
                .toArray();
        Map<Long, OrderView.RefundView> pageRefunds = refunds.of(mayHaveRefund);
        return new OrderListView(
                page.orders().stream()
                        .map(order -> OrderView.of(order, pageRefunds.get(order.id())))
                        .toList(),
                OrderCursor.encode(page.next()));
    }

    @Operation(
            summary = "Cancel an unpaid order",
            description = "The owner: CLOSED, USER_CANCELLED; the stock returns.")
    @ApiResponse(responseCode = "200", description = "the order, CLOSED", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "order-not-found")
    @ApiResponse(responseCode = "409", description = "wrong-order-status: not PENDING_PAYMENT")
    @PostMapping("/{id}/cancel")
    OrderView cancel(Caller caller, @PathVariable String id) {
        return view(OrderAnswers.cancelled(cancellation.cancel(visible.find(caller, id)), id));
    }

    @Operation(summary = "Ship a paid order", description = "The operator; the auto-confirm deadline starts.")
    @ApiResponse(responseCode = "200", description = "the order, SHIPPED", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "order-not-found")
    @ApiResponse(responseCode = "409", description = "wrong-order-status: not PAID")
    @PostMapping("/{id}/ship")
    OrderView ship(Caller.Operator operator, @PathVariable String id) {
        return view(
                OrderAnswers.shipped(delivery.ship(visible.find(operator, id).id()), id));
    }

    @Operation(summary = "Confirm receipt", description = "The owner; otherwise orderclock.auto-confirm does it.")
    @ApiResponse(responseCode = "200", description = "the order, COMPLETED", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "order-not-found")
    @ApiResponse(responseCode = "409", description = "wrong-order-status: not SHIPPED")
    @PostMapping("/{id}/confirm")
    OrderView confirm(Caller.Shopper shopper, @PathVariable String id) {
        return view(OrderAnswers.confirmed(
                delivery.confirm(visible.find(shopper, id).id()), id));
    }

    /** Only orders that left pending can have had money to give back; pending ones skip the lookup. */
    private OrderView view(Order order) {
        return OrderView.of(order, mayHaveRefund(order) ? refunds.of(order.id()).orElse(null) : null);
    }

    private static boolean mayHaveRefund(Order order) {
        return order.status() != OrderStatus.PENDING_PAYMENT;
    }
}
