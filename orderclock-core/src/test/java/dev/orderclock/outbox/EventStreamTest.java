package dev.orderclock.outbox;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The tail's bookkeeping against an outbox in memory: what each poll hands out, with a manual clock. */
class EventStreamTest {

    private final ManualClock clock = ManualClock.at("2026-11-27T03:00:00Z");
    private final MemoryOutbox outbox = new MemoryOutbox();
    private final EventStream stream = new EventStream(outbox, clock);
    private final List<Subscriber> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Subscriber::close);
    }

    @Test
    void aNewListenerGetsTheLatestEventsThenWhatCommitsAfter() {
        outbox.commit(1, 2, 3);
        Captured client = subscribe(null);
        stream.poll();
        outbox.commit(4);
        stream.poll();

        await().atMost(Duration.ofSeconds(5)).until(() -> client.seqs().size() == 4);
        assertThat(client.seqs()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aNumberTakenByATransactionStillCommittingIsHandedOutWhenItCommits() {
        Captured client = subscribe(null);
        stream.poll();
        outbox.commit(1, 3); // 2 took its number first but commits later
        stream.poll();
        clock.advance(Duration.ofMillis(500));
        outbox.commit(2);
        stream.poll();

        await().atMost(Duration.ofSeconds(5)).until(() -> client.seqs().size() == 3);
        assertThat(client.seqs()).containsExactly(1L, 3L, 2L);
    }

    @Test
    void aNumberMissingLongerThanTheGapWaitIsGivenUp() {
        subscribe(null);
        stream.poll();
        outbox.commit(1, 3);
        stream.poll();
        clock.advance(EventStream.GAP_WAIT.plusMillis(1));
        stream.poll();
        int asked = outbox.gapQueries;
        stream.poll();

        assertThat(outbox.gapQueries).isEqualTo(asked); // nothing left to ask for
    }

    @Test
    void aBurstLargerThanAPageIsSampledAndTheSkippedCounted() {
        Captured client = subscribe(null);
        stream.poll();
        long[] burst = new long[EventStream.PAGE + 400];
        for (int i = 0; i < burst.length; i++) {
            burst[i] = i + 1;
        }
        outbox.commit(burst);
        stream.poll();

        await().atMost(Duration.ofSeconds(5)).until(() -> client.seqs().size() == EventStream.SAMPLE);
        assertThat(client.skipped()).containsExactly((long) burst.length - EventStream.SAMPLE);
        assertThat(client.seqs().get(EventStream.SAMPLE - 1)).isEqualTo(burst.length);
    }

    @Test
    void aReconnectingListenerGetsOnlyWhatItMissed() {
        outbox.commit(1, 2, 3, 4, 5);
        subscribe(null);
        stream.poll(); // the stream is positioned at 5

        Captured resumed = subscribe(3L);
        stream.poll();

        await().atMost(Duration.ofSeconds(5)).until(() -> resumed.seqs().size() == 2);
        assertThat(resumed.seqs()).containsExactly(4L, 5L);
    }

    @Test
    void nobodyListeningMeansNoQueryAtAll() {
        outbox.commit(1);

        stream.poll();

        assertThat(outbox.queries).isZero();
    }

    private Captured subscribe(Long lastEventId) {
        Captured sink = new Captured();
        opened.add(stream.subscribe(sink, lastEventId));
        return sink;
    }

    /** A sink that keeps what was sent instead of writing a response. */
    static final class Captured implements EventSink {
        private final List<Long> seqs = new CopyOnWriteArrayList<>();
        private final List<Long> skipped = new CopyOnWriteArrayList<>();

        @Override
        public void event(OutboxEvent event) {
            seqs.add(event.seq());
        }

        @Override
        public void skipped(long count) {
            skipped.add(count);
        }

        @Override
        public void heartbeat() {}

        @Override
        public void end() {}

        List<Long> seqs() {
            return List.copyOf(seqs);
        }

        List<Long> skipped() {
            return List.copyOf(skipped);
        }
    }

    /** An outbox whose rows commit when the test says so, in any order. */
    static final class MemoryOutbox implements Outbox {
        private final List<OutboxEvent> rows = new ArrayList<>();
        int queries;
        int gapQueries;

        void commit(long... seqs) {
            for (long seq : seqs) {
                rows.add(new OutboxEvent(seq, "event-" + seq, "order.created", "{\"n\":" + seq + "}"));
            }
        }

        @Override
        public List<OutboxEvent> after(long seq, int limit) {
            queries++;
            return rows.stream()
                    .filter(r -> r.seq() > seq)
                    .sorted((a, b) -> Long.compare(a.seq(), b.seq()))
                    .limit(limit)
                    .toList();
        }

        @Override
        public List<OutboxEvent> latest(int limit) {
            queries++;
            List<OutboxEvent> sorted = rows.stream()
                    .sorted((a, b) -> Long.compare(a.seq(), b.seq()))
                    .toList();
            return sorted.subList(Math.max(0, sorted.size() - limit), sorted.size());
        }

        @Override
        public List<OutboxEvent> among(Collection<Long> seqs) {
            queries++;
            gapQueries++;
            return rows.stream().filter(r -> seqs.contains(r.seq())).toList();
        }

        @Override
        public long lastSeq() {
            queries++;
            return rows.stream().mapToLong(OutboxEvent::seq).max().orElse(0);
        }

        @Override
        public <X extends Exception> int publishNext(long lockKey, int limit, Publisher<X> publisher) {
            throw new UnsupportedOperationException("the event stream never publishes");
        }
    }
}
