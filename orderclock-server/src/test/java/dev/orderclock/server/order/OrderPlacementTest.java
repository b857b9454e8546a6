package dev.orderclock.server.order;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.order.DuplicateOrderIdException;
import dev.orderclock.order.NewOrder;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.OrderStore;
import dev.orderclock.order.PaymentTimeoutSource;
import dev.orderclock.order.HoldingLimitExceededException;
import dev.orderclock.order.HoldingLimits;
import dev.orderclock.server.engine.PaymentDeadlines;
import dev.orderclock.server.limits.LimitsProperties;
import dev.orderclock.server.limits.ShopLimits;
import dev.orderclock.server.problem.ProblemType;
import dev.orderclock.server.problem.ProblemException;
import dev.orderclock.stock.InsufficientStockException;
import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class OrderPlacementTest {

    /** The shop's defaults: 10 orders and 200 units held, 100 units a line, 24 hours to pay. */
    private static final ShopLimits LIMITS = new ShopLimits(new LimitsProperties(null, null, null, null, null, null, null));

    private final ManualClock clock = ManualClock.at("2026-11-24T19:20:00.123Z");
    private final OrderStore store = mock(OrderStore.class);
    private final DeadlineEngine engine = mock(DeadlineEngine.class);
    private final PaymentTimeoutSource source = new PaymentTimeoutSource(store);
    private final OrderPlacement placement = new OrderPlacement(store, new PaymentDeadlines(engine, source), clock,
            new OrderProperties(Duration.ofMinutes(30), "CNY"), LIMITS, new SplittableRandom(7));

    @Test
    void aTakenIdIsRetriedWithAnother() {
        when(store.create(any(), any())).thenThrow(new DuplicateOrderIdException(1)).thenAnswer(call -> stored(call.getArgument(0)));

        placement.place("u-1", request(60));

        ArgumentCaptor<NewOrder> tried = ArgumentCaptor.forClass(NewOrder.class);
        verify(store, times(2)).create(tried.capture(), any());
        assertThat(tried.getAllValues().get(0).id()).isNotEqualTo(tried.getAllValues().get(1).id());
    }

    @Test
    void afterAFewTakenIdsPlacementGivesUp() {
        when(store.create(any(), any())).thenThrow(new DuplicateOrderIdException(1));

        assertThatIllegalStateException().isThrownBy(() -> placement.place("u-1", request(60)));
    }

    @Test
    void theDeadlineIsHandedToTheEngineOnceTheOrderIsStored() {
        when(store.create(any(), any())).thenAnswer(call -> stored(call.getArgument(0)));

        Order order = placement.place("u-1", request(60));

        verify(engine).schedule(source, order.id(), clock.instant().plusSeconds(60));
    }

    @Test
    void noTimeToPayMeansTheShopsDefault() {
        when(store.create(any(), any())).thenAnswer(call -> stored(call.getArgument(0)));

        Order order = placement.place("u-1", request(null));

        assertThat(order.payDeadline()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void aRefusedOrderSchedulesNothing() {
        when(store.create(any(), any())).thenThrow(new InsufficientStockException("TEA-1", 2));

        Throwable refused = catchThrowable(() -> placement.place("u-1", request(60)));

        assertThat(refused).isInstanceOf(InsufficientStockException.class);
        verify(engine, never()).schedule(any(), anyLong(), any());
    }

    @Test
    void aSkuNamedTwiceIsRefusedBeforeTheStore() {
        CreateOrderRequest twice = new CreateOrderRequest(
                List.of(new CreateOrderRequest.Line("TEA-1", 1), new CreateOrderRequest.Line("TEA-1", 2)), null);

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> placement.place("u-1", twice));
        verify(store, never()).create(any(), any());
    }

    private static CreateOrderRequest request(Integer payTimeoutSeconds) {
        return new CreateOrderRequest(List.of(new CreateOrderRequest.Line("TEA-1", 2)), payTimeoutSeconds);
    }

    private static Order stored(NewOrder order) {
        Instant created = order.createdAt();
        return new Order(order.id(), order.userId(), OrderStatus.PENDING_PAYMENT, null, new BigDecimal("19.98"),
                order.currency(), List.of(), created, order.payDeadline(), null, null, null, null, null);
    }

    @Test
    void theShopsHoldingLimitsGoToTheStoreWithTheOrder() {
        when(store.create(any(), any())).thenAnswer(call -> stored(call.getArgument(0)));

        placement.place("u-1", request(60));

        verify(store).create(any(), org.mockito.ArgumentMatchers.eq(new HoldingLimits(10, 200)));
    }

    @Test
    void aShopperHoldingTooMuchGetsAConflictNamingTheLimitAndNothingIsScheduled() {
        when(store.create(any(), any())).thenThrow(
                new HoldingLimitExceededException("u-1", HoldingLimits.Limit.PENDING_ORDERS, 10));

        Throwable refused = catchThrowable(() -> placement.place("u-1", request(60)));

        assertThat(refused).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.HOLDING_LIMIT_REACHED);
            assertThat(e.toProblemDetail().getProperties())
                    .containsEntry("limit", "max-pending-orders-per-shopper").containsEntry("max", 10L);
        });
        verify(engine, never()).schedule(any(), anyLong(), any());
    }

    @Test
    void aLineOverTheShopsLimitIsRefusedBeforeTheStore() {
        CreateOrderRequest bulk = new CreateOrderRequest(List.of(new CreateOrderRequest.Line("TEA-1", 101)), null);

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> placement.place("u-1", bulk))
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.OVER_SHOP_LIMIT);
                    assertThat(e.toProblemDetail().getProperties())
                            .containsEntry("limit", "max-units-per-line").containsEntry("max", 100L)
                            .containsEntry("sku", "TEA-1");
                });
        verify(store, never()).create(any(), any());
    }

    @Test
    void aTimeToPayOverTheShopsLimitIsRefusedBeforeTheStore() {
        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> placement.place("u-1", request(86_401)))
                .satisfies(e -> assertThat(e.toProblemDetail().getProperties())
                        .containsEntry("limit", "max-pay-timeout").containsEntry("max", 86_400L));
        verify(store, never()).create(any(), any());
    }

    @Test
    void exactlyTheShopsLimitsArePlaced() {
        when(store.create(any(), any())).thenAnswer(call -> stored(call.getArgument(0)));

        Order order = placement.place("u-1",
                new CreateOrderRequest(List.of(new CreateOrderRequest.Line("TEA-1", 100)), 86_400));

        assertThat(order.payDeadline()).isEqualTo(clock.instant().plusSeconds(86_400));
    }

    @Test
    void withLimitsOffTheApiBoundsAloneApply() {
        ShopLimits off = new ShopLimits(new LimitsProperties(false, null, null, null, null, null, null));
        OrderPlacement unlimited = new OrderPlacement(store, new PaymentDeadlines(engine, source), clock,
                new OrderProperties(Duration.ofDays(7), "CNY"), off, new SplittableRandom(7));
        when(store.create(any(), any())).thenAnswer(call -> stored(call.getArgument(0)));

        unlimited.place("u-1", new CreateOrderRequest(List.of(new CreateOrderRequest.Line("TEA-1", 10_000)), 604_800));

        verify(store).create(any(), org.mockito.ArgumentMatchers.eq(HoldingLimits.NONE));
    }

    @Test
    void aDefaultTimeToPayLongerThanTheShopsLimitStopsTheStart() {
        assertThatIllegalStateException().isThrownBy(() -> new OrderPlacement(store, new PaymentDeadlines(engine, source),
                        clock, new OrderProperties(Duration.ofDays(2), "CNY"), LIMITS, new SplittableRandom(7)))
                .withMessageContaining("orderclock.limits.max-pay-timeout");
    }
}
