package dev.orderclock.order;

import dev.orderclock.stock.InsufficientStockException;
import dev.orderclock.stock.UnknownSkuException;
import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PlaceOrderTest {

    /** 100 units a line, 24 hours to pay, 10 orders and 200 units held. */
    private static final PlaceOrder.Limits LIMITS =
            new PlaceOrder.Limits(100, Duration.ofHours(24), new HoldingLimits(10, 200));

    private final ManualClock clock = ManualClock.at("2026-11-24T19:20:00.123Z");
    private final ScriptedOrderStore store = new ScriptedOrderStore();
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final PaymentTimeoutSource payments = new PaymentTimeoutSource(store);
    private final PlaceOrder placement = placement(Duration.ofMinutes(30), LIMITS);

    @Test
    void aPlacedOrderHasItsDeadlineHandedToTheSchedulerAfterTheStoreWroteIt() {
        PlaceOrder.Result result = placement.place(request(2, Duration.ofSeconds(60)));

        assertThat(result).isInstanceOfSatisfying(PlaceOrder.Result.Placed.class, placed -> {
            assertThat(placed.order().payDeadline()).isEqualTo(clock.instant().plusSeconds(60));
            assertThat(scheduler.calls)
                    .containsExactly(new RecordingScheduler.Call(
                            "schedule",
                            payments,
                            placed.order().id(),
                            placed.order().payDeadline()));
        });
        assertThat(store.limits).containsExactly(LIMITS.holding());
    }

    @Test
    void noTimeToPayMeansTheShopsDefault() {
        PlaceOrder.Result result = placement.place(request(2, null));

        assertThat(((PlaceOrder.Result.Placed) result).order().payDeadline())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void aTakenIdIsRetriedWithAnother() {
        store.creating(order -> {
            throw new DuplicateOrderIdException(order.id());
        });

        assertThat(placement.place(request(2, null))).isInstanceOf(PlaceOrder.Result.Placed.class);
        assertThat(store.created).hasSize(2);
        assertThat(store.created.get(0).id()).isNotEqualTo(store.created.get(1).id());
    }

    @Test
    void afterAFewTakenIdsPlacementGivesUp() {
        for (int i = 0; i < PlaceOrder.ID_ATTEMPTS; i++) {
            store.creating(order -> {
                throw new DuplicateOrderIdException(order.id());
            });
        }

        assertThatIllegalStateException().isThrownBy(() -> placement.place(request(2, null)));
        assertThat(scheduler.calls).isEmpty();
    }

    @Test
    void aSkuNamedTwiceIsRefusedBeforeTheStoreEvenWhenALineIsOverTheLimit() {
        PlaceOrder.Request twice = new PlaceOrder.Request(
                "u-1", List.of(new NewOrder.Item("TEA-1", 101), new NewOrder.Item("TEA-1", 2)), null);

        assertThat(placement.place(twice)).isEqualTo(new PlaceOrder.Result.SkuNamedTwice("TEA-1"));
        assertThat(store.created).isEmpty();
    }

    @Test
    void anUnknownSkuIsATypedRefusalAndSchedulesNothing() {
        store.creating(order -> {
            throw new UnknownSkuException("NOPE-1");
        });

        assertThat(placement.place(request(2, null))).isEqualTo(new PlaceOrder.Result.UnknownSku("NOPE-1"));
        assertThat(scheduler.calls).isEmpty();
    }

    @Test
    void notEnoughStockIsATypedRefusalAndSchedulesNothing() {
        store.creating(order -> {
            throw new InsufficientStockException("TEA-1", 2);
        });

        assertThat(placement.place(request(2, null))).isEqualTo(new PlaceOrder.Result.NotEnoughStock("TEA-1"));
        assertThat(scheduler.calls).isEmpty();
    }

    @Test
    void aLineOverTheShopsLimitIsRefusedBeforeTheStore() {
        assertThat(placement.place(request(101, null)))
                .isEqualTo(new PlaceOrder.Result.OverShopLimit(PlaceOrder.ShopLimit.UNITS_PER_LINE, 100, 101, "TEA-1"));
        assertThat(store.created).isEmpty();
    }

    @Test
    void aTimeToPayOverTheShopsLimitIsRefusedBeforeTheStore() {
        assertThat(placement.place(request(2, Duration.ofSeconds(86_401))))
                .isEqualTo(new PlaceOrder.Result.OverShopLimit(PlaceOrder.ShopLimit.PAY_TIMEOUT, 86_400, 86_401, null));
        assertThat(store.created).isEmpty();
    }

    @Test
    void exactlyTheShopsLimitsArePlaced() {
        assertThat(placement.place(request(100, Duration.ofSeconds(86_400))))
                .isInstanceOf(PlaceOrder.Result.Placed.class);
    }

    @Test
    void aShopperHoldingTooMuchIsATypedRefusalNamingTheLimitAndSchedulesNothing() {
        store.creating(order -> {
            throw new HoldingLimitExceededException("u-1", HoldingLimits.Limit.PENDING_UNITS, 200);
        });

        assertThat(placement.place(request(2, null)))
                .isEqualTo(new PlaceOrder.Result.HoldingLimitReached(HoldingLimits.Limit.PENDING_UNITS, 200));
        assertThat(scheduler.calls).isEmpty();
    }

    @Test
    void withoutLimitsOnlyTheRequestBoundsApply() {
        PlaceOrder unlimited = placement(Duration.ofDays(7), PlaceOrder.Limits.NONE);

        assertThat(unlimited.place(request(10_000, Duration.ofDays(7)))).isInstanceOf(PlaceOrder.Result.Placed.class);
        assertThat(store.limits).containsExactly(HoldingLimits.NONE);
    }

    @Test
    void aDefaultTimeToPayLongerThanTheLimitIsAWiringError() {
        assertThatIllegalArgumentException().isThrownBy(() -> placement(Duration.ofDays(2), LIMITS));
    }

    private PlaceOrder placement(Duration defaultPayTimeout, PlaceOrder.Limits limits) {
        return new PlaceOrder(
                store, scheduler, payments, clock, defaultPayTimeout, "CNY", limits, new SplittableRandom(7));
    }

    private static PlaceOrder.Request request(int quantity, Duration payTimeout) {
        return new PlaceOrder.Request("u-1", List.of(new NewOrder.Item("TEA-1", quantity)), payTimeout);
    }
}
