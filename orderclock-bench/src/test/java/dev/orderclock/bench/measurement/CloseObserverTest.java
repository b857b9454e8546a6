package dev.orderclock.bench.measurement;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CloseObserverTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final long NANOS_2MS = 2_000_000;

    private final CloseObserver observer = new CloseObserver((instant, limit) -> List.of(), InstantSource.fixed(T0), 3);

    @Test
    void anOrderDueAndNoLongerPendingIsSeenWhenThePollAnswers() {
        // given an order due at T0 + 1 s
        observer.expect(1, T0.plusSeconds(1));

        // when a poll asked at T0 + 1.040 s finds it no longer pending and answers 10 ms later
        observer.record(T0.plusMillis(1_040), List.of(), T0.plusMillis(1_050), NANOS_2MS);

        // then it was seen 50 ms after its deadline
        CloseObserver.Summary seen = observer.summary(List.of(1L));
        assertThat(seen.lagMs().getMaxValue()).isEqualTo(50);
        assertThat(seen.unobserved()).isZero();
        assertThat(seen.polls()).isEqualTo(1);
        assertThat(seen.meanQueryMs()).isEqualTo(2.0);
    }

    @Test
    void anOrderStillPendingIsSeenOnlyAtThePollThatNoLongerListsIt() {
        // given an order due at T0 + 1 s that the first two polls after its deadline still list as pending
        CloseObserver.Due order = new CloseObserver.Due(7, T0.plusSeconds(1));
        observer.expect(7, order.deadline());
        observer.record(T0.plusMillis(1_010), List.of(order), T0.plusMillis(1_020), NANOS_2MS);
        observer.record(T0.plusMillis(1_070), List.of(order), T0.plusMillis(1_080), NANOS_2MS);

        // when the third no longer lists it
        observer.record(T0.plusMillis(1_130), List.of(), T0.plusMillis(1_140), NANOS_2MS);

        // then it was seen at the third answer
        assertThat(observer.summary(List.of(7L)).lagMs().getMaxValue()).isEqualTo(140);
    }

    @Test
    void anOrderNotYetDueIsNotJudgedByAPollBeforeItsDeadline() {
        // given an order due at T0 + 5 s, absent from a poll that asked at T0 + 1 s (it is not due, so not listed)
        observer.expect(3, T0.plusSeconds(5));
        observer.record(T0.plusSeconds(1), List.of(), T0.plusSeconds(1), NANOS_2MS);

        // then it is not taken for closed
        CloseObserver.Summary seen = observer.summary(List.of(3L));
        assertThat(seen.lagMs().getTotalCount()).isZero();
        assertThat(seen.unobserved()).isEqualTo(1);
    }

    @Test
    void aBacklogCutAtTheLimitJudgesOnlyTheOrdersDueBeforeItsLastRow() {
        // given five due orders, and a poll whose answer is cut at the limit of three, all due after order 1
        for (long id = 1; id <= 5; id++) {
            observer.expect(id, T0.plusMillis(id * 100));
        }
        List<CloseObserver.Due> cut = List.of(
                new CloseObserver.Due(2, T0.plusMillis(200)),
                new CloseObserver.Due(3, T0.plusMillis(300)),
                new CloseObserver.Due(4, T0.plusMillis(400)));

        // when the poll answers
        observer.record(T0.plusSeconds(1), cut, T0.plusSeconds(1), NANOS_2MS);

        // then order 1 (before the cut, not listed) is seen, order 5 (past the cut, not read) is not yet judged
        CloseObserver.Summary seen = observer.summary(List.of(1L, 5L));
        assertThat(seen.lagMs().getTotalCount()).isEqualTo(1);
        assertThat(seen.lagMs().getMaxValue()).isEqualTo(900);
        assertThat(seen.unobserved()).isEqualTo(1);
    }

    @Test
    void theLastPollAtCloseSeesWhatClosedSinceThePreviousOne() throws Exception {
        // given an observer whose table lists nothing pending, and an order already due
        CloseObserver closing =
                new CloseObserver((instant, limit) -> List.of(), InstantSource.fixed(T0.plusSeconds(2)));
        closing.expect(9, T0.plusSeconds(1));

        // when it is closed without ever having been started
        closing.close();

        // then its one last poll saw the order closed
        assertThat(closing.summary(List.of(9L)).lagMs().getMaxValue()).isEqualTo(1_000);
    }
}
