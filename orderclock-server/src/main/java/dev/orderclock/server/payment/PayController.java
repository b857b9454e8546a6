package dev.orderclock.server.payment;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.payment.ChannelException;
import dev.orderclock.payment.Checkout;
import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.payment.PaymentChannels;
import dev.orderclock.server.identity.Caller;
import dev.orderclock.server.order.VisibleOrders;
import dev.orderclock.server.problem.ProblemException;
import dev.orderclock.server.problem.ProblemType;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/orders/{id}/pay}: the owner opens (or gets again) a trade at a payment channel. */
@RestController
class PayController {

    private final VisibleOrders visible;
    private final Checkout checkout;
    private final PaymentChannels channels;

    PayController(VisibleOrders visible, Checkout checkout, PaymentChannels channels) {
        this.visible = visible;
        this.checkout = checkout;
        this.channels = channels;
    }

    @PostMapping("/api/orders/{id}/pay")
    ResponseEntity<TradeView> pay(Caller.Shopper shopper, @PathVariable String id,
                                  @RequestBody(required = false) PayRequest request) {
        PaymentChannel channel = channel(request != null ? request.channelOrDefault() : PayRequest.DEFAULT_CHANNEL);
        Order order = visible.find(shopper, id);
        Checkout.Result result;
        try {
            result = checkout.pay(order, channel);
        } catch (ChannelException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "the " + channel.name()
                    + " channel did not open the trade; try again").with("channel", channel.name());
        }
        if (result instanceof Checkout.Result.Started started) {
            return ResponseEntity.status(HttpStatus.CREATED).body(TradeView.of(started.attempt()));
        }
        if (result instanceof Checkout.Result.Refused refused) {
            String status = refused.current().status().name();
            throw new ProblemException(ProblemType.WRONG_ORDER_STATUS, "order " + id + " is " + status
                    + (refused.current().status() == OrderStatus.PENDING_PAYMENT ? " but past its pay deadline" : "")
                    + "; only a PENDING_PAYMENT order before its deadline can be paid").with("orderStatus", status);
        }
        if (result instanceof Checkout.Result.OtherChannelOpen other) {
            throw new ProblemException(ProblemType.WRONG_ORDER_STATUS, "order " + id + " has an open trade on "
                    + other.attempt().channel() + "; pay it there or cancel the order").with("channel", other.attempt().channel());
        }
        throw new ProblemException(ProblemType.ORDER_NOT_FOUND, "no order " + id).with("orderId", id);
    }

    private PaymentChannel channel(String name) {
        if (!PayRequest.KNOWN_CHANNELS.contains(name)) {
            throw ProblemException.invalid("channel must be one of " + PayRequest.KNOWN_CHANNELS.stream().sorted().toList()
                    + ": " + name).with("channel", name);
        }
        return channels.find(name).orElseThrow(() -> ProblemException.invalid("the " + name
                + " channel is not configured on this server").with("channel", name));
    }
}
