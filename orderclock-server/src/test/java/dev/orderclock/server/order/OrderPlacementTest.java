package dev.orderclock.server.order;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.order.DuplicateOrderIdException;
import dev.orderclock.order.NewOrder;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.OrderStore;
import dev.orderclock.order.PaymentTimeoutSource;
import dev.orderclock.server.engine.PaymentDeadlines;
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

    private final ManualClock clock = ManualClock.at("2026-11-24T19:20:00.123Z");
    private final OrderStore store = mock(OrderStore.class);
    private final DeadlineEngine engine = mock(DeadlineEngine.class);
    private final PaymentTimeoutSource source = new PaymentTimeoutSource(store);
    private final OrderPlacement placement = new OrderPlacement(store, new PaymentDeadlines(engine, source), clock,
            new OrderProperties(Duration.ofMinutes(30), "CNY"), new SplittableRandom(7));

    @Test
    void aTakenIdIsRetriedWithAnother() {
        when(store.create(any())).thenThrow(new DuplicateOrderIdException(1)).thenAnswer(call -> stored(call.getArgument(0)));

        placement.place("u-1", request(60));

        ArgumentCaptor<NewOrder> tried = ArgumentCaptor.forClass(NewOrder.class);
        verify(store, times(2)).create(tried.capture());
        assertThat(tried.getAllValues().get(0).id()).isNotEqualTo(tried.getAllValues().get(1).id());
    }

    @Test
    void afterAFewTakenIdsPlacementGivesUp() {
        when(store.create(any())).thenThrow(new DuplicateOrderIdException(1));

        assertThatIllegalStateException().isThrownBy(() -> placement.place("u-1", request(60)));
    }

    @Test
    void theDeadlineIsHandedToTheEngineOnceTheOrderIsStored() {
        when(store.create(any())).thenAnswer(call -> stored(call.getArgument(0)));

        Order order = placement.place("u-1", request(60));

        verify(engine).schedule(source, order.id(), clock.instant().plusSeconds(60));
    }

    @Test
    void noTimeToPayMeansTheShopsDefault() {
        when(store.create(any())).thenAnswer(call -> stored(call.getArgument(0)));

        Order order = placement.place("u-1", request(null));

        assertThat(order.payDeadline()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void aRefusedOrderSchedulesNothing() {
        when(store.create(any())).thenThrow(new InsufficientStockException("TEA-1", 2));

        Throwable refused = catchThrowable(() -> placement.place("u-1", request(60)));

        assertThat(refused).isInstanceOf(InsufficientStockException.class);
        verify(engine, never()).schedule(any(), anyLong(), any());
    }

    @Test
    void aSkuNamedTwiceIsRefusedBeforeTheStore() {
        CreateOrderRequest twice = new CreateOrderRequest(
                List.of(new CreateOrderRequest.Line("TEA-1", 1), new CreateOrderRequest.Line("TEA-1", 2)), null);

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> placement.place("u-1", twice));
        verify(store, never()).create(any());
    }

    private static CreateOrderRequest request(Integer payTimeoutSeconds) {
        return new CreateOrderRequest(List.of(new CreateOrderRequest.Line("TEA-1", 2)), payTimeoutSeconds);
    }

    private static Order stored(NewOrder order) {
        Instant created = order.createdAt();
        return new Order(order.id(), order.userId(), OrderStatus.PENDING_PAYMENT, null, new BigDecimal("19.98"),
                order.currency(), List.of(), created, order.payDeadline(), null, null, null, null, null);
    }
}
