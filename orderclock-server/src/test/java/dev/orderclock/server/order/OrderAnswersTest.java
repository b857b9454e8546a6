package dev.orderclock.server.order;

import dev.orderclock.order.CancelOrder;
import dev.orderclock.order.DeliverOrder;
import dev.orderclock.order.HoldingLimits;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.PlaceOrder;
import dev.orderclock.web.problem.ProblemException;
import dev.orderclock.web.problem.ProblemType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderAnswersTest {

    private static final String ID = "ord-1";

    @Test
    void aPlacedOrderIsAnsweredAsItIs() {
        Order placed = order(OrderStatus.PENDING_PAYMENT);

        assertThat(OrderAnswers.placed(new PlaceOrder.Result.Placed(placed))).isSameAs(placed);
    }

    @Test
    void eachRefusedPlacementIsItsProblemWithTheMembersTheContractNames() {
        assertProblem(
                () -> OrderAnswers.placed(new PlaceOrder.Result.SkuNamedTwice("TEA-1")),
                ProblemType.INVALID_REQUEST,
                Map.of("sku", "TEA-1"));
        assertProblem(
                () -> OrderAnswers.placed(new PlaceOrder.Result.UnknownSku("NOPE-1")),
                ProblemType.UNKNOWN_SKU,
                Map.of("sku", "NOPE-1"));
        assertProblem(
                () -> OrderAnswers.placed(new PlaceOrder.Result.NotEnoughStock("TEA-1")),
                ProblemType.NOT_ENOUGH_STOCK,
                Map.of("sku", "TEA-1"));
        assertProblem(
                () -> OrderAnswers.placed(
                        new PlaceOrder.Result.OverShopLimit(PlaceOrder.ShopLimit.UNITS_PER_LINE, 100, 101, "TEA-1")),
                ProblemType.OVER_SHOP_LIMIT,
                Map.of("limit", "max-units-per-line", "max", 100L, "sku", "TEA-1"));
        assertProblem(
                () -> OrderAnswers.placed(
                        new PlaceOrder.Result.OverShopLimit(PlaceOrder.ShopLimit.PAY_TIMEOUT, 86_400, 86_401, null)),
                ProblemType.OVER_SHOP_LIMIT,
                Map.of("limit", "max-pay-timeout", "max", 86_400L));
        assertProblem(
                () -> OrderAnswers.placed(
                        new PlaceOrder.Result.HoldingLimitReached(HoldingLimits.Limit.PENDING_ORDERS, 10)),
                ProblemType.HOLDING_LIMIT_REACHED,
                Map.of("limit", "max-pending-orders-per-shopper", "max", 10L));
    }

    @Test
    void aRefusedCancelIsAConflictNamingTheStatusOrUnavailableWhileTheChannelIsUndecided() {
        assertProblem(
                () -> OrderAnswers.cancelled(new CancelOrder.Result.WrongStatus(order(OrderStatus.PAID)), ID),
                ProblemType.WRONG_ORDER_STATUS,
                Map.of("orderStatus", "PAID"));
        assertProblem(
                () -> OrderAnswers.cancelled(
                        new CancelOrder.Result.ChannelUndecided(order(OrderStatus.PENDING_PAYMENT), "timed out"), ID),
                ProblemType.UNAVAILABLE,
                Map.of());
        assertProblem(
                () -> OrderAnswers.cancelled(new CancelOrder.Result.NotFound(1), ID),
                ProblemType.ORDER_NOT_FOUND,
                Map.of("orderId", ID));
    }

    @Test
    void aRefusedShipOrConfirmSaysWhichStatusItNeeded() {
        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> OrderAnswers.shipped(
                        new DeliverOrder.Result.WrongStatus(order(OrderStatus.PENDING_PAYMENT), OrderStatus.PAID), ID))
                .withMessage("order ord-1 is PENDING_PAYMENT; only a PAID order can be shipped");
        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> OrderAnswers.confirmed(
                        new DeliverOrder.Result.WrongStatus(order(OrderStatus.PAID), OrderStatus.SHIPPED), ID))
                .withMessage("order ord-1 is PAID; only a SHIPPED order can be confirmed");
        assertProblem(
                () -> OrderAnswers.confirmed(new DeliverOrder.Result.NotFound(1), ID),
                ProblemType.ORDER_NOT_FOUND,
                Map.of("orderId", ID));
    }

    private static void assertProblem(ThrowingCallable call, ProblemType type, Map<String, Object> members) {
        assertThatExceptionOfType(ProblemException.class).isThrownBy(call).satisfies(e -> {
            assertThat(e.type()).isEqualTo(type);
            Map<String, Object> properties = e.toProblemDetail().getProperties();
            assertThat(properties == null ? Map.of() : properties).containsExactlyInAnyOrderEntriesOf(members);
        });
    }

    private static Order order(OrderStatus status) {
        Instant at = Instant.parse("2026-11-24T19:20:00.123Z");
        return new Order(
                1,
                "u-1",
                status,
                null,
                new BigDecimal("19.98"),
                "CNY",
                List.of(),
                at,
                at.plusSeconds(1800),
                null,
                null,
                null,
                null,
                null);
    }
}
