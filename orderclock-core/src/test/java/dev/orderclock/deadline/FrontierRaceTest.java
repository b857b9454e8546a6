package dev.orderclock.deadline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The race the frontier protocol exists for, played step by step on a {@link SourceTrack}: a
 * deadline is committed while a page query runs (the query may or may not see its row) and its
 * offer reaches the track before or after the page does. Whatever the interleaving it ends up in the
 * wheel exactly once, or beyond the frontier where the next load finds it.
 */
class FrontierRaceTest {

    private static final long T0 = 1_735_689_600_000L;
    private static final Instant UNTIL = Instant.ofEpochMilli(T0 + 30_000);

    private final FakeDeadlineSource source = new FakeDeadlineSource();
    private final Capacity capacity = new Capacity(100);
    private final TimingWheel wheel = new TimingWheel(10, T0, capacity);
    private final SourceTrack track = new SourceTrack(source, wheel);

    @ParameterizedTest(name = "row seen by the query: {0}, offer before the page lands: {1}")
    @CsvSource({"true, true", "true, false", "false, true", "false, false"})
    void aDeadlineCommittedDuringAPageQueryIsHeldExactlyOnce(boolean seenByTheQuery, boolean offerBeforeThePage) {
        // given a load under way over deadlines already pending
        source.add(1, T0 + 1_000);
        source.add(2, T0 + 2_000);
        Deadline after = track.beginLoad();
        Deadline[] committed = new Deadline[1];
        source.duringNextScan(seenByTheQuery, () -> committed[0] = source.add(3, T0 + 1_500));

        // when the page comes back and the deadline's offer arrives before or after it
        List<Deadline> page = source.scan(after, UNTIL, 10);
        if (offerBeforeThePage) {
            track.offer(committed[0]);
        }
        track.pageLoaded(page, Deadline.endOf(UNTIL.toEpochMilli()), true);
        if (!offerBeforeThePage) {
            track.offer(committed[0]);
        }

        // then
        assertThat(page.contains(committed[0])).isEqualTo(seenByTheQuery);
        assertThat(wheel.size()).isEqualTo(3);
        assertThat(capacity.used()).isEqualTo(3);
        assertThat(releasedBy(T0 + 60_000)).containsExactly(1L, 3L, 2L);
    }

    @ParameterizedTest(name = "row seen by the second query: {0}")
    @CsvSource({"true", "false"})
    void aDeadlineOfferedBetweenPagesIsHeldOnceWhicheverPageCoversIt(boolean seenBySecondQuery) {
        // given a load in pages of two, the first page landed
        for (long id = 1; id <= 5; id++) {
            source.add(id, T0 + id * 1_000);
        }
        Deadline after = track.beginLoad();
        List<Deadline> first = source.scan(after, UNTIL, 2);
        track.pageLoaded(first, first.get(1), false);

        // when a deadline inside the second page's range is committed while that page is read
        Deadline[] committed = new Deadline[1];
        source.duringNextScan(seenBySecondQuery, () -> {
            committed[0] = source.add(9, T0 + 3_500);
            track.offer(committed[0]);
        });
        List<Deadline> second = source.scan(track.frontier(), UNTIL, 2);
        track.pageLoaded(second, second.get(1), false);
        List<Deadline> third = source.scan(track.frontier(), UNTIL, 10);
        track.pageLoaded(third, Deadline.endOf(UNTIL.toEpochMilli()), true);

        // then it is held once, with all the others
        assertThat(second.contains(committed[0])).isEqualTo(seenBySecondQuery);
        assertThat(wheel.size()).isEqualTo(6);
        assertThat(releasedBy(T0 + 60_000)).containsExactly(1L, 2L, 3L, 9L, 4L, 5L);
    }

    @Test
    void aDeadlineOfferedDuringALoadBeyondItsWindowIsLeftToTheNextLoad() {
        // given a load under way
        source.add(1, T0 + 1_000);
        Deadline after = track.beginLoad();
        List<Deadline> page = source.scan(after, UNTIL, 10);

        // when a deadline beyond the window is committed and offered before the page lands
        Deadline later = source.add(2, UNTIL.toEpochMilli() + 1);
        track.offer(later);
        track.pageLoaded(page, Deadline.endOf(UNTIL.toEpochMilli()), true);

        // then it is not held, and the next load finds it
        assertThat(wheel.contains(2)).isFalse();
        assertThat(track.frontier()).isLessThan(later);
        List<Deadline> next = source.scan(track.beginLoad(), UNTIL.plusSeconds(15), 10);
        track.pageLoaded(next, Deadline.endOf(UNTIL.toEpochMilli() + 15_000), true);
        assertThat(next).containsExactly(later);
        assertThat(releasedBy(T0 + 60_000)).containsExactly(1L, 2L);
    }

