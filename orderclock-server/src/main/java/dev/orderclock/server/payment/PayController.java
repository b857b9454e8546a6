package dev.orderclock.server.payment;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.payment.ChannelException;
import dev.orderclock.payment.ChannelRefusedException;
import dev.orderclock.payment.Checkout;
import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.payment.PaymentChannels;
import dev.orderclock.server.limits.LimitsProperties;
import dev.orderclock.server.order.VisibleOrders;
import dev.orderclock.web.identity.Caller;
import dev.orderclock.web.problem.ProblemException;
import dev.orderclock.web.problem.ProblemType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/orders/{id}/pay}: the owner opens (or gets again) a trade at a payment channel; on
 * another channel than the open trade's, that trade is closed at its channel first.
 */
@Tag(name = "orders")
@RestController
class PayController {

    private static final Logger log = LoggerFactory.getLogger(PayController.class);

    private final VisibleOrders visible;
    private final Checkout checkout;
    private final PaymentChannels channels;

    PayController(VisibleOrders visible, Checkout checkout, PaymentChannels channels) {
        this.visible = visible;
        this.checkout = checkout;
        this.channels = channels;
    }

    @Operation(
            summary = "Pay an order: open a payment attempt at a channel",
            description = "The owner. The attempt"
                    + " expires no later than payDeadline; the same channel again returns the same open attempt; another"
                    + " channel first closes the open one at its channel (docs/API.md, Payments).")
    @ApiResponse(
            responseCode = "201",
            description = "the open attempt: where to pay and until when",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "order-not-found")
    @ApiResponse(
            responseCode = "409",
            description = "wrong-order-status: not PENDING_PAYMENT (or paid meanwhile through"
                    + " the attempt being closed); payment-window-closed: in the last whole second before payDeadline;"
                    + " payment-attempts-exceeded (limit, max)")
    @ApiResponse(
            responseCode = "422",
            description = "channel-refused: the channel's final refusal (an amount above"
                    + " its maximum); asking again will not change it")
    @ApiResponse(responseCode = "503", description = "unavailable: the channels gave no clear answer; try again")
    @PostMapping("/api/orders/{id}/pay")
    ResponseEntity<TradeView> pay(
            Caller.Shopper shopper, @PathVariable String id, @RequestBody(required = false) PayRequest request) {
        PaymentChannel channel = channel(request != null ? request.channelOrDefault() : PayRequest.DEFAULT_CHANNEL);
        Order order = visible.find(shopper, id);
        Checkout.Result result;
        try {
            result = checkout.pay(order, channel);
        } catch (ChannelRefusedException e) {
            // Asking again cannot change a refusal like this one (an amount above the channel's maximum).
            log.warn("pay {} on {}: {}", id, channel.name(), e.getMessage());
            throw new ProblemException(
                            ProblemType.CHANNEL_REFUSED,
                            "the " + channel.name()
                                    + " channel refused to open a trade for order " + id
                                    + " (an amount above its maximum, or a value it"
                                    + " does not accept); asking again will not change that")
                    .with("channel", channel.name());
        } catch (ChannelException e) {
            // The channel's own words stay in the log: they may name its internals.
            log.warn("pay {} on {}: {}", id, channel.name(), e.getMessage());
            throw new ProblemException(
                            ProblemType.UNAVAILABLE,
                            "the payment channels gave no clear answer (opening the " + channel.name()
                                    + " trade, or closing the order's open trade on another channel); try again")
                    .with("channel", channel.name());
        }
        if (result instanceof Checkout.Result.Started started) {
            return ResponseEntity.status(HttpStatus.CREATED).body(TradeView.of(started.attempt()));
        }
        if (result instanceof Checkout.Result.Refused refused) {
            String status = refused.current().status().name();
            throw new ProblemException(
                            ProblemType.WRONG_ORDER_STATUS,
                            "order " + id + " is " + status
                                    + (refused.current().status() == OrderStatus.PENDING_PAYMENT
                                            ? " but past its pay deadline"
                                            : "")
                                    + "; only a PENDING_PAYMENT order before its deadline can be paid")
                    .with("orderStatus", status);
        }
        if (result instanceof Checkout.Result.WindowClosed closed) {
            throw new ProblemException(
                            ProblemType.PAYMENT_WINDOW_CLOSED,
                            "the payment window of order " + id
                                    + " has closed: its pay deadline "
                                    + closed.current().payDeadline() + " is too near for a channel"
                                    + " to open a trade, whose expiry counts in whole seconds (trades open until "
                                    + closed.closedAt()
                                    + ")")
                    .with("payDeadline", closed.current().payDeadline().toString());
        }
        if (result instanceof Checkout.Result.LimitReached limit) {
            throw new ProblemException(
                            ProblemType.PAYMENT_ATTEMPTS_EXCEEDED,
                            "order " + id + " has had "
                                    + limit.limit() + " payment attempts, the most orderclock.limits."
                                    + LimitsProperties.ATTEMPTS_LIMIT
                                    + " allows")
                    .with("limit", LimitsProperties.ATTEMPTS_LIMIT)
                    .with("max", limit.limit());
        }
        if (result instanceof Checkout.Result.PaidMeanwhile paid) {
            throw new ProblemException(
                            ProblemType.WRONG_ORDER_STATUS,
                            "order " + id + " was paid through its "
                                    + paid.through().channel() + " trade "
                                    + paid.through().tradeNo() + " while that trade was being closed")
                    .with("orderStatus", paid.order().status().name())
                    .with("channel", paid.through().channel())
                    .with("tradeNo", paid.through().tradeNo());
        }
        throw VisibleOrders.notFound(id);
    }

    private PaymentChannel channel(String name) {
        if (!PayRequest.KNOWN_CHANNELS.contains(name)) {
            throw ProblemException.invalid("channel must be one of "
                            + PayRequest.KNOWN_CHANNELS.stream().sorted().toList() + ": " + name)
                    .with("channel", name);
        }
        return channels.find(name)
                .orElseThrow(() -> ProblemException.invalid("the " + name + " channel is not configured on this server")
                        .with("channel", name));
    }
}
