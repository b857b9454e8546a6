package dev.orderclock.deadline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due queues between the ticker and the firing workers: whatever piled up since the last take
 * comes out at once up to the batch size, sources take turns, what the sweeper closed leaves with
 * its place, and a stop sends waiting workers away and drops the rest.
 */
class DueQueuesTest {

    private static final long T0 = 1_735_689_600_000L;

    private final Capacity capacity = new Capacity(10_000);
    private final SourceTrack payments = track(new FakeDeadlineSource());
    private final SourceTrack confirms = track(new FakeDeadlineSource());
    private final DueQueues queues = new DueQueues(List.of(payments, confirms), capacity);

    @Test
    void everythingQueuedOverManyTicksComesOutInOneTake() {
        // given a hundred ticks that released three ids each while no worker was free
        for (long tick = 0; tick < 100; tick++) {
            queues.add(payments, held(tick * 3 + 1, tick * 3 + 4));
        }

        // when a worker takes a batch of up to 500
        DueQueues.Batch batch = queues.poll(500);

        // then it gets all 300, in the order they fell due, and nothing is left
        assertThat(batch.track()).isSameAs(payments);
        assertThat(batch.ids()).containsExactly(LongStream.rangeClosed(1, 300).toArray());
        assertThat(queues.poll(500)).isNull();
        assertThat(queues.backlogged()).isFalse();
    }

    @Test
    void noTakeHoldsMoreThanTheBatchSize() {
        // given
        queues.add(payments, held(1, 1_235));

        // when / then
        assertThat(queues.poll(500).ids()).hasSize(500).startsWith(1L);
        assertThat(queues.poll(500).ids()).hasSize(500).startsWith(501L);
        assertThat(queues.poll(500).ids()).hasSize(234).endsWith(1_234L);
        assertThat(queues.poll(500)).isNull();
    }

    @Test
    void sourcesTakeTurnsSoThatABusyOneDoesNotStarveTheOther() {
        // given
        queues.add(payments, held(1, 2_001));
        queues.add(confirms, held(10_001, 10_003));

        // when / then
        assertThat(queues.poll(500).track()).isSameAs(payments);
        assertThat(queues.poll(500).track()).isSameAs(confirms);
        assertThat(queues.poll(500).track()).isSameAs(payments);
        assertThat(queues.size()).isEqualTo(1_000);
    }

    @Test
    void whatTheSweeperClosedLeavesTheQueueAndGivesItsPlaceBack() {
        // given ten queued ids, each holding a place
        queues.add(payments, held(1, 11));
        assertThat(capacity.used()).isEqualTo(10);

        // when the sweeper closed 3, 5 and one that was not queued
        int removed = queues.remove(payments, new long[] {5, 99, 3});

        // then
        assertThat(removed).isEqualTo(2);
        assertThat(capacity.used()).isEqualTo(8);
        assertThat(queues.poll(500).ids()).containsExactly(1, 2, 4, 6, 7, 8, 9, 10);
    }

    @Test
    void aWaitingWorkerTakesWhatArrivesAndLeavesWhenTheQueuesClose() throws Exception {
        // given a worker waiting for work
        CompletableFuture<DueQueues.Batch> first = CompletableFuture.supplyAsync(this::take);

        // when ids arrive, then it takes them
        queues.add(confirms, held(7, 9));
        assertThat(first.get(5, TimeUnit.SECONDS).ids()).containsExactly(7, 8);

        // when the engine stops while it waits again, then it leaves with nothing
        CompletableFuture<DueQueues.Batch> second = CompletableFuture.supplyAsync(this::take);
        queues.close();
        assertThat(second.get(5, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void droppingEverythingGivesEveryPlaceBack() {
        // given
        queues.add(payments, held(1, 5_001));
        queues.add(confirms, held(10_001, 10_011));

        // when
        long dropped = queues.dropAll();

        // then
        assertThat(dropped).isEqualTo(5_010);
        assertThat(capacity.used()).isZero();
        assertThat(queues.poll(500)).isNull();
    }

    /** Ids from {@code first} to before {@code end}, each taking its place as the wheel would have. */
    private long[] held(long first, long end) {
        long[] ids = LongStream.range(first, end).toArray();
        for (int i = 0; i < ids.length; i++) {
            assertThat(capacity.tryAcquire()).isTrue();
        }
        return ids;
    }

    private DueQueues.Batch take() {
        try {
            return queues.take(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private SourceTrack track(DeadlineSource source) {
        return new SourceTrack(source, new TimingWheel(10, T0, capacity), Duration.ofSeconds(1));
    }
}