    @Test
    void aPageTheCapacityCutsShortMovesTheFrontierOnlyToTheLastDeadlineHeld() {
        // given room for three and a page of five
        Capacity small = new Capacity(3);
        SourceTrack smallTrack = new SourceTrack(source, new TimingWheel(10, T0, small));
        for (long id = 1; id <= 5; id++) {
            source.add(id, T0 + id * 1_000);
        }
        List<Deadline> page = source.scan(smallTrack.beginLoad(), UNTIL, 10);

        // when
        SourceTrack.PageOutcome outcome = smallTrack.pageLoaded(page, Deadline.endOf(UNTIL.toEpochMilli()), true);

        // then the next load starts right at the first deadline refused
        assertThat(outcome.capped()).isTrue();
        assertThat(outcome.frontier()).isEqualTo(page.get(3).predecessor());
        assertThat(source.scan(outcome.frontier(), UNTIL, 10))
                .extracting(Deadline::id)
                .containsExactly(4L, 5L);
    }

    @Test
    void aPageTheCapacityCutsShortPullsTheFrontierBelowADeadlineThatArrivedMeanwhile() {
        // given room for three, a page of five, and a deadline offered while the page was read
        Capacity small = new Capacity(3);
        TimingWheel smallWheel = new TimingWheel(10, T0, small);
        SourceTrack smallTrack = new SourceTrack(source, smallWheel);
        for (long id = 1; id <= 5; id++) {
            source.add(id, T0 + id * 1_000);
        }
        Deadline after = smallTrack.beginLoad();
        List<Deadline> page = source.scan(after, UNTIL, 10);
        Deadline arrivedLate = source.add(6, T0 + 3_500);
        smallTrack.offer(arrivedLate);

        // when
        SourceTrack.PageOutcome outcome = smallTrack.pageLoaded(page, Deadline.endOf(UNTIL.toEpochMilli()), true);

        // then the frontier stops just before the first deadline refused (the late one, due before
        // the first of the page refused), and nothing beyond it is held
        assertThat(outcome.capped()).isTrue();
        assertThat(arrivedLate).isLessThan(page.get(3));
        assertThat(outcome.frontier()).isEqualTo(arrivedLate.predecessor());
        assertThat(smallWheel.size()).isEqualTo(3);
        assertThat(smallWheel.contains(6)).isFalse();

        // and once room is back, a load from the frontier brings in the rest exactly once
        List<Long> fired = new ArrayList<>();
        smallWheel.advanceTo(T0 + 3_000, fired::add);
        small.release(fired.size());
        List<Deadline> rest = source.scan(smallTrack.beginLoad(), UNTIL, 10);
        smallTrack.pageLoaded(rest, Deadline.endOf(UNTIL.toEpochMilli()), true);
        smallWheel.advanceTo(T0 + 60_000, fired::add);
        assertThat(rest).extracting(Deadline::id).containsExactly(6L, 4L, 5L);
        assertThat(fired).containsExactly(1L, 2L, 3L, 6L, 4L, 5L);
    }

    @Test
    void anOfferTheCapacityRefusesPullsTheFrontierBackBelowIt() {
        // given a full wheel whose frontier is at the end of the window
        Capacity small = new Capacity(1);
        TimingWheel smallWheel = new TimingWheel(10, T0, small);
        SourceTrack smallTrack = new SourceTrack(source, smallWheel);
        source.add(1, T0 + 1_000);
        smallTrack.pageLoaded(
                source.scan(smallTrack.beginLoad(), UNTIL, 10), Deadline.endOf(UNTIL.toEpochMilli()), true);

        // when
        Deadline refused = source.add(2, T0 + 5_000);
        smallTrack.offer(refused);

        // then
        assertThat(smallWheel.contains(2)).isFalse();
        assertThat(smallTrack.frontier()).isEqualTo(refused.predecessor());
        assertThat(source.scan(smallTrack.beginLoad(), UNTIL, 10)).containsExactly(refused);
    }

    private List<Long> releasedBy(long nowMillis) {
        List<Long> released = new ArrayList<>();
        wheel.advanceTo(nowMillis, released::add);
        return released;
    }
}
