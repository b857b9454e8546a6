package dev.orderclock.order;

import dev.orderclock.deadline.Deadline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link OrderStore#deadlines}: a range scan in (deadline, id) order, after a point, up to a bound. */
public interface ScanningDeadlinesContract extends ShopTests {

    @Test
    default void deadlinesArePagedByDeadlineThenIdThroughTies() {
        // given: three orders share one deadline, two another, one is due at the bound and one just after
        shop().hasProduct("TEA-1", "9.99", 100);
        Instant first = T0.plusSeconds(10);
        Instant second = T0.plusSeconds(20);
        Instant until = T0.plusSeconds(30);
        List<Deadline> expected = new ArrayList<>();
        for (Instant due : new Instant[] {second, first, until, first, second, first}) {
            expected.add(deadlineOf(shop().places(anOrder().of("TEA-1", 1).pendingUntil(due))));
        }
        shop().places(anOrder().of("TEA-1", 1).pendingUntil(until.plusMillis(1)));
        expected.sort(null);
        // when: pages of two, each starting after the last deadline of the one before
        List<List<Deadline>> pages = new ArrayList<>();
        Deadline after = Deadline.BEGINNING;
        List<Deadline> page;
        do {
            page = shop().orders().deadlines(OrderTransition.CLOSE_FOR_TIMEOUT, after, until, 2);
            pages.add(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == 2);
        // then
        assertThat(pages)
                .containsExactly(expected.subList(0, 2), expected.subList(2, 4), expected.subList(4, 6), List.of());
    }

    @Test
    default void aScanStartsRightAfterTheDeadlineItIsGiven() {
        // given
        shop().hasProduct("TEA-1", "9.99", 100);
        Instant due = T0.plusSeconds(10);
        List<Deadline> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(deadlineOf(shop().places(anOrder().of("TEA-1", 1).pendingUntil(due))));
        }
        tied.sort(null);
        // when
        List<Deadline> afterTheSecond =
                shop().orders().deadlines(OrderTransition.CLOSE_FOR_TIMEOUT, tied.get(1), due, 10);
        List<Deadline> afterTheEnd = shop().orders()
                .deadlines(
                        OrderTransition.CLOSE_FOR_TIMEOUT, Deadline.endOf(due.toEpochMilli()), due.plusSeconds(60), 10);
        // then
        assertThat(afterTheSecond).containsExactlyElementsOf(tied.subList(2, 4));
        assertThat(afterTheEnd).isEmpty();
    }

    @Test
    default void deadlinesListOnlyOrdersStillInTheSourceStatus() {
        // given
        shop().hasProduct("TEA-1", "9.99", 100);
        Order pending = shop().places(anOrder().of("TEA-1", 1).pendingUntil(T0.plusSeconds(1)));
        shop().paid(shop().places(anOrder().of("TEA-1", 1).pendingUntil(T0.plusSeconds(2))), T0);
        shop().cancelled(shop().places(anOrder().of("TEA-1", 1).pendingUntil(T0.plusSeconds(3))), T0);
        // when
        List<Deadline> deadlines = shop().orders()
                .deadlines(OrderTransition.CLOSE_FOR_TIMEOUT, Deadline.BEGINNING, T0.plus(Duration.ofDays(1)), 10);
        // then
        assertThat(deadlines).containsExactly(deadlineOf(pending));
    }

    @Test
    default void autoConfirmDeadlinesFollowTheConfirmDeadlineOfShippedOrders() {
        // given
        shop().hasProduct("TEA-1", "9.99", 100);
        Order later = shop().shipped(shop().paid(shop().places(anOrder().of("TEA-1", 1)), T0), T0.plusSeconds(50));
        Order sooner = shop().shipped(shop().paid(shop().places(anOrder().of("TEA-1", 1)), T0), T0.plusSeconds(40));
        shop().paid(shop().places(anOrder().of("TEA-1", 1)), T0);
        // when
        List<Deadline> deadlines = shop().orders()
                .deadlines(OrderTransition.AUTO_CONFIRM, Deadline.BEGINNING, later.confirmDeadline(), 10);
        // then
        assertThat(deadlines)
                .containsExactly(
                        new Deadline(sooner.id(), sooner.confirmDeadline().toEpochMilli()),
                        new Deadline(later.id(), later.confirmDeadline().toEpochMilli()));
    }

    private static Deadline deadlineOf(Order order) {
        return new Deadline(order.id(), order.payDeadline().toEpochMilli());
    }
}
